import { DateTime } from 'luxon';

// "can i do 12 instead on wed", "can it stay on monday but at 1" about a booking on Wed Dec 9
// (or Mon Dec 14): a weekday said alone names the nearest such day, but a new time on the very
// weekday of the booking being moved means the booking's own day (another one would be said
// "this wednesday" or by its date). A whole day ("move it to wed") is no change on its own day,
// so it stays the nearest. Only a few weeks ahead, as for offers on screen.
const MAX_WEEKS_AHEAD = 4;

/** A remembered window and whether its day was said by its weekday alone. */
export interface WeekdayWindow {
  from: string;
  to: string;
  exactTime: boolean;
  weekdayOnly?: boolean;
}

/** The window moved onto the booking's day when it names that day's weekday, a few weeks before it. */
export function onBookingWeekday<W extends WeekdayWindow>(zone: string, when: W, bookingStart: string | undefined): W {
  if (!when.weekdayOnly || !bookingStart || wholeDay(zone, when)) return when;
  const booked = DateTime.fromISO(bookingStart, { zone }).startOf('day');
  const said = DateTime.fromISO(when.from, { zone }).startOf('day');
  const days = Math.round(booked.diff(said, 'days').days);
  if (days <= 0 || days % 7 !== 0 || days > 7 * MAX_WEEKS_AHEAD) return when;
  const move = (iso: string) => DateTime.fromISO(iso, { zone }).plus({ days }).toUTC().toISO()!;
  return { ...when, from: move(when.from), to: move(when.to) };
}

function wholeDay(zone: string, when: WeekdayWindow): boolean {
  const from = DateTime.fromISO(when.from, { zone });
  return !when.exactTime && from.equals(from.startOf('day')) && DateTime.fromISO(when.to, { zone }).diff(from, 'hours').hours >= 23;
}
