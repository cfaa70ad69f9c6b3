import { describe, expect, it } from 'vitest';
import { windowNextTo } from '../../../src/conversation/providers/offline/next-to.ts';

// Fixer 31c (set 30's yf102): "i have a color wed the 9th in the morning, want a haircut after it
// too, sometime after 11?" proposed 10:30, right when the color ends: the hours said ("after 11")
// were dropped for the time beside the booking. Hours said without a day of their own are the
// customer's window on the booking's day; when they leave a gap beside it, that window is searched.

const zone = 'America/New_York';
const color = { service: 'Color', start_local: '2026-12-09T09:00', end_local: '2026-12-09T10:30' };
const cut = { service: 'Haircut', start_local: '2026-12-08T16:00', end_local: '2026-12-08T16:30' };
const local = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: zone }).slice(0, 16).replace(' ', 'T');
/** Hours said on "today" (Dec 1), with no day of their own, as the reader gives them. */
const hours = (from: string, to: string) => ({ from: new Date(`2026-12-01T${from}:00-05:00`).toISOString(), to: new Date(`2026-12-01T${to}:00-05:00`).toISOString(), exactTime: false, earliest: false, dayNamed: false });

describe('hours said beside "after/before my <booking>"', () => {
  it.each([
    ['after it, sometime after 11', 'end', color, hours('11:00', '23:59'), '2026-12-09T11:00'],
    ['after it, in the afternoon', 'end', color, hours('12:00', '17:00'), '2026-12-09T12:00'],
    ['after my cut, after 5', 'end', cut, hours('17:00', '23:59'), '2026-12-08T17:00'],
    ['before my cut, in the morning', 'start', cut, hours('06:00', '12:00'), '2026-12-08T06:00'],
    ['before my color, before 8', 'start', color, hours('00:00', '08:00'), '2026-12-09T00:00'],
  ] as const)('%s: searched from the hours said, on its day', (_, edge, appt, when, from) => {
    const w = windowNextTo({ zone, nextTo: { edge, minutes: 0 }, appt, when, minutes: 30 });
    expect([local(w.from), w.exactTime]).toEqual([from, false]);
  });
});

describe('near misses: right beside the booking', () => {
  it('hours that start before it ends: right after it', () => {
    const w = windowNextTo({ zone, nextTo: { edge: 'end', minutes: 0 }, appt: color, when: hours('09:00', '12:00') });
    expect([local(w.from), w.exactTime]).toEqual(['2026-12-09T10:30', true]);
  });
  it('an amount said ("an hour after it"): counted from it', () => {
    const w = windowNextTo({ zone, nextTo: { edge: 'end', minutes: 60 }, appt: color, when: hours('11:00', '23:59') });
    expect([local(w.from), w.exactTime]).toEqual(['2026-12-09T11:30', true]);
  });
  it('a clock time said: that time', () => {
    const at = { ...hours('11:30', '11:31'), exactTime: true };
    expect(local(windowNextTo({ zone, nextTo: { edge: 'end', minutes: 0 }, appt: color, when: at }).from)).toBe('2026-12-09T11:30');
  });
  it('a day of its own: that day', () => {
    const day = { ...hours('00:00', '23:59'), dayNamed: true };
    expect(windowNextTo({ zone, nextTo: { edge: 'day', minutes: 0 }, appt: color, when: day })).toBe(day);
  });
});
