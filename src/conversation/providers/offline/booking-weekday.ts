import { DateTime } from 'luxon';

// "can i do 12 instead on wed", "can it stay on monday but at 1" about a booking on Wed Dec 9
// (or Mon Dec 14): a weekday said alone names the nearest such day, but a new time on the very
// weekday of the booking being moved means the booking's own day (another one would be said
// "this wednesday" or by its date). A whole day ("move it to wed") is no change on its own day,
// so it stays the nearest. Only a few weeks ahead, as for offers on screen. Likewise a weekday
// whose nearest day is most of a week before the booking, in an earlier week, is the one just
// after it when the booking was named by its own weekday ("my wed haircut to thurs" is the next
// day, not six days before; "move my color to wed" is the nearest Wednesday).
const MAX_WEEKS_AHEAD = 4;
// How soon after the booking a weekday said alone may be read as the one just after it: only the
// next day ("my wed cut to thurs"). "move my tuesday one to thurs", said on a Tuesday, is this
// Thursday, as the customer's own "i meant friday" then shows (this Friday too).
const MAX_DAYS_AFTER = 1;

/** A remembered window and whether its day was said by its weekday alone. */
export interface WeekdayWindow {
  from: string;
  to: string;
  exactTime: boolean;
  weekdayOnly?: boolean;
}

/**
 * The window moved onto the booking's day when it names that day's weekday, a few weeks before
 * it; or, the booking named by its weekday, to the day just past it ("my wed cut to thurs").
 */
export function onBookingWeekday<W extends WeekdayWindow>(zone: string, when: W, bookingStart: string | undefined, bookingByWeekday = false): W {
  if (!when.weekdayOnly || !bookingStart) return when;
  const booked = DateTime.fromISO(bookingStart, { zone }).startOf('day');
  const said = DateTime.fromISO(when.from, { zone }).startOf('day');
  const days = Math.round(booked.diff(said, 'days').days);
  if (days <= 0 || days > 7 * MAX_WEEKS_AHEAD) return when;
  const sameWeekday = days % 7 === 0;
  if (!sameWeekday && !bookingByWeekday) return when;
  const ahead = sameWeekday ? (wholeDay(zone, when) ? 0 : days) : daysToDayAfter(booked, said, days);
  if (!ahead) return when;
  const move = (iso: string) => DateTime.fromISO(iso, { zone }).plus({ days: ahead }).toUTC().toISO()!;
  return { ...when, from: move(when.from), to: move(when.to) };
}

/**
 * "move my wed haircut to thurs" with the haircut on Wed Dec 9 and today Tue Dec 1: the nearest
 * Thursday (Dec 3) is in a week before the booking's and six days before it, so a receptionist
 * hears the Thursday just after it (Dec 10). Only the day after: "my tues cut to thurs" or "to fri"
 * may well be the day before it, and a day of the booking's own week ("my wed cut to mon") is as
 * said. The days to add, or 0.
 */
function daysToDayAfter(booked: DateTime, said: DateTime, daysBefore: number): number {
  const later = Math.ceil(daysBefore / 7) * 7;
  const inEarlierWeek = said < booked.startOf('week');
  return inEarlierWeek && later - daysBefore <= MAX_DAYS_AFTER ? later : 0;
}

function wholeDay(zone: string, when: WeekdayWindow): boolean {
  const from = DateTime.fromISO(when.from, { zone });
  return !when.exactTime && from.equals(from.startOf('day')) && DateTime.fromISO(when.to, { zone }).diff(from, 'hours').hours >= 23;
}
