import { describe, expect, it } from 'vitest';
import { onBookingWeekday } from '../../../src/conversation/providers/offline/booking-weekday.ts';
import { at, localNY, NY } from '../understanding/fixtures.ts';

// f14c (set 12's u076, u084): a new time on the weekday of the booking being moved, said by
// that weekday alone, is on the booking's own day, not on the nearest such weekday.

const window = (from: string, minutes: number, weekdayOnly = true) => {
  const start = at(from, NY);
  const end = new Date(start.getTime() + minutes * 60_000);
  return { from: start.toISOString(), to: end.toISOString(), exactTime: minutes === 1, weekdayOnly };
};
const moved = (w: ReturnType<typeof window>, booking: string | undefined) => localNY(new Date(onBookingWeekday(NY, w, booking).from));

describe('a weekday said alone for a booking on a later day of that weekday', () => {
  it.each([
    ['a clock time, the booking a week on', window('2026-12-03T15:00', 1), '2026-12-10T11:00', '2026-12-10 15:00'],
    ['a clock time, the booking three weeks on', window('2026-12-04T09:30', 1), '2026-12-25T14:00', '2026-12-25 09:30'],
    ['a part of the day', window('2026-12-08T13:00', 300), '2026-12-15T10:00', '2026-12-15 13:00'],
  ])('%s is on the booking day', (_what, w, booking, expected) => {
    expect(moved(w, booking)).toBe(expected);
  });
});

describe('stays the day it names', () => {
  it.each([
    ['said with "this" or a date', window('2026-12-03T15:00', 1, false), '2026-12-10T11:00'],
    ['a whole day, which would be no change', window('2026-12-03T00:00', 24 * 60), '2026-12-10T11:00'],
    ['the booking on another weekday', window('2026-12-03T15:00', 1), '2026-12-11T11:00'],
    ['the booking more than four weeks on', window('2026-12-03T15:00', 1), '2027-01-07T11:00'],
    ['the booking on that very day', window('2026-12-03T15:00', 1), '2026-12-03T11:00'],
    ['no booking being moved', window('2026-12-03T15:00', 1), undefined],
  ])('%s', (_what, w, booking) => {
    expect(moved(w, booking)).toBe(localNY(new Date(w.from)));
  });
});
