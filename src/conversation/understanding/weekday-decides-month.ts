// "monday the 11th at 10" said on Dec 1, with January's openings on screen: the 11th that is a
// Monday is January's, not December's (a Friday). A weekday said with a day of the month names
// the month too: the first, from today and within the months one can book ahead, where that day
// falls on that weekday.
import type { DateTime } from 'luxon';

/** Months searched from the current one: past a booking horizon of about 60 days, and one more. */
const MONTHS_AHEAD = 3;

/**
 * The first of the month (this one if the day is still ahead, else from the next) in which day
 * `day` falls on `weekday` (luxon: Monday 1 ... Sunday 7); undefined when none does soon.
 */
export function monthOfWeekdayDate(day: number, weekday: number, now: DateTime): DateTime | undefined {
  let month = now.startOf('month');
  if (day < now.day) month = month.plus({ months: 1 });
  for (let i = 0; i < MONTHS_AHEAD; i++, month = month.plus({ months: 1 })) {
    if (day <= (month.daysInMonth ?? 28) && month.set({ day }).weekday === weekday) return month;
  }
  return undefined;
}

/** The month a day of the month is read in: the weekday said right before it decides, else this month or the next. */
export function monthOfDaySaid(day: number, weekdayBefore: number | undefined, now: DateTime): DateTime {
  const byWeekday = weekdayBefore === undefined ? undefined : monthOfWeekdayDate(day, weekdayBefore, now);
  if (byWeekday) return byWeekday;
  const month = now.startOf('month');
  return day < now.day ? month.plus({ months: 1 }) : month;
}
