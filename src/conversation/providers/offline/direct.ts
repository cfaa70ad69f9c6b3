import { DateTime } from 'luxon';
import { keepsTheTime, type Understanding } from '../../understanding/index.ts';
import type { ProviderView } from '../types.ts';

// "haircut thursday at 2:30", "move my color to dec 15 at 11": the customer named one exact
// time. A list led by it would ask them to pick what they already picked, so the search looks
// first and, when that very time is free with whoever they named, proposes it at once (the
// usual hold and summary, or a Consultation's intake questions). Anything less than a day and
// a clock time (a window, a day, "the earliest", "the latest") keeps the list.

/** A remembered request window, as the offline provider's memory keeps it. */
export interface AskedWindow {
  from: string;
  exactTime: boolean;
  earliest: boolean;
  latest?: boolean;
  dayNamed?: boolean;
}

/** The window is one clock time on a known day, neither "the earliest" nor "the latest". */
export function isExactAsked(when: AskedWindow | undefined): boolean {
  return Boolean(when?.exactTime && !when.earliest && !when.latest && when.dayNamed !== false);
}

/**
 * A new booking's search is for an exact time the customer asked: said in this message, or
 * said before the service was known ("thurs 11am", then "for a colour pls") with no list on
 * screen since. A time worked out from another booking ("same time for my son", "right after
 * my cut") is not the customer's own clock time.
 */
export function booksExactTime(view: ProviderView, u: Understanding, when: AskedWindow | undefined): boolean {
  if (!isExactAsked(when) || (u.shift && !keepsTheTime(u.shift)) || u.nextTo || u.eitherTime) return false;
  // "book it now": the present moment is no time picked from a schedule.
  if (u.when) return u.when.exactTime && u.when.dayNamed !== false && Math.abs(u.when.from.getTime() - Date.parse(view.now)) >= 60_000;
  // A pick ("the 2pm one") answers a list, even one gone stale; offers behind an intake
  // question or a service menu are not being picked from ("a color would be better, same
  // time"; the prices shown, then "just a cut then, same time"). A number to the question
  // which service ("3 pls") picks the service, for the time already asked.
  if ((u.choiceIndex !== undefined || u.choiceTime) && view.expecting !== 'service') return false;
  return view.offers.length === 0 || view.expecting === 'intake' || view.expecting === 'service';
}

// A day said by its number, weekday or name ("dec 30", "the 30th", "friday", "tmrw").
const DAY_SAID = /\d|\b(?:mon|tue|wed|thu|fri|sat|sun|today|tomorrow|tmrw)/i;

/**
 * "cut on nov 30 at 2", told that day has passed (or is too far out), then "sorry i meant dec
 * 30": a day said alone with nothing on screen corrects the day of the exact time asked, and
 * the rest of the request stands. The remembered time, already carried onto the new day, is
 * proposed at once when free, as it would have been had the day been right the first time.
 */
export function correctsDayOfExactTime(view: ProviderView, u: Understanding, when: AskedWindow | undefined): boolean {
  if (u.intent !== 'book' || !isExactAsked(when) || !u.when || u.when.exactTime || u.when.dayNamed === false || view.offers.length > 0 || view.expecting) return false;
  // "in january" alone is no day: a month is read as its first, which no one asked for.
  if (!DAY_SAID.test(u.when.description)) return false;
  if (u.shift || u.nextTo || u.eitherTime || u.choiceTime) return false;
  const day = (d: Date | string) => DateTime.fromJSDate(typeof d === 'string' ? new Date(d) : d, { zone: view.timeZone }).toISODate();
  return day(u.when.from) === day(when!.from) && u.when.to.getTime() - u.when.from.getTime() >= 23 * 3_600_000;
}

/**
 * The move's new time is one exact time ("to friday at 5pm", "tmrw at 3" on the appointment's
 * day, "friday instead, same time"). A time of day alone is on the appointment's day, so it counts.
 */
export function movesToExactTime(when: AskedWindow | undefined): boolean {
  return Boolean(when?.exactTime && !when.earliest && !when.latest);
}

/** The offer is with the staff member the customer named (or none was named). */
export function withAskedStaff(offer: ProviderView['offers'][number], staffId: string | undefined): boolean {
  return !staffId || !offer.resourceIds || offer.resourceIds.includes(staffId);
}
