// The second of two requests in one text often says its day from the first's: "push my cut
// on the 10th to 4 and add a color that morning at 9", "a cut this fri at 10 and then my color
// the following tues", "a color on the 8th and a trim the day after". Read later on its own
// (once the first is done), those words would lose their day, so they are spelled as the
// date they mean.
import { DateTime } from 'luxon';
import { weekdayNumber } from './shorthand.ts';
import type { DateRange } from './types.ts';

// "that morning", "on that same day", "the same day", "that afternoon".
const THAT_DAY = /\b(?:on )?(?:that|the) (?:same )?(?<part>day|morning|afternoon|evening|night)\b(?! (?:after|before)\b)|\bsame day\b/;
// "the following tues", "the next friday", "the tuesday after".
const WEEKDAY_AFTER = /\bthe (?:following|next) (?<day>mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\bthe (?<after>mon|tue|wed|thu|fri|sat|sun)[a-z]* after\b/;
// "the day after", "the next day".
const DAY_AFTER = /\bthe (?:day after|next day|following day)\b/;

/** The second request's words with a day said from the first's spelled as its date; unchanged when there is none. */
export function onFirstDay(tail: string, first: DateRange | undefined, timeZone: string): string {
  if (!first || first.dayNamed === false) return tail;
  const day = DateTime.fromJSDate(first.from, { zone: timeZone }).startOf('day');
  if (!day.isValid) return tail;
  const date = (d: DateTime) => d.toFormat('MMMM d').toLowerCase();
  const that = THAT_DAY.exec(tail);
  if (that) {
    const part = that.groups?.part && that.groups.part !== 'day' ? ` in the ${that.groups.part}` : '';
    return tail.replace(that[0], `on ${date(day)}${part}`);
  }
  const weekday = WEEKDAY_AFTER.exec(tail);
  if (weekday) {
    const wanted = weekdayNumber(weekday.groups?.day ?? weekday.groups?.after ?? '');
    if (wanted === undefined) return tail;
    return tail.replace(weekday[0], `on ${date(day.plus({ days: (wanted - day.weekday + 7) % 7 || 7 }))}`);
  }
  return DAY_AFTER.test(tail) ? tail.replace(DAY_AFTER, `on ${date(day.plus({ days: 1 }))}`) : tail;
}

/**
 * "push my fri cut to 4 and take my son for a cut at 4:30", "a cut at 2 on sat and another
 * right after at 2:30": a second request with a clock time and no day of its own is on the
 * first's day; its words get that date (`timeOnly`: the second's reading has a time, no day).
 */
export function timeOnFirstDay(words: string, first: DateRange | undefined, timeOnly: boolean, timeZone: string): string {
  if (!timeOnly || !first || first.dayNamed === false) return words;
  const day = DateTime.fromJSDate(first.from, { zone: timeZone });
  return day.isValid ? `${words} on ${day.toFormat('MMMM d').toLowerCase()}` : words;
}

/**
 * "whens my appt? also want to add a color same day at 10am": the day said from a booking only
 * asked about, not yet known, is that booking's ("the same day as my appt"), for the caller to
 * place once the appointments are looked up. Unchanged when the words say no such day.
 */
export function onAskedBookingsDay(tail: string, booking: string): string {
  const that = THAT_DAY.exec(tail);
  if (!that || (that.groups?.part && that.groups.part !== 'day')) return tail;
  return `${tail.replace(that[0], ' ').replace(/\s+/g, ' ').trim()} the same day as my ${booking}`;
}

// "right after it", "just before that one", "right after" with nothing after it: the new booking placed by
// the booking just asked about.
// Only said as right next to it: "come back after it for a cut next week" places nothing by it.
const NEXT_TO_IT = /\b(?<right>(?:right|just|straight|directly|immediately) (?:after|before))(?: (?:it|that|that one|that appt|that appointment|mine)\b|(?= *(?:[,.!?]|$)))/;

/**
 * "when is my color? also add a trim right after it": "it" is the booking asked about, named
 * ("right after my color") so the new booking is placed by it and not by another person's.
 * Unchanged when the words place it by nothing said before.
 */
export function nextToAskedBooking(tail: string, booking: string): string {
  return tail.replace(NEXT_TO_IT, (_w, right: string) => `${right} my ${booking}`);
}
