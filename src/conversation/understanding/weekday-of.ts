// Days named by a weekday counted from something else: "the last friday in january", "the
// first monday of feb", "the wednesday before the 12th", "a wedding on the 12th, so the
// wednesday before". chrono reads only the weekday of these (this week's), so they are spelled
// as the calendar date they name ("January 29") before it reads them. when.ts calls these
// after it has written days of the month as "December 12".
import { DateTime } from 'luxon';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WEEKDAY = String.raw`(mon|tue|wed|thu|fri|sat|sun)[a-z]*`;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: -1, final: -1 };

// "the last friday in january", "2nd tuesday of march"
const NTH_OF_MONTH = new RegExp(String.raw`\b(?:the )?(first|1st|second|2nd|third|3rd|fourth|4th|last|final) ${WEEKDAY} (?:in|of) ${MONTH_WORD}(?: (\d{4}))?`, 'gi');
// "the wednesday before December 12", "the friday after jan 8": the date is spelled "Month D" by then.
const BESIDE_DATE = new RegExp(String.raw`\b(?:the )?${WEEKDAY} (before|after|prior to|following)\s+(?:(?:on|the)\s+)?${MONTH_WORD}\s+(\d{1,2})\b`, 'gi');
// "the wednesday before", said after the date it counts from.
const BESIDE_SAID = new RegExp(String.raw`\bthe ${WEEKDAY} (before|after|prior|following)\b(?!\s+(?:(?:on|the)\s+)?(?:${MONTH_WORD}\s+\d|\d))`, 'i');
const SAID_DATE = new RegExp(String.raw`\b(?:(?:on\s+)?${WEEKDAY}\s+)?${MONTH_WORD}\s+(\d{1,2})\b`, 'gi');

const spell = (d: DateTime) => ` ${d.toFormat('LLLL d')} `;
const weekdayOf = (word: string) => WEEKDAYS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
const monthOf = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;

/** The date of a month and day said without a year: this year's, or next year's once it has passed. */
function dateAhead(now: DateTime, month: number, day: number): DateTime | undefined {
  let d = DateTime.fromObject({ year: now.year, month, day }, { zone: now.zone });
  if (d.isValid && d < now.startOf('day')) d = d.plus({ years: 1 });
  return d.isValid ? d : undefined;
}

/** The weekday strictly before (or after) a date. */
function weekdayBeside(date: DateTime, weekday: number, way: string): DateTime {
  if (way === 'before' || way === 'prior' || way === 'prior to') return date.minus({ days: (date.weekday - weekday + 7) % 7 || 7 });
  return date.plus({ days: (weekday - date.weekday + 7) % 7 || 7 });
}

/** "the last friday in january" as "January 29"; "the first monday of feb" as "February 1". */
export function spellNthWeekdayOfMonth(t: string, now: DateTime): string {
  return t.replace(NTH_OF_MONTH, (whole, nth: string, day: string, month: string, year: string | undefined) => {
    const m = monthOf(month);
    let start = DateTime.fromObject({ year: year ? Number(year) : now.year, month: m, day: 1 }, { zone: now.zone });
    if (!year && start.endOf('month') < now.startOf('day')) start = start.plus({ years: 1 });
    if (!start.isValid) return whole;
    const n = ORDINALS[nth.toLowerCase()]!;
    const wd = weekdayOf(day);
    const first = start.plus({ days: (wd - start.weekday + 7) % 7 });
    const date = n > 0 ? first.plus({ weeks: n - 1 }) : first.plus({ weeks: Math.floor((start.daysInMonth! - first.day) / 7) });
    return date.month === m ? spell(date) : whole;
  });
}

/**
 * "the wednesday before December 12" as "December 9". Said after the date ("a wedding on
 * saturday December 12, so the wednesday before"), the date is only what it counts from and
 * is dropped, so the day meant is the one read.
 */
export function spellWeekdayBesideDate(t: string, now: DateTime): string {
  const out = t.replace(BESIDE_DATE, (whole, day: string, way: string, month: string, dayOfMonth: string) => {
    const date = dateAhead(now, monthOf(month), Number(dayOfMonth));
    return date ? spell(weekdayBeside(date, weekdayOf(day), way)) : whole;
  });
  const beside = BESIDE_SAID.exec(out);
  if (!beside) return out;
  const said = [...out.slice(0, beside.index).matchAll(SAID_DATE)].at(-1);
  const date = said && dateAhead(now, monthOf(said[2]!), Number(said[3]));
  if (!said || !date) return out;
  const meant = spell(weekdayBeside(date, weekdayOf(beside[1]!), beside[2]!));
  const head = out.slice(0, said.index) + ' ' + out.slice(said.index + said[0].length, beside.index);
  return head + meant + out.slice(beside.index + beside[0].length);
}
