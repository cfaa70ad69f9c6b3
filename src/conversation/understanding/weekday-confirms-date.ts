// "jan 4th (the monday) at 3", "the 18th, a friday, at 10": a weekday said beside a date
// only confirms it when the date falls on that weekday. chrono reads the weekday and drops
// the date (this week's Monday), so a weekday that agrees is dropped before it reads them.
// A weekday that disagrees stays: which of the two was meant is not for us to guess.
import { DateTime } from 'luxon';
import { MONTH, weekdayNumber } from './shorthand.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_DAY = String.raw`\b(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?`;
const WEEKDAY = String.raw`((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)`;
// How the weekday is set beside the date: in brackets, or between commas or dashes as "the monday".
const ASIDE = [
  String.raw`\s*\(\s*(?:(?:its|it'?s|is|which is|thats|that'?s) )?(?:the |a |on )?${WEEKDAY}\s*\??\)`,
  String.raw`\s*[,-]\s*(?:which is |thats |that's |its |it's )?(?:the|a) ${WEEKDAY}(?=\s*[,-]|\s+(?:at|@|around|after|before|for)\b|\s*$)`,
].join('|');
const DATE_WITH_WEEKDAY = new RegExp(MONTH_DAY + `(?:${ASIDE})`, 'gi');

/** The date of a month and day said without a year: this year's, or next year's once it has passed. */
function dateAhead(now: DateTime, month: number, day: number): DateTime | undefined {
  let d = DateTime.fromObject({ year: now.year, month, day }, { zone: now.zone });
  if (d.isValid && d < now.startOf('day')) d = d.plus({ years: 1 });
  return d.isValid ? d : undefined;
}

/** "December 18 (the friday)" as "December 18" when December 18 is a Friday; else as said. */
export function withoutConfirmingWeekday(t: string, now: DateTime): string {
  return t.replace(DATE_WITH_WEEKDAY, (whole, month: string, day: string, bracketed?: string, between?: string) => {
    const date = dateAhead(now, MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1, Number(day));
    const weekday = weekdayNumber((bracketed ?? between ?? '').replace('.', ''));
    return date && weekday === date.weekday ? ` ${month} ${day} ` : whole;
  });
}
