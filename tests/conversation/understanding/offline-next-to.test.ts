import { describe, expect, it } from 'vitest';
import { appointmentMeant, windowNextTo } from '../../../src/conversation/providers/offline/next-to.ts';

const zone = 'America/New_York';
const haircut = { service: 'Haircut', start_local: '2026-12-03T15:00', end_local: '2026-12-03T15:30' };
const color = { service: 'Color', start_local: '2026-12-04T09:00', end_local: '2026-12-04T10:30' };
const local = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: zone }).slice(0, 16).replace(' ', 'T');

describe('offline provider: the window of a booking placed next to another', () => {
  it('names the appointment by service and day, else the first', () => {
    expect(appointmentMeant([haircut, color], { service: 'Color' })).toBe(color);
    expect(appointmentMeant([haircut, color], { day: '2026-12-03' })).toBe(haircut);
    expect(appointmentMeant([haircut, color], {})).toBe(haircut);
    expect(appointmentMeant([haircut, color], { service: 'Color', day: '2026-12-03' })).toBeUndefined();
  });

  it('right after: its end; 30 min after: its end plus 30; an hour before: its start less 60', () => {
    const after = windowNextTo({ zone, nextTo: { edge: 'end', minutes: 0 }, appt: color });
    expect([local(after.from), after.exactTime]).toEqual(['2026-12-04T10:30', true]);
    expect(local(windowNextTo({ zone, nextTo: { edge: 'end', minutes: 30 }, appt: haircut }).from)).toBe('2026-12-03T16:00');
    expect(local(windowNextTo({ zone, nextTo: { edge: 'start', minutes: -60 }, appt: haircut }).from)).toBe('2026-12-03T14:00');
  });

  it('before it, no amount: the latest times of its day up to its start', () => {
    const w = windowNextTo({ zone, nextTo: { edge: 'start', minutes: 0 }, appt: haircut });
    expect([local(w.from), local(w.to), w.latest]).toEqual(['2026-12-03T00:00', '2026-12-03T15:00', true]);
  });

  it('its day: a time said alone moves onto it, a day said stays, nothing said is the whole day', () => {
    const atNoonToday = { from: '2026-12-01T17:00:00.000Z', to: '2026-12-01T17:01:00.000Z', exactTime: true, earliest: false, dayNamed: false };
    expect(local(windowNextTo({ zone, nextTo: { edge: 'day', minutes: 0 }, appt: haircut, when: atNoonToday }).from)).toBe('2026-12-03T12:00');
    const named = { ...atNoonToday, dayNamed: true };
    expect(windowNextTo({ zone, nextTo: { edge: 'day', minutes: 0 }, appt: haircut, when: named })).toBe(named);
    const whole = windowNextTo({ zone, nextTo: { edge: 'day', minutes: 0 }, appt: haircut });
    expect([local(whole.from), local(whole.to), whole.exactTime]).toEqual(['2026-12-03T00:00', '2026-12-04T00:00', false]);
  });
});

describe('offline provider: a booking at the same time as another, or days from it (f11c)', () => {
  it('at the same time: its start, exactly', () => {
    const w = windowNextTo({ zone, nextTo: { edge: 'same', minutes: 0 }, appt: color });
    expect([local(w.from), w.exactTime]).toEqual(['2026-12-04T09:00', true]);
  });

  it('at the same time on another day said: its clock time on that day', () => {
    const jan8 = { from: '2027-01-08T05:00:00.000Z', to: '2027-01-09T05:00:00.000Z', exactTime: false, earliest: false, dayNamed: true };
    expect(local(windowNextTo({ zone, nextTo: { edge: 'same', minutes: 0 }, appt: haircut, when: jan8 }).from)).toBe('2027-01-08T15:00');
  });

  it('weeks after it: at its time that many days on, or that whole day', () => {
    expect(local(windowNextTo({ zone, nextTo: { edge: 'same', minutes: 0, days: 21 }, appt: haircut }).from)).toBe('2026-12-24T15:00');
    const day = windowNextTo({ zone, nextTo: { edge: 'day', minutes: 0, days: -7 }, appt: color });
    expect([local(day.from), local(day.to), day.exactTime]).toEqual(['2026-11-27T00:00', '2026-11-28T00:00', false]);
  });
});
