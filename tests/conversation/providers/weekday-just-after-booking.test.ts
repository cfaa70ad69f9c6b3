import { describe, expect, it } from 'vitest';
import { onBookingWeekday } from '../../../src/conversation/providers/offline/booking-weekday.ts';
import { at, localNY, NY } from '../understanding/fixtures.ts';

// f17-j (set 16's zd031, set 15's zb036): a move's weekday said alone whose nearest day is in a
// week before the booking's and most of a week before it is the one just after the booking
// ("my thurs cut to fri" with the cut a week on is the next day, not the Friday before), when
// the booking was named by its own weekday.

const window = (from: string, minutes: number, weekdayOnly = true) => {
  const start = at(from, NY);
  const end = new Date(start.getTime() + minutes * 60_000);
  return { from: start.toISOString(), to: end.toISOString(), exactTime: minutes === 1, weekdayOnly };
};
const moved = (w: ReturnType<typeof window>, booking: string, byWeekday = true) => localNY(new Date(onBookingWeekday(NY, w, booking, byWeekday).from));

describe('a weekday the day past the booking', () => {
  it.each([
    ['a clock time the day after', window('2026-12-04T14:00', 1), '2026-12-10T11:00', '2026-12-11 14:00'],
    ['a whole day the day after', window('2026-12-05T00:00', 24 * 60), '2026-12-11T11:00', '2026-12-12 00:00'],
    ['the booking two weeks on', window('2026-12-04T15:00', 1), '2026-12-17T09:00', '2026-12-18 15:00'],
  ])('%s is just after the booking', (_what, w, booking, expected) => {
    expect(moved(w, booking)).toBe(expected);
  });
});

describe('stays the day it names', () => {
  it.each([
    ['as near before as after ("my tues cut to fri")', window('2026-12-04T13:00', 1), '2026-12-08T10:00'],
    // f21-v (set 21's zn076): "move my tuesday one to thurs 10am", then "i meant friday": this week's days.
    ['two days after ("my tuesday one to thurs")', window('2026-12-03T10:00', 1), '2026-12-08T10:00'],
    ['two days after ("my wed cut to fri")', window('2026-12-04T10:00', 1), '2026-12-09T11:00'],
    ['a day of the booking\'s own week ("my wed cut to mon")', window('2026-12-07T13:00', 1), '2026-12-09T10:00'],
    ['said with "this" or a date', window('2026-12-03T13:00', 1, false), '2026-12-09T10:00'],
    ['after the booking already', window('2026-12-04T13:00', 1), '2026-12-03T10:00'],
  ])('%s', (_what, w, booking) => {
    expect(moved(w, booking)).toBe(localNY(new Date(w.from)));
  });

  it('the booking not named by its weekday ("move my color to wed")', () => {
    const w = window('2026-12-02T14:00', 1);
    expect(moved(w, '2026-12-07T10:00', false)).toBe('2026-12-02 14:00');
  });
});
