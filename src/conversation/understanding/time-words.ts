// Time words chrono misreads or reads where the customer asks nothing: "9 sharp", "wed 9 @ 1:30"
// (a weekday with its day of the month), "i get off work at 5" (a time the customer is busy
// until), "my sister came in last month" (a past visit told as a story).
import type { DateTime } from 'luxon';
import { monthOfWeekdayDate } from './weekday-decides-month.ts';

const WEEKDAY_INDEX: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/** "9 sharp", "10 on the dot": the time exactly, which chrono does not see without an "at". */
export function spellSharpTimes(t: string): string {
  return t.replace(/(?<!\bat )\b(\d{1,2}(?::\d{2})?)(?: ?(a\.?m\.?|p\.?m\.?))? (?:sharp|on the dot)\b/g, (_w, clock: string, mer: string | undefined) => `at ${clock}${mer ? ` ${mer}` : ''}`);
}

// A clock time said after the day number: "wed 9 at 1:30", "thu 17 10am", "mon 14 9am".
const CLOCK_AFTER = /^,? (?:at \d{1,2}(?::\d{2})?|\d{1,2}:\d{2}|\d{1,2}(?::\d{2})? ?(?:a\.?m|p\.?m)\b)/;

/**
 * "wed 9 at 1:30", "thu 17 10am": a weekday, a bare number and then a clock time. The
 * number is the day of the month when that day falls on that weekday in a month soon
 * (weekday-decides-month.ts); otherwise it stays a number ("monday 9" is nine o'clock).
 */
export function spellWeekdayDayNumber(t: string, now: DateTime): string {
  return t.replace(/\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.? (\d{1,2})\b(?!:| ?(?:a\.?m|p\.?m)\b)/g, (whole, wd: string, d: string, offset: number) => {
    if (!CLOCK_AFTER.test(t.slice(offset + whole.length))) return whole;
    return monthOfWeekdayDate(Number(d), WEEKDAY_INDEX[wd]!, now) ? `${whole.slice(0, -d.length)}the ${Number(d)}th` : whole;
  });
}

// "i get off work at 5", "i'm out of class at 4", "i finish work at 6": the customer is busy until then.
// "because i work till 4:30", "im at work until 3": said as how long they are busy, too.
const BUSY_SAID = [
  String.raw`\b(?:i (?:get|am|m) (?:off|out)(?: of)?(?: work| class| school| the office)?|i'?m (?:off|out)(?: of)?(?: work| class| school)?|i (?:finish|leave) (?:work|class|school)|off work|out of (?:work|class|school)) at`,
  String.raw`\b(?:i|i'?m|im) (?:work|working|at work|in class|at school|stuck at work|in meetings?)(?: all day)? (?:till|til|until|'?til)`,
].join('|');
const BUSY_UNTIL = new RegExp(String.raw`(?:${BUSY_SAID}) (\d{1,2}(?::\d{2})?(?: ?[ap]\.?m\.?)?)`);
const OTHER_CLOCK = /\bat \d|\d:\d\d|\d ?[ap]\.?m\b|\b(noon|midday)\b/;

/**
 * The hour a customer is busy until is no time asked: alone it is the earliest they can come
 * ("evening tomorrow? i get off work at 5" is after 5); beside a time they ask for, it is
 * only their reason ("tuesday at 4:30 because i get out of class at 4").
 */
export function spellBusyUntil(t: string): string {
  const m = BUSY_UNTIL.exec(t);
  if (!m) return t;
  const rest = t.slice(0, m.index) + t.slice(m.index + m[0].length);
  return OTHER_CLOCK.test(rest) ? rest : `${rest} after ${m[1]}`;
}

// A visit in the past, told as background: "came in last month", "a week ago", "yesterday".
// "last minute" ("cancel last minute", "a last-minute cut tomorrow at 3") says how soon, never a minute ago.
const PAST = /\b(?:last[ -]minute|last (?:week|month|year|time)|yesterday|(?:a|an|one|two|three|few|couple(?: of)?|\d+) (?:days?|weeks?|months?|years?) ago)\b/g;

/** Drops past moments: a booking is never in the past, so they only tell a story. */
export function withoutPast(t: string): string {
  return t.replace(PAST, ' ');
}

// "i'll stick with the cut for now", "that's all for now", "good for the time being": the present
// as a hedge on the choice, never the moment asked for ("can you take me right now" still is).
const HEDGED_NOW = /\b(?:for (?:now|the time being|the moment)|as of now|just now|by now|(?:up )?(?:un)?till? now|up to now|so far)\b/g;

// "can you book it now for 3:30 on the 9th", "lock that in now": "now" is when the booking is made, not its time.
const BOOKED_NOW = /(?<=\b(?:book|schedule|reserve|lock|pencil|put|set|grab|hold) (?:it|that|this|that one|this one)(?: in| down| up)? )now\b/g;

/** Drops "for now" and its kin, and the "now" of making a booking, which chrono would read as this very minute. */
export function withoutHedgedNow(t: string): string {
  return t.replace(HEDGED_NOW, ' ').replace(BOOKED_NOW, ' ');
}

/**
 * "do you do color on saturdays? if not friday 18th at 11": the alternative after "if not",
 * when it names a day and a time and what precedes it names no exact time (a habit, a day).
 * `resolvesExactly` tells whether a phrase names an exact day and time.
 */
export function fallbackAfterIfNot(t: string, resolvesExactly: (s: string) => boolean): string | undefined {
  const m = /\bif not\b[,:]?/.exec(t);
  if (!m) return undefined;
  const after = t.slice(m.index + m[0].length);
  return resolvesExactly(after) && !resolvesExactly(t.slice(0, m.index)) ? after : undefined;
}
