import { DateTime } from 'luxon';
import { NEW_BOOKING } from '../../understanding/around-booking.ts';
import type { DateRange } from '../../understanding/index.ts';
import { MONTH } from '../../understanding/shorthand.ts';
import type { ListedAppointment } from './which-appointment.ts';

/**
 * "tuesday's not gonna work, got anything after 4 on wed the 9th?", "can't do thurs anymore,
 * anything next week?", "could tuesday's appointment become monday morning?": no service and no
 * move verb, but the words name a booking the customer has (by its weekday or date) and ask for
 * another time. Rather than one verb phrase at a time, the rule is read against the bookings
 * themselves: exactly one booking named, and the words without its name still ask a time that
 * is not that booking's day, is a move of it. Naming none ("anything next week?") or a second
 * booking asked ("also", "another") keeps the question of which service.
 */

const WEEKDAYS: Record<number, string> = {
  1: 'mon(?:day)?',
  2: 'tue(?:s|sday)?',
  3: 'wed(?:s|nesday)?',
  4: 'thu(?:r|rs|rsday)?',
  5: 'fri(?:day)?',
  6: 'sat(?:urday)?',
  7: 'sun(?:day)?',
};
const ORDINAL = '(?:st|nd|rd|th)';
// "next thursday", "thursday next week", "thursday the 10th": a weekday said of another week or
// with another date names the new day, not the booking on that weekday.
const NOT_ANOTHER_WEEK = String.raw`(?<!\b(?:next|following|coming|week) )`;
const NO_OTHER_DATE = String.raw`(?! (?:the )?\d|,? (?:next|after next|of next week|the week after|in (?:two|2) weeks)\b)`;
// What follows a booking's name and belongs to it: "tuesday's appointment", "the 12th appt".
const BOOKING_WORD = String.raw`(?:'?s)?(?: (?:one|appt|appointment|booking|slot|time))?`;

/** The words of the text naming this booking's day: its weekday, or its day of the month (as "the 8th", "dec 8"). */
function nameOf(start: DateTime): RegExp {
  const day = start.day;
  const month = start.toFormat('LLL').toLowerCase();
  const weekday = WEEKDAYS[start.weekday]!;
  const date = String.raw`(?:(?:${month}[a-z]*\.? )?(?:the )?${day}${ORDINAL}|(?:${month}[a-z]*\.? )${day}\b|${start.month}/${day}\b)`;
  return new RegExp(String.raw`(?<![\w/])(?:${NOT_ANOTHER_WEEK}${weekday}(?: (?:the )?${day}${ORDINAL}?\b|${NO_OTHER_DATE})|${date})${BOOKING_WORD}\b`, 'g');
}

/** A month named that is not the booking's (then "the 8th" is another month's). */
function otherMonthNamed(text: string, start: DateTime): boolean {
  const named = [...text.matchAll(new RegExp(String.raw`\b(${MONTH})[a-z]*\b`, 'g'))].map((m) => m[1]!.slice(0, 3));
  return named.length > 0 && named.every((m) => m !== start.toFormat('LLL').toLowerCase());
}

/** The booking named; the text with "it" for its name; the clauses not naming it, if any. */
export type NamedWithOtherTime = { appt: ListedAppointment; rest: string; otherClauses?: string };

/**
 * The one booking the text names by its day, and the text with "it" in place of that name (read
 * again for the time asked in its place). Undefined when none or several are named, or a new booking is asked.
 */
export function bookingNamed(text: string, items: ListedAppointment[], timeZone: string): NamedWithOtherTime | undefined {
  const s = text.toLowerCase();
  if (NEW_BOOKING.test(s.replace(/\b(?:appt|appointment|booking)\b/g, ' '))) return undefined;
  const named = items.filter((a) => {
    const start = DateTime.fromISO(a.start_local, { zone: timeZone });
    return nameOf(start).test(s) && !otherMonthNamed(s, start);
  });
  // Two bookings on one weekday, or two named: which is meant is not told here.
  if (named.length !== 1) return undefined;
  const appt = named[0]!;
  const name = nameOf(DateTime.fromISO(appt.start_local, { zone: timeZone }));
  // The name becomes "it": "can the 11th be 4?" is read again as "can it be 4?", where the bare hour is the new time.
  return { appt, rest: s.replace(name, ' it '), otherClauses: otherClauses(s, name) };
}

/**
 * "thurs is out for me now. anything monday morning?": the clauses that do not name the booking
 * ("now" there is no time asked), when some do not.
 */
function otherClauses(s: string, name: RegExp): string | undefined {
  const clauses = s.split(/[,;!?]|(?<=\w{2}|\d)\.(?=\s)/);
  const others = clauses.filter((c) => !new RegExp(name.source).test(c));
  return others.length < clauses.length && others.some((c) => /[a-z0-9]/.test(c)) ? others.join(', ') : undefined;
}

/** The time asked in the rest is another than the booking's day (a day alone said again is no new time). */
export function asksOtherTime(appt: ListedAppointment, when: DateRange | undefined, timeZone: string): boolean {
  if (!when) return false;
  const start = DateTime.fromISO(appt.start_local, { zone: timeZone });
  const from = DateTime.fromJSDate(when.from, { zone: timeZone });
  const to = DateTime.fromJSDate(when.to, { zone: timeZone });
  return !(from <= start && start < to);
}
