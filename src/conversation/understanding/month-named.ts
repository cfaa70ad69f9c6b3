// A booking named by its month alone: "move the january one to jan 7", "cancel my december
// appt". The month is no day: it names every booking in it, so the window is the whole month
// (the next one of that name, this one included). A month with a day ("jan 7") is a date, read
// by when.ts.
import { DateTime } from 'luxon';
import type { DateRange } from './types.ts';
import { MONTH } from './shorthand.ts';

// "the january one", "my dec appt", "in february": a month after a word that makes it a name ("may i" is no month).
// "or was that december", "december or january": a month asked back names it too ("that may be" is no month).
const MONTH_ALONE = new RegExp(String.raw`\b(?:the|my|our|in|for|of|(?:that|or|and)(?! may)) (?<month>${MONTH})(?! ?\d)(?=\s|$|[,.!?])`);
const MONTH_STARTS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The whole month the words name by its name alone; undefined when they name none, or a day of it too. */
export function monthNamed(text: string, now: Date, timeZone: string): DateRange | undefined {
  const said = MONTH_ALONE.exec(text)?.groups?.month;
  if (!said || new RegExp(String.raw`\b${MONTH} ?\d|\d(?:st|nd|rd|th)? (?:of )?${MONTH}`).test(text)) return undefined;
  const month = MONTH_STARTS.indexOf(said.slice(0, 3)) + 1;
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  if (!month || !today.isValid) return undefined;
  const year = month < today.month ? today.year + 1 : today.year;
  const from = DateTime.fromObject({ year, month, day: 1 }, { zone: timeZone });
  return { from: from.toJSDate(), to: from.plus({ months: 1 }).toJSDate(), exactTime: false, dayNamed: true, description: from.toFormat('MMMM') };
}
