import type { DateRange, Understanding } from './types.ts';

// "is there anything on the 16th for my color? need to move it off the 11th", "get my cut off
// friday, monday works": the day a booking is moved off (or away from) is the booking's own,
// wherever it is said; the other day is where it goes. A reading that took it for the new
// time is turned round.

// Said within the clause of a move verb: "i'm off friday" is a day free, not a booking moved off.
const OFF_DAY = /\b(?:move|moved|moving|get|take|push|pushed|bump|bumped|shift|switch|change)\b[^.?!;]*?\b(?:off(?: of)?|away from|from)\s+(?<day>(?:the |this |next |my )?[a-z0-9]+(?:\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?)?)/g;

/** The day said as the one moved off, when one is. */
function dayMovedOff(text: string, resolve: (part: string) => DateRange | undefined): DateRange | undefined {
  for (const m of text.matchAll(OFF_DAY)) {
    const day = resolve(m.groups!.day!);
    if (day && day.dayNamed !== false && !day.exactTime) return day;
  }
  return undefined;
}

const sameDay = (a: DateRange, b: DateRange) => a.from.getTime() === b.from.getTime();

/**
 * A move with a day said as moved off: that day names the booking. Read as the new time, it is
 * turned round (the booking's day read, if any, is the new time); with no booking's day read, it is that.
 */
export function withDayMovedOff(u: Understanding, text: string, resolve: (part: string) => DateRange | undefined): Understanding {
  if (u.intent !== 'reschedule') return u;
  const off = dayMovedOff(text, resolve);
  if (!off) return u;
  if (!u.when) return u.apptWhen ? u : { ...u, apptWhen: off };
  if (!sameDay(off, u.when)) return u.apptWhen ? u : { ...u, apptWhen: off };
  const { when, apptWhen, ...rest } = u;
  return apptWhen && !sameDay(apptWhen, when) ? { ...rest, apptWhen: when, when: apptWhen } : { ...rest, apptWhen: when };
}
