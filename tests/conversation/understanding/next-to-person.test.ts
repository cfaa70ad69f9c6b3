import { describe, expect, it } from 'vitest';
import { nextToBooking } from '../../../src/conversation/understanding/next-to-booking.ts';
import { appointmentOf, windowNextTo } from '../../../src/conversation/providers/offline/next-to.ts';
import { lastBooked, type ListedAppointment } from '../../../src/conversation/providers/offline/which-appointment.ts';
import { T } from '../../../src/conversation/templates.ts';

// A booking placed next to one named by its person (f9next): "right after me" is the
// customer's own, "straight after her" the one just made for her; who it is for may be all
// the request says; the time worked out (or a clock time said) is the window searched.

const isService = (words: string) => /\b(haircut|cut|trim|color|colour|consult(ation)?)\b/.test(words);

describe('nextToBooking: the booking named by its person', () => {
  it.each([
    ['my girlfriend wants one too, directly after me friday', { edge: 'end', booking: 'me friday', person: 'self' }],
    ['and her sister straight after her', { edge: 'end', booking: 'her', person: 'other', rest: 'and her sister' }],
    ['can my nephew squeeze in right after him on the 16th', { edge: 'end', booking: 'him on the 16th', person: 'other' }],
    ['his twin just before his appt please', { edge: 'start', minutes: 0, booking: 'his appt', person: 'other' }],
  ])('%j', (text, want) => {
    expect(nextToBooking(text, isService)).toMatchObject(want);
  });

  it('a booking named by its service is no person\'s, whoever says it', () => {
    expect(nextToBooking('a colour right after her cut', isService)?.person).toBeUndefined();
    expect(nextToBooking('a trim right after my colour', isService)?.person).toBeUndefined();
  });

  it('"after her" with nobody and nothing asked places nothing', () => {
    expect(nextToBooking('i will come right after her', isService)).toBeUndefined();
  });
});

const zone = 'America/New_York';
const local = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: zone }).slice(0, 16).replace(' ', 'T');
const mine = { service: 'Haircut', start_local: '2026-12-16T10:00', end_local: '2026-12-16T10:30' };

describe('windowNextTo: the time worked out, or the one said', () => {
  it('before it, the new booking\'s length known: ends as it starts', () => {
    const w = windowNextTo({ zone, nextTo: { edge: 'start', minutes: 0 }, appt: mine, minutes: 90 });
    expect([local(w.from), w.exactTime]).toEqual(['2026-12-16T08:30', true]);
  });

  it('a clock time said without a day is on the booking\'s day, whatever the edge', () => {
    const noonToday = { from: '2026-12-01T17:00:00.000Z', to: '2026-12-01T17:01:00.000Z', exactTime: true, earliest: false, dayNamed: false };
    const w = windowNextTo({ zone, nextTo: { edge: 'end', minutes: 0 }, appt: mine, when: noonToday });
    expect([local(w.from), w.exactTime]).toEqual(['2026-12-16T12:00', true]);
  });
});

describe('the booking "him" or "her" means', () => {
  const item = (time: string, staff: string): ListedAppointment => ({
    appointment_ref: time,
    service: 'Haircut',
    label: `Haircut, Wed Dec 16, ${time} with ${staff}`,
    start_local: '2026-12-16T10:00',
  });
  const first = item('10:00 AM', 'Dana');
  const second = item('10:30 AM', 'Lee');

  it('is the one the latest booking message names', () => {
    const history = [
      { role: 'user' as const, content: 'yes' },
      { role: 'assistant' as const, content: `${T.booked('Haircut', 'Wed Dec 16, 10:30 AM with Lee')}`, toolCall: null },
    ];
    expect(lastBooked(history, [first, second])).toBe(second);
    expect(appointmentOf([first, second], { person: 'other' }, lastBooked(history, [first, second]))).toBe(second);
  });

  it('with nothing booked here, is the one the words name (the first)', () => {
    expect(lastBooked([], [first, second])).toBeUndefined();
    expect(appointmentOf([first, second], { person: 'other' }, undefined)).toBe(first);
  });
});

describe('nextToBooking: a close placement naming no booking is next to the one just made', () => {
  it.each([
    ['and a colour straight after at 10:30 same day', { edge: 'end', person: 'other', rest: 'and a colour at 10:30' }],
    ['book my niece just before, at 3', { edge: 'start', person: 'other', rest: 'book my niece , at 3' }],
  ])('%j', (text, want) => {
    expect(nextToBooking(text, isService)).toMatchObject(want);
  });

  it('"right after work" or a placement with nothing asked places nothing', () => {
    expect(nextToBooking('a haircut right after work', isService)).toBeUndefined();
    expect(nextToBooking('i can come right after', isService)).toBeUndefined();
  });
});
