// Date and time phrases resolved in the business's time zone.
//
// chrono-node finds the phrase and tells which calendar fields the customer actually said
// (weekday, day, month, hour...). Its own Date arithmetic only knows fixed UTC offsets
// (no IANA zones), so it is used for the fields alone: every instant returned here is
// rebuilt from those wall-clock fields with luxon in the business zone, which gets DST
// transition days right and never depends on the process TZ.
// English only: the package's main entry loads every locale (266 files, 0.2 s of each start).
import type { ParsedComponents } from 'chrono-node';
import * as chrono from 'chrono-node/en';
import { DateTime } from 'luxon';
import type { DateRange } from './types.ts';
import { spellNthWeekdayOfMonth, spellWeekdayBesideDate } from './weekday-of.ts';
import { monthOfDaySaid } from './weekday-decides-month.ts';
import { withoutConfirmingWeekday } from './weekday-confirms-date.ts';
import { spellPreferredDay } from './preferred-day.ts';
import { DAY_WORD, MONTH, spellHolidays, spellOrdinalDays, spellShorthand, weekdayNumber } from './shorthand.ts';
import { correctTypos, normalize, spellTimes, splitCorrection } from './text.ts';
import { withoutHoursRemark } from './hours-remark.ts';
import { withoutMoodToday } from './mood-today.ts';
import { withoutMoneyDated } from './money-remark.ts';
import { fallbackAfterIfNot, spellBusyUntil, spellSharpTimes, spellWeekdayDayNumber, withoutHedgedNow, withoutPast } from './time-words.ts';

/** How far ahead "earliest"/"asap" looks. */
export const EARLIEST_WINDOW_DAYS = 14;

interface PartOfDay {
  name: string;
  fromHour: number;
  toHour: number;
  /** bare hours in this window are afternoon/evening hours ("tonight at 8" is 20:00) */
  pm: boolean;
}

// Windows are [from, to) in local hours. Order matters: longer phrases first.
const PARTS_OF_DAY: Array<{ re: RegExp; part: PartOfDay }> = [
  // "late afternoon", "early evening": the half of the part of day the customer means.
  { re: /\blate (in the )?morning\b/, part: { name: 'late morning', fromHour: 10, toHour: 12, pm: false } },
  { re: /\bearly (in the )?afternoon\b/, part: { name: 'early afternoon', fromHour: 12, toHour: 15, pm: true } },
  { re: /\blate (in the )?afternoon\b/, part: { name: 'late afternoon', fromHour: 15, toHour: 18, pm: true } },
  { re: /\bearly (in the )?evening\b/, part: { name: 'early evening', fromHour: 17, toHour: 19, pm: true } },
  { re: /\blate (in the )?evening\b/, part: { name: 'late evening', fromHour: 19, toHour: 22, pm: true } },
  // Plurals too: "i can only do evenings", "mornings are best".
  { re: /\b(this )?(early )?mornings?\b|\bbefore (noon|lunch)\b|\bin the a\.?m\b\.?/, part: { name: 'morning', fromHour: 0, toHour: 12, pm: false } },
  { re: /\b(this )?afternoons?\b|\bafter lunch\b/, part: { name: 'afternoon', fromHour: 12, toHour: 17, pm: true } },
  { re: /\b(this )?evenings?\b|\bafter work\b/, part: { name: 'evening', fromHour: 17, toHour: 21, pm: true } },
  { re: /\btonight\b|\b(this |at )?nights?\b/, part: { name: 'night', fromHour: 17, toHour: 24, pm: true } },
  { re: /\b(around |at )?(lunch ?time|lunch|midday)\b/, part: { name: 'lunchtime', fromHour: 11, toHour: 14, pm: false } },
];

// Greetings that contain a part of day and mean nothing about time.
const GREETINGS = /\bgood (morning|afternoon|evening|night|day)\b/g;

const EARLIEST =
  /\b(earliest|asap|a\.?s\.?a\.?p|soonest|as soon as (possible|you can|u can)|first (available|opening|open|slot|free)|next (available|opening|open slot|free slot)|whenever(?: is)? (soonest|earliest)|any ?time soon|right away|right now|immediately)\b/;


/** Result with the facts `understand` needs beyond the range itself. */
export interface ResolvedWhen {
  range: DateRange;
  /** the phrase named a day (today, Friday, Dec 3, next week...), not only a time of day */
  hasDate: boolean;
  /** wall-clock hour and minute the customer named, after the business-hours am/pm rule */
  time?: { hour: number; minute: number };
}

// "how late can i start a colour", "how late do you take a cut": the latest start asked, as
// "latest" is. Only with a verb of coming in or being booked: "how late are you open" asks the
// hours, and "how late can i cancel" the notice policy (latest-change.ts).
const HOW_LATE =
  '(how late|till what time|until what time) (can|could|may|would|will|do|does)( (i|we|u|you|ya|someone|one))? (still )?(start|begin|come|get|book|do|be seen|see|make it|have|schedule|fit|squeeze|take|go in|drop in|pop in)';
const LATEST = new RegExp(
  `\\b(latest|as late as (possible|you can|u can)|last (appointment|appt|slot|spot|opening|available|thing|start|start time|time slot)s?( of the day| in the day)?|(at the |by )?end of (the )?day|close of business|(right |just )?before (you|u) close|${HOW_LATE})\\b`,
);

/** A clock time as customers write it inside a constraint: "4", "4pm", "4:30", "noon". */
const CLOCK = '(noon|midday|\\d{1,2}(?::\\d{2})?(?: ?(?:a\\.?m\\.?|p\\.?m\\.?|a|p)(?![a-z]))?)';
// Bounds on the time of day, each with the clock time it names ([1]) and, for spans, the end ([2]).
const BETWEEN = new RegExp(`\\b(?:between|from|anywhere from|any ?time from) ${CLOCK} (?:and|to|till|til|until|-) ${CLOCK}`);
// "thurs 12-1", "anywhere 2-4", "fri 10:30-12": two bare clock times joined by a dash, a span of
// hours (a time with am/pm is chrono's). Never a date ("12/1"), a count ("2-3 weeks"), a phone
// or longer number, or a price.
const BARE_SPAN = /(?<![\d:/.$#-] ?)\b(\d{1,2}(?::\d{2})?) ?- ?(\d{1,2}(?::\d{2})?)\b(?![\d:/.-]| ?(?:[ap]\.?m\b|people|persons|hours?|hrs?|mins?|minutes?|days?|weeks?|months?|years?|inch(?:es)?|in\b|ft|%|x\b|friends|kids|children|guests|others|ppl|of\b|more\b|times\b|cuts|colou?rs|services|stylists|bucks|dollars))/;
const LOWER = [
  // "later than" negated is an upper bound ("no later than 11"), read by UPPER.
  new RegExp(`\\b(?:any ?time |anything |something |sometime |some time )?(?:after|(?<!\\b(?:no|not) )later than|no earlier than|not before|not earlier than) ${CLOCK}`),
  new RegExp(`\\bfrom ${CLOCK} (?:on|onwards?|or later)\\b`),
  // "5 or after", "4 and later", "3 onwards", "6 at the earliest": the time said first, the bound after it.
  new RegExp(`\\b${CLOCK}(?: o'?clock)?,? (?:or (?:later|after)|and (?:later|after)|onwards?|at the earliest|or anytime after)\\b`),
];
const UPPER = [
  new RegExp(`\\b(?:any ?time |anything |something |sometime |some time )?(?:before|(?<!\\b(?:no|not) )earlier than|no later than|not after|not later than|by|until|till) ${CLOCK}`),
  new RegExp(`\\b${CLOCK}(?: o'?clock)?,? (?:or earlier|or before|and earlier|at the latest)\\b`),
];

export function parseWhen(text: string, now: Date, timeZone: string): DateRange | undefined {
  return resolveWhen(text, now, timeZone)?.range;
}

// A turn resolves the same words two or three times (the whole message, its parts while
// looking for a second request, the reading of a move), and resolving was about a fifth of
// a turn's CPU: the last answers are kept, keyed by zone, instant and text. Each caller gets
// a copy, so one that annotates its range cannot change what another is given.
const RECENT_ANSWERS = 64;
const recentAnswers = new Map<string, ResolvedWhen | undefined>();

/** Never throws: an unknown zone or an unparsable phrase gives undefined. */
export function resolveWhen(text: string, now: Date, timeZone: string): ResolvedWhen | undefined {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) return undefined;
  const key = `${timeZone} ${now.getTime()} ${text}`;
  if (!recentAnswers.has(key)) {
    if (recentAnswers.size >= RECENT_ANSWERS) recentAnswers.delete(recentAnswers.keys().next().value!);
    recentAnswers.set(key, resolveAfresh(text, now, timeZone));
  }
  const answer = recentAnswers.get(key);
  return answer && structuredClone(answer);
}

function resolveAfresh(text: string, now: Date, timeZone: string): ResolvedWhen | undefined {
  try {
    const zoneNow = DateTime.fromJSDate(now, { zone: timeZone });
    if (!zoneNow.isValid) return undefined;
    return resolve(spellTimes(spellOrdinalDays(spellShorthand(correctTypos(spellHolidays(withoutEraWords(normalize(text))))))), zoneNow);
  } catch {
    // chrono is third-party code fed arbitrary customer text: a failure there means "no date".
    return undefined;
  }
}

/**
 * "would the 9th be ok", "can my color on the 9th be later": chrono reads "9 be" as the year 9 of the
 * Buddhist Era (and "9 bc" before Christ), a date two thousand years back. A salon's customer never
 * writes an era, so the verb "be" after a day's number is only a verb.
 */
function withoutEraWords(text: string): string {
  return text.replace(/(\d(?:st|nd|rd|th)?) (?:be|bc|bce)\b/g, '$1 ');
}

function range(from: DateTime, to: DateTime, exactTime: boolean, description: string, earliest?: boolean): DateRange {
  const r: DateRange = { from: from.toJSDate(), to: to.toJSDate(), exactTime, description };
  if (earliest) r.earliest = true;
  return r;
}

function resolve(input: string, now: DateTime): ResolvedWhen | undefined {
  // A clock time ruled out goes before a correction is read: "9 in the morning sorry, not 5pm" corrects nothing to 5pm.
  const told = withDayCountedFrom(withoutWeekOfDate(spellPreferredDay(withoutRefusedClock(withoutHedgedNow(withoutPast(withoutHoursRemark(withoutMoneyDated(withoutMoodToday(input.replace(GREETINGS, ' ')))))))), now), now);
  const said = fallbackAfterIfNot(told, (part) => namesExactDayAndTime(resolvePhrase(part, now))) ?? told;
  const result = corrected(said, now) ?? resolvePhrase(said, now);
  if (result) result.range.dayNamed = result.hasDate;
  if (result && saysWeekdayOnly(result.range.description)) result.range.weekdayOnly = true;
  return result;
}

/** "monday at 4", "4:30 mon": a weekday with no date, month or "this"/"next" beside it (dates are spelled out by then). */
function saysWeekdayOnly(description: string): boolean {
  return (
    new RegExp(`\\b(?:${WEEKDAY_WORDS.join('|')})\\b`).test(description) &&
    !new RegExp(`\\b${MONTH}(?![a-z])|\\d(?:st|nd|rd|th)\\b|\\d/\\d|\\b(?:this|next|coming|following|after|last)\\b`, 'i').test(description)
  );
}

function namesExactDayAndTime(w: ResolvedWhen | undefined): boolean {
  return Boolean(w && w.hasDate && w.range.exactTime);
}

function resolvePhrase(input: string, now: DateTime): ResolvedWhen | undefined {
  const t = spellOut(withoutRefusals(input), now);
  if (t.trim() === '') return undefined;
  return bounded(t, now) ?? endOfDay(t, now) ?? earliestOrRelative(t, now) ?? plain(t, now);
}

/**
 * "wed at 10 no wait thursday", "at 3, actually make that 3:30": the words after the
 * correction win, and what they leave unsaid (the day, or the time) stays as said before.
 * Undefined unless both sides name a time or day.
 */
function corrected(input: string, now: DateTime): ResolvedWhen | undefined {
  const split = splitCorrection(input);
  if (!split) return undefined;
  // "the 10th at 1 wait no the 11th sorry, still 1pm": what the last correction follows may hold one of its own.
  const before = corrected(split.before, now) ?? resolvePhrase(split.before, now);
  // "at 3, no wait 4": a bare number right after the correction is the new clock time.
  const after = resolvePhrase(split.after.replace(/^(\d{1,2}(?::\d{2})?)\b(?! ?(?:st|nd|rd|th|people|persons|of)\b)/, 'at $1'), now);
  if (!before || !after) return undefined;
  const afterDay = DateTime.fromJSDate(after.range.from, { zone: now.zone }).startOf('day');
  if (after.hasDate && before.time && isWholeDay(after.range, now)) {
    const at = atLocal(afterDay, before.time.hour, before.time.minute);
    return { range: range(at, at.plus({ minutes: 1 }), true, `${after.range.description} ${at.toFormat('h:mm a')}`), hasDate: true, time: before.time };
  }
  if (!after.hasDate && before.hasDate) {
    const days = Math.round(DateTime.fromJSDate(before.range.from, { zone: now.zone }).startOf('day').diff(afterDay, 'days').days);
    const move = (d: Date) => DateTime.fromJSDate(d, { zone: now.zone }).plus({ days }).toJSDate();
    const moved: ResolvedWhen = { ...after, range: { ...after.range, from: move(after.range.from), to: move(after.range.to) }, hasDate: true };
    // "thurs at 1.. sorry i meant 1:30": the day is still the one said by its weekday alone.
    if (before.range.weekdayOnly || saysWeekdayOnly(before.range.description)) moved.range.weekdayOnly = true;
    return keepsTime(before.range, moved.range) ? before : moved;
  }
  return after;
}

/**
 * "color mon at 2, wait is that too late? i need to leave by 4": a bound the time said already
 * keeps is a worry about that time, not another time.
 */
function keepsTime(said: DateRange, bound: DateRange): boolean {
  return said.exactTime && !bound.exactTime && said.from >= bound.from && said.from < bound.to;
}

function isWholeDay(r: DateRange, now: DateTime): boolean {
  const from = DateTime.fromJSDate(r.from, { zone: now.zone });
  return !r.exactTime && !r.earliest && !r.latest && from.equals(from.startOf('day')) && DateTime.fromJSDate(r.to, { zone: now.zone }).equals(from.plus({ days: 1 }));
}

// A day or part of day the customer rules out: "no mornings", "mornings dont work",
// "can't do friday", "anything but evenings". It must not become the window searched.
// "the one on the 11th, not this week": a week ruled out too.
// "its wednesday isnt it", "mondays aren't they": a tag question asks the day back, it rules nothing out.
const REFUSABLE = `(?:the )?(?:early |late )?(?:mornings?|afternoons?|evenings?|nights?|weekends?|today|tomorrow|tonight|(?:this|next) week|(?:${DAY_WORD})s?)`;
// A bare "no" rules out only what comes in kinds ("no mornings", "no weekends"): "no tomorrow works" answers no, then names the day.
const KINDS = '(?:the )?(?:early |late )?(?:mornings?|afternoons?|evenings?|nights?|weekends?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*days)';
const REFUSED = new RegExp(
  `\\bno (${KINDS})\\b` +
    `|(?<!\\bif )\\b(?:not|never|except|but not|anything but|other than|can'?t do|cannot do|can'?t make|can'?t come|can'?t)(?: on| in| in the| at| any)? (${REFUSABLE})\\b` +
    `|\\b(${REFUSABLE}) (?:(?:do|does|is|are|will|would)(?:n'?t| not)|don'?t|doesn'?t|won'?t|wont|isn'?t|aren'?t|(?:is|are) (?:no good|bad|out|impossible)|no good|not good)\\b(?! (?:it|they)\\b)(?: work| do| good)?`,
  'g',
);
// What is left once a part of day is ruled out, when no other one is said.
const COMPLEMENT: Array<{ refused: RegExp; left: string }> = [
  { refused: /morning/, left: ' after 12pm ' },
  { refused: /evening|night|tonight/, left: ' before 5pm ' },
];

// "9 in the morning sorry, not 5pm", "10am, not 4": a clock time set against the one said; dropped
// when another time is left (a count or length after the number is no time: "not 2 people").
const CLOCK_REFUSED = /[\s,]*\b(?:but )?not (?:at )?(?:\d{1,2}(?::\d{2})? ?(?:am|pm)?|noon)(?![\d:/]|\s?(?:people|persons|ppl|kids|guys|of|mins?|minutes|hours?|hrs?|days?|weeks?|st|nd|rd|th)\b)/g;

/** Drops a clock time ruled out beside another one said. */
function withoutRefusedClock(input: string): string {
  const t = input.replace(CLOCK_REFUSED, ' ');
  return t !== input && /\d|\bnoon\b/.test(t) ? t : input;
}

/** Drops what the customer rules out; a ruled-out morning or evening leaves the rest of the day. */
function withoutRefusals(input: string): string {
  const refused: string[] = [];
  const t = input.replace(REFUSED, (_whole, a: string | undefined, b: string | undefined, c: string | undefined) => {
    refused.push(a ?? b ?? c ?? '');
    return ' ';
  });
  // Another part of day or a clock time said beside it is what the customer wants instead.
  if (!refused.length || takePartOfDay(t).part || /\d:\d\d|\d ?(am|pm)\b|\bat \d|\b(noon|midday)\b/.test(t)) return t;
  const left = COMPLEMENT.find((c) => refused.some((r) => c.refused.test(r)));
  return left ? t + left.left : t;
}

// "monday the 11th", "mon, the 11th": the weekday said right before a day of the month (weekday-decides-month.ts).
const WEEKDAY_JUST_BEFORE = /\b((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\.?,? (?:on )?$/;

/**
 * Rewrites what chrono misses into what it reads: approximate times ("10ish", "around 2",
 * "like 11", "@ 3") become "at ...", and a day of the month said alone ("on the 4th")
 * gets its month: this month if that day is still ahead, else the next.
 */
function spellOut(input: string, now: DateTime): string {
  let t = input.replace(/\b(\d{1,2}(?::\d{2})?) ?-?ish\b/g, 'at $1');
  t = t.replace(/(?:\b(?:around|about|like|approx|approximately|roughly|say|make it|make that|how about|what about|change it to|change to|switch to|move it to|instead at)|@) ?(\d{1,2}(?::\d{2})?)(?! ?(?:people|persons|of|minutes|mins|hours|hrs|days|weeks|st|nd|rd|th)\b)/g, 'at $1');
  t = t.replace(/\b(?:at at|(?:around|about|like|approx|approximately|roughly) at)\b/g, 'at');
  // "i'm off at 5, can i come friday after that": "after that" points back at the time said.
  t = t.replace(new RegExp(`\\bat ${CLOCK}\\b(.*?)\\bafter (?:that|then)\\b`), 'after $1$2');
  t = spellWeekdayDayNumber(spellBusyUntil(spellSharpTimes(weekdayAfterNextWeek(t))), now);
  t = spellRelativeDays(t, now);
  // A month said right before: "dec the 18th" (a whole word: "maybe the 18th" names no May).
  const months = new RegExp(`\\b${MONTH}\\s*$`);
  // "thurs 17th", "wed 16th": the day of the month says which week; the weekday alone would say this one.
  t = t.replace(/\b((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?) (\d{1,2}(?:st|nd|rd|th))\b/g, '$1 the $2');
  // "the saturday after (the 12th)": the date in brackets says which of the weekdays is meant.
  t = t.replace(/\b((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)(?: after| following)? ?\((?:the )?(\d{1,2}(?:st|nd|rd|th))\)/g, '$1 the $2');
  t = spellNthWeekdayOfMonth(t, now);
  // "trim 8th 2:30pm", "the cut on 9th": a bare day of the month before its time, or after "on", is that day, as "the 8th".
  t = t.replace(/(?<!\b(?:the|of|my|your|our|this|that|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?) )\b(\d{1,2}(?:st|nd|rd|th))(?=,? (?:at |@ ?)?\d{1,2}(?:[:.]\d{2})?(?: ?[ap]\.?m\.?)?\b(?![\d:./]| ?(?:st|nd|rd|th|people|persons|of|options?)\b))/g, 'the $1');
  t = t.replace(/\b(on|for|by) (\d{1,2}(?:st|nd|rd|th))\b(?! (?:thoughts?|time|times|one|option|visit|look|try|chance|attempt|round|go|appointment|appt|booking|floor|street|st|ave|place)\b)/g, '$1 the $2');
  // The "on" stays: "10:30 December 3" would be read as the 30th.
  const dated = t.replace(/\b(on )?the (\d{1,2})(?:st|nd|rd|th)\b(?! of)/g, (whole, on: string | undefined, d: string, offset: number) => {
    if (months.test(t.slice(0, offset))) return whole;
    const day = Number(d);
    const month = monthOfDaySaid(day, weekdayNumber(WEEKDAY_JUST_BEFORE.exec(t.slice(0, offset))?.[1] ?? ''), now);
    const date = month.set({ day: Math.min(day, month.daysInMonth ?? 28) });
    if (date.day !== day) return whole;
    // "cut at 2 the 17th": after a bare number the date is said with "on", else "2 December 17" reads as the year 2017.
    const lead = on ?? (/\d\s*$/.test(t.slice(0, offset)) ? 'on ' : '');
    return ` ${lead}${date.toFormat('LLLL d')} `;
  });
  return withoutConfirmingWeekday(spellWeekdayBesideDate(dated, now), now);
}

/**
 * "next week, monday", "next week on tues at 2": the weekday said after the week is that week's,
 * as "monday next week" (which the date reader takes); alone, "next week" reads as a week from today.
 */
function weekdayAfterNextWeek(t: string): string {
  return t.replace(/\bnext week,? (?:on |maybe |preferably |ideally |say )?(?:the )?((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b(?! (?:or|and|through|thru|to)\b)/g, '$1 next week');
}

const COUNTS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, ten: 10 };

/**
 * "the day after tomorrow", "a week from today", "two weeks from friday": chrono reads
 * only part of these (and drops a time said after them), so they become a calendar date.
 */
function spellRelativeDays(t: string, now: DateTime): string {
  const today = now.startOf('day');
  const date = (d: DateTime) => ` ${d.toFormat('LLLL d')} `;
  let out = t.replace(/\b(?:the )?day after (?:tomorrow|tmrw)\b/g, () => date(today.plus({ days: 2 })));
  // "a fortnight today", "in a fortnight": the British two weeks.
  out = out.replace(new RegExp(`\\b(?:a |one )?fortnight(?: on| from| after)? (today|tomorrow|${DAY_WORD})\\b`, 'g'), 'two weeks from $1');
  out = out.replace(/\b(?:a |one )?fortnight\b/g, 'two weeks');
  // "the week after next on tuesday", "tues of the week after next": that weekday "after next".
  out = out.replace(new RegExp(`\\b(?:the )?week after next,? (?:on )?(?:the )?(${DAY_WORD})\\b|\\b(${DAY_WORD}),? (?:of |in )?the week after next\\b`, 'g'), (_, a?: string, b?: string) => `${a ?? b} after next`);
  // "monday after next", "the fri after next": a week past "next monday", which is the Monday of next week.
  out = out.replace(new RegExp(`\\b(?:the )?(${DAY_WORD}) after next(?: week)?\\b`, 'g'), (whole, day: string) => {
    const weekday = weekdayNumber(day);
    return weekday === undefined ? whole : date(today.startOf('week').plus({ weeks: 2, days: weekday - 1 }));
  });
  out = out.replace(new RegExp(`\\b(a|an|one|two|three|four|five|six|ten|\\d{1,2}) (days?|weeks?) (?:from|after) (today|now|tonight|tomorrow|${DAY_WORD})\\b`, 'g'), (whole, n: string, unit: string, base: string) => {
    const count = COUNTS[n] ?? Number(n);
    let from = today;
    if (base === 'tomorrow') from = today.plus({ days: 1 });
    else if (!/^(today|now|tonight)$/.test(base)) {
      const weekday = weekdayNumber(base);
      if (weekday === undefined) return whole;
      from = today.plus({ days: (weekday - now.weekday + 7) % 7 });
    }
    return date(from.plus(unit.startsWith('week') ? { weeks: count } : { days: count }));
  });
  return out;
}

/** A clock time inside a constraint, with the business-hours am/pm rule. */
function clockOf(said: string): { hour: number; minute: number } | undefined {
  if (/^(noon|midday)$/.test(said)) return { hour: 12, minute: 0 };
  const m = /^(\d{1,2})(?::(\d{2}))? ?(a|p)?/.exec(said);
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  if (hour > 23 || minute > 59) return undefined;
  if (m[3]) return hour >= 1 && hour <= 12 ? { hour: (hour % 12) + (m[3] === 'p' ? 12 : 0), minute } : undefined;
  return { hour: hour >= 1 && hour <= 7 ? hour + 12 : hour, minute };
}

/** The day the rest of the message names, or today (tomorrow once `until` has passed). */
function dayOf(rest: string, now: DateTime, until: (day: DateTime) => DateTime): { day: DateTime; hasDate: boolean } {
  const found = rest.trim() ? (earliestOrRelative(rest, now) ?? plain(rest, now)) : undefined;
  if (found && found.hasDate) return { day: DateTime.fromJSDate(found.range.from, { zone: now.zone }).startOf('day'), hasDate: true };
  const today = now.startOf('day');
  return { day: until(today) <= now ? today.plus({ days: 1 }) : today, hasDate: false };
}

/** "after 4", "before 11", "between 1 and 3", "from 3 on", "no later than 11am": a window on one day. */
function bounded(t: string, now: DateTime): ResolvedWhen | undefined {
  let from: { hour: number; minute: number } | undefined;
  let to: { hour: number; minute: number } | undefined;
  let rest = t;
  const span = BETWEEN.exec(t) ?? bareSpan(t);
  if (span) {
    from = clockOf(span[1]!);
    to = clockOf(span[2]!);
    // "between 10 and 2": the end is the afternoon hour.
    if (from && to && to.hour <= from.hour && to.hour < 12) to = { hour: to.hour + 12, minute: to.minute };
    rest = rest.replace(span[0], ' ');
  } else {
    for (const re of LOWER) {
      const m = re.exec(rest);
      if (m) {
        from = clockOf(m[1]!);
        rest = rest.replace(m[0], ' ');
        break;
      }
    }
    for (const re of UPPER) {
      const m = re.exec(rest);
      if (m) {
        to = clockOf(m[1]!);
        rest = rest.replace(m[0], ' ');
        break;
      }
    }
  }
  if (!from && !to) return undefined;
  if (from && to && to.hour * 60 + to.minute <= from.hour * 60 + from.minute) to = undefined;
  const latest = LATEST.test(rest);
  const { day, hasDate } = dayOf(rest.replace(LATEST, ' ').replace(EARLIEST, ' '), now, (d) => (to ? atLocal(d, to.hour, to.minute) : d.endOf('day')));
  const start = from ? atLocal(day, from.hour, from.minute) : day;
  const end = to ? atLocal(day, to.hour, to.minute) : day.plus({ days: 1 });
  const said = [from && `after ${start.toFormat('h:mm a')}`, to && `before ${end.toFormat('h:mm a')}`].filter(Boolean).join(' and ');
  const asked = exactInside(rest, now, day, start, end);
  if (asked) return { ...asked, hasDate };
  const r = range(start, end, false, said);
  // "end of the day sat? anything after 4": the bound already says where the end of the day
  // starts, so its openings are listed in order; "the latest before 3" still leads with the last.
  if (latest && !from) r.latest = true;
  return { range: r, hasDate };
}

/** A bare span of hours (BARE_SPAN) that reads as one: its end after its start and at most five hours on. */
function bareSpan(t: string): RegExpExecArray | null {
  const m = BARE_SPAN.exec(t);
  const from = m && clockOf(m[1]!);
  let to = m && clockOf(m[2]!);
  if (!from || !to) return null;
  if (to.hour <= from.hour && to.hour < 12) to = { hour: to.hour + 12, minute: to.minute };
  const minutes = to.hour * 60 + to.minute - (from.hour * 60 + from.minute);
  return minutes >= 30 && minutes <= 300 ? m : null;
}

/**
 * "i have to leave by 4:30. lets do 11 instead": a clock time said beside the bound, and
 * inside it, is the time asked; the bound only said why.
 */
function exactInside(rest: string, now: DateTime, day: DateTime, start: DateTime, end: DateTime): ResolvedWhen | undefined {
  // "lets do 11", "can we do 3": the number after the verb is the clock time asked (only here, beside a bound: alone it may be a pick).
  const said = chronoResult(rest.replace(/\b(?:let'?s|can we|could we) do (\d{1,2}(?::\d{2})?)\b(?! ?(?:people|of|st|nd|rd|th)\b)/, 'at $1'), now);
  if (!said || !said.start.isCertain('hour') || said.end) return undefined;
  const at = atLocal(day, businessHour(said.start.get('hour') ?? 0, said.start.isCertain('meridiem'), undefined), said.start.get('minute') ?? 0);
  if (at < start || at >= end) return undefined;
  return { range: range(at, at.plus({ minutes: 1 }), true, at.toFormat('h:mm a')), hasDate: false, time: { hour: at.hour, minute: at.minute } };
}

/** "the latest you have friday", "last appointment wednesday": that day, offered from its end. */
function endOfDay(t: string, now: DateTime): ResolvedWhen | undefined {
  if (!LATEST.test(t)) return undefined;
  const rest = t.replace(LATEST, ' ');
  const found = plain(rest, now);
  const part = found && !found.range.exactTime ? found : undefined;
  const from = part ? DateTime.fromJSDate(part.range.from, { zone: now.zone }) : now.startOf('day');
  const to = part ? DateTime.fromJSDate(part.range.to, { zone: now.zone }) : now.startOf('day').plus({ days: 1 });
  const r = range(DateTime.max(from, now), to, false, 'latest');
  r.latest = true;
  return { range: r, hasDate: part?.hasDate ?? false };
}

/** A day, a time, a part of day or a span, as chrono and the part-of-day table read it. */
function plain(t: string, now: DateTime): ResolvedWhen | undefined {
  return weekOrExactBeside(t, now) ?? dayOrTime(t, now);
}

/** A week-level phrase's window, unless an exact day and time is said beside it. */
function weekOrExactBeside(t: string, now: DateTime): ResolvedWhen | undefined {
  const week = weekLevel(t, now);
  return week && (exactBesideWeek(t, now) ?? partOfWeek(week, t, now) ?? week);
}

/**
 * "any morning next week", "afternoons this week": one window is searched, so the part of day
 * goes on the first day of that week it is still ahead; a full one lists the nearest after it.
 */
function partOfWeek(week: ResolvedWhen, t: string, now: DateTime): ResolvedWhen | undefined {
  const { part } = takePartOfDay(t);
  if (!part) return undefined;
  const end = DateTime.fromJSDate(week.range.to, { zone: now.zone });
  let day = DateTime.fromJSDate(week.range.from, { zone: now.zone }).startOf('day');
  while (windowEnd(day, part) <= now && day.plus({ days: 1 }) < end) day = day.plus({ days: 1 });
  const r = window(day, part);
  r.description = `${week.range.description} ${part.name}`;
  return { range: r, hasDate: true };
}

/**
 * "i have a wedding this weekend, could u do wed at 3:30", "sometime next month, say jan 12
 * at 10": an exact day and time said beside a week-level phrase is the request; the week
 * was context (or said loosely first).
 */
function exactBesideWeek(t: string, now: DateTime): ResolvedWhen | undefined {
  const exact = dayOrTime(t.replace(/\b(?:(?:this|next|the|on the|coming) ?)?(?:weekend|week|month)\b/g, ' '), now);
  return exact && namesExactDayAndTime(exact) ? exact : undefined;
}

/** A day, a time or a part of day, as chrono and the part-of-day table read it (no week-level phrase). */
function dayOrTime(t: string, now: DateTime): ResolvedWhen | undefined {
  const { text, part } = takePartOfDay(t);
  const result = chronoResult(text, now);
  if (!result) {
    if (!part) return undefined;
    // A part of day alone means the next such window that has not ended yet.
    let day = now.startOf('day');
    if (windowEnd(day, part) <= now) day = day.plus({ days: 1 });
    return { range: window(day, part), hasDate: false };
  }
  return fromChrono(result, now, part);
}

/** "As soon as possible" and "in 20 minutes": no calendar needed. */
function earliestOrRelative(t: string, now: DateTime): ResolvedWhen | undefined {
  if (EARLIEST.test(t)) {
    // "earliest on friday": that day from its start; "asap" alone: the next two weeks.
    const named = plain(t.replace(EARLIEST, ' '), now);
    // "need color asap, can dana do thurs at 12:30": the day and time said are the request, asap only the hurry.
    if (namesExactDayAndTime(named)) return named;
    if (named && named.hasDate && !named.range.exactTime) {
      const r = range(DateTime.max(DateTime.fromJSDate(named.range.from, { zone: now.zone }), now), DateTime.fromJSDate(named.range.to, { zone: now.zone }), false, `earliest ${named.range.description}`, true);
      return { range: r, hasDate: true };
    }
    return { range: range(now, now.plus({ days: EARLIEST_WINDOW_DAYS }), false, 'earliest available', true), hasDate: true };
  }
  const relative = /\bin (an?|one|half an?|\d{1,3}) ?(min(?:ute)?s?|hours?|hrs?|h)\b/.exec(t);
  if (!relative) return undefined;
  const [, amount, unit] = relative as unknown as [string, string, string];
  const n = amount.startsWith('half') ? 0.5 : /^(an?|one)$/.test(amount) ? 1 : Number(amount);
  const minutes = unit.startsWith('m') ? n : n * 60;
  const at = now.plus({ minutes }).startOf('minute');
  return { range: range(at, at.plus({ minutes: 1 }), true, `in ${relative[1]} ${relative[2]}`), hasDate: true, time: { hour: at.hour, minute: at.minute } };
}

// "the day before", "2 days after", "the night before": a count of days from the date said next.
const DAYS_COUNTED = /\b(the|a|one|two|three|2|3) (days?|night) (before|after) /;
const COUNT_OF: Record<string, number> = { the: 1, a: 1, one: 1, two: 2, three: 3, '2': 2, '3': 3 };

/**
 * "2 days before december 20", "the day before friday at 2": the day counted from the date said
 * after it, spelled as that day ("december 18"), so the time said beside it stays on it. The
 * longest run of words after the count that reads as one whole day is the date.
 */
function withDayCountedFrom(t: string, now: DateTime): string {
  const m = DAYS_COUNTED.exec(t);
  if (!m) return t;
  const after = t.slice(m.index + m[0].length).split(' ');
  for (let k = Math.min(4, after.length); k >= 1; k--) {
    const phrase = after.slice(0, k).join(' ');
    // "tomorrow at 3": "at" leads into the time, which stays with the day.
    if (/(?:^|\s)(?:at|around|about|by|on|in|the|for|like|maybe|after|before|from|@)$|[^a-z0-9]$/.test(phrase)) continue;
    const date = resolvePhrase(phrase, now);
    const from = date?.hasDate && !date.range.exactTime ? DateTime.fromJSDate(date.range.from, { zone: now.zone }) : undefined;
    if (!from || !date || DateTime.fromJSDate(date.range.to, { zone: now.zone }).diff(from, 'days').days > 1) continue;
    const day = from.plus({ days: (m[3] === 'before' ? -1 : 1) * COUNT_OF[m[1]!]! });
    return `${t.slice(0, m.index)}${day.toFormat('MMMM d').toLowerCase()}${m[2] === 'night' ? ' night' : ''} ${after.slice(k).join(' ')}`;
  }
  return t;
}

/**
 * "next week, the 11th", "the 11th next week": a day of the month by its number that falls in the
 * week said is the day meant; the week only placed it, so it is taken out. A number outside that
 * week is left beside it, as said.
 */
function withoutWeekOfDate(t: string, now: DateTime): string {
  const nextMonday = now.startOf('day').plus({ days: 8 - now.weekday });
  return /\bnext week\b/.test(t) && dayOfMonthWithin(t, nextMonday, 7) ? t.replace(/\b(?:sometime |some time |later |early |earlier )?next week\b,?/g, ' ') : t;
}

function dayOfMonthWithin(t: string, start: DateTime, days: number): boolean {
  const inWeek = (day: number, month?: number) => {
    for (let d = start; d < start.plus({ days }); d = d.plus({ days: 1 })) if (d.day === day && (month === undefined || d.month === month)) return true;
    return false;
  };
  // By then "the 11th" is spelled "december 11" (shorthand.ts); "11th" alone may stay as said.
  for (const m of t.matchAll(new RegExp(String.raw`\b(${MONTH})[a-z]*\.? (\d{1,2})\b`, 'gi'))) {
    if (inWeek(Number(m[2]), monthNumber(m[1]!))) return true;
  }
  for (const m of t.matchAll(/\b([12]?\d|3[01])(?:st|nd|rd|th)\b/g)) if (inWeek(Number(m[1]))) return true;
  return false;
}

/** 1 for "jan" or "January", 12 for "dec". */
function monthNumber(name: string): number {
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * Week-level phrases: chrono reads "this weekend" as Saturday noon and "next week" as
 * "in seven days", neither of which is what a customer asking for availability means.
 */
function weekLevel(t: string, now: DateTime): ResolvedWhen | undefined {
  const today = now.startOf('day');
  if (/\b(this|next|the|on the|coming) ?weekend\b|\bweekend\b/.test(t) && !/\bweekends\b/.test(t)) {
    const daysToSaturday = (6 - now.weekday + 7) % 7; // luxon: Monday 1 ... Sunday 7
    let saturday = now.weekday === 7 ? today.minus({ days: 1 }) : today.plus({ days: daysToSaturday });
    if (/\bnext weekend\b/.test(t)) saturday = saturday.plus({ days: 7 });
    const from = saturday < today ? today : saturday;
    return { range: range(from, saturday.plus({ days: 2 }), false, /\bnext weekend\b/.test(t) ? 'next weekend' : 'this weekend'), hasDate: true };
  }
  const nextMonday = today.plus({ days: 8 - now.weekday });
  const weekOf = weekOfDay(t, now);
  if (weekOf) return weekOf;
  if (/\b(?:the )?week after next\b/.test(t)) {
    return { range: range(nextMonday.plus({ days: 7 }), nextMonday.plus({ days: 14 }), false, 'the week after next'), hasDate: true };
  }
  if (/\bnext week\b/.test(t) && !new RegExp(`\\b(${DAY_WORD})\\b`).test(t)) {
    return { range: range(nextMonday, nextMonday.plus({ days: 7 }), false, 'next week'), hasDate: true };
  }
  if (/\b(this|later this|rest of the|rest of this) week\b/.test(t) && !new RegExp(`\\b(${DAY_WORD})\\b`).test(t)) {
    return { range: range(today, nextMonday, false, 'this week'), hasDate: true };
  }
  // "my one this month", "sometime later this month": the rest of it, from today (chrono reads today alone).
  if (/\b(this|later this|rest of the|rest of this) month\b/.test(t) && !/\b\d{1,2}(st|nd|rd|th)?\b/.test(t)) {
    return { range: range(today, today.startOf('month').plus({ months: 1 }), false, 'this month'), hasDate: true };
  }
  if (/\bnext month\b/.test(t)) {
    const first = today.startOf('month').plus({ months: 1 });
    return { range: range(first, first.plus({ months: 1 }), false, 'next month'), hasDate: true };
  }
  return undefined;
}

// "the week of the 14th", "week of dec 21": the week a day is in, not that day alone.
const WEEK_OF = /\b(?:the )?week of\b/;

/** "move it to the week of the 14th, any day is fine": Monday to Sunday around the day said, from today on. */
function weekOfDay(t: string, now: DateTime): ResolvedWhen | undefined {
  const m = WEEK_OF.exec(t);
  const day = m && dayOrTime(t.slice(m.index + m[0].length), now);
  if (!day?.hasDate || day.range.exactTime) return undefined;
  const monday = DateTime.fromJSDate(day.range.from, { zone: now.zone }).startOf('week');
  const today = now.startOf('day');
  return { range: range(DateTime.max(monday, today), monday.plus({ weeks: 1 }), false, `the week of ${monday.toFormat('LLL d')}`), hasDate: true };
}

/** The part of day is read here and removed, so chrono only sees the date and the time. */
function takePartOfDay(input: string): { text: string; part: PartOfDay | undefined } {
  for (const p of PARTS_OF_DAY) {
    const m = p.re.exec(input);
    if (m) {
      // "tonight" is also a day (today) for chrono; "this morning" likewise.
      const isToday = /^(tonight|this )/.test(m[0]);
      return { text: input.replace(p.re, isToday ? ' today ' : ' '), part: p.part };
    }
  }
  return { text: input, part: undefined };
}

/** The first date or time chrono finds, after spelling out the times it would miss. */
function chronoResult(input: string, now: DateTime): chrono.ParsedResult | undefined {
  // "Monday 9" or "tomorrow 10:30": a bare number after a day is a time, which chrono misses.
  let t = input.replace(new RegExp(`\\b(${DAY_WORD})\\s+(\\d{1,2}(?::\\d{2})?)\\b(?!\\s*(?:st|nd|rd|th|/|-\\d|am|pm|a\\.m|p\\.m))`, 'g'), '$1 at $2');
  // "at 3" on its own or "the 3 o'clock": chrono needs the "at" or an o'clock to see a time.
  t = t.replace(/\b(\d{1,2}) ?o'? ?clock\b/g, 'at $1:00');
  const reference = { instant: now.toJSDate(), timezone: now.offset };
  const parser = usesMonthFirst(now.zoneName ?? '') ? chrono.casual : chrono.GB;
  const results = parser.parse(t, reference, { forwardDate: true }).filter((r) => hasUsefulComponent(r.start));
  return dateInMonthSaid(t, results) ?? restatedWithTime(results) ?? joinDayAndTime(t, results, (text) => parser.parse(text, reference, { forwardDate: true })[0]) ?? dayAndTimeAfterDay(t, results) ?? results[0];
}

/**
 * "can the color be moved into january? tues jan 5", "sometime in jan, like the 8th at 2": a month
 * said alone, then a date in it. The month only led to the date, which is the request; the month
 * alone would be its first day.
 */
function dateInMonthSaid(input: string, results: chrono.ParsedResult[]): chrono.ParsedResult | undefined {
  const first = results[0];
  if (!first || first.end || !first.start.isCertain('month') || first.start.isCertain('day') || first.start.isCertain('weekday')) return undefined;
  const date = results.slice(1).find((r) => r.start.isCertain('day') && r.start.get('month') === first.start.get('month'));
  // "in jan, not jan 5", "january but not the 5th": a date set against the month is no date of it.
  if (!date || /\b(or|not|no|but|except|than|other)\b/.test(input.slice(first.index + first.text.length, date.index))) return undefined;
  return date;
}

/**
 * "i have a wedding on the 12th and need a cut before then, could i come thursday the 10th
 * at 5:30": a day told first, then another day with a time. The day with its time is the
 * request; the first only said why ("at 10 or monday"-like alternatives are left alone).
 */
function dayAndTimeAfterDay(input: string, results: chrono.ParsedResult[]): chrono.ParsedResult | undefined {
  const first = results[0];
  if (!first || first.end || first.start.isCertain('hour')) return undefined;
  const later = results.slice(1).find((r) => r.start.isCertain('hour') && (r.start.isCertain('day') || r.start.isCertain('weekday')) && !r.end);
  if (!later || /\b(or|not|no|but|except|than|instead of)\b/.test(input.slice(first.index + first.text.length, later.index))) return undefined;
  return later;
}

/**
 * "in two weeks, so tuesday the 15th, at 11", "a week from today so tues the 8th at 4": a day
 * said loosely, then said again exactly with its time. The restatement on that same date is
 * the request.
 */
function restatedWithTime(results: chrono.ParsedResult[]): chrono.ParsedResult | undefined {
  const first = results[0];
  if (!first || first.start.isCertain('hour') || first.end) return undefined;
  const sameDate = (c: ParsedComponents) => ['year', 'month', 'day'].every((k) => c.get(k as 'day') === first.start.get(k as 'day'));
  return results.slice(1).find((r) => r.start.isCertain('hour') && (r.start.isCertain('day') || r.start.isCertain('weekday')) && sameDate(r.start)) ?? weekdayRestatedAsDate(first, results.slice(1));
}

/**
 * "ok friday then, the 11th at 3", "the last saturday you can do, jan 30": a weekday said
 * alone, then a date that falls on that weekday. The weekday alone would be the nearest one;
 * the date says which of them is meant.
 */
function weekdayRestatedAsDate(first: chrono.ParsedResult, rest: chrono.ParsedResult[]): chrono.ParsedResult | undefined {
  if (!first.start.isCertain('weekday') || first.start.isCertain('day')) return undefined;
  const weekday = first.start.get('weekday');
  const onWeekday = (c: ParsedComponents) => DateTime.fromObject({ year: c.get('year') ?? 0, month: c.get('month') ?? 0, day: c.get('day') ?? 0 }).weekday % 7 === weekday;
  return rest.find((r) => r.start.isCertain('day') && !r.end && onWeekday(r.start));
}

/**
 * "wednesday for a cut around 4", "saturday afternoon, maybe 2ish", "11:30 instead on
 * saturday": chrono returns the day and the time as two results when other words stand
 * between them. The first day-only result and the first time-only result after it (or the
 * time said first and the first day after it) are read again as one phrase.
 */
function joinDayAndTime(input: string, results: chrono.ParsedResult[], parse: (text: string) => chrono.ParsedResult | undefined): chrono.ParsedResult | undefined {
  const first = results[0];
  if (!first || first.end) return undefined;
  const names = (c: ParsedComponents) => c.isCertain('day') || c.isCertain('weekday') || c.isCertain('month');
  const timeOnly = (r: chrono.ParsedResult) => r.start.isCertain('hour') && !names(r.start);
  const dayOnly = (r: chrono.ParsedResult) => names(r.start) && !r.start.isCertain('hour') && !r.end;
  const dayFirst = !first.start.isCertain('hour');
  const day = dayFirst ? first : timeOnly(first) ? results.slice(1).find(dayOnly) : undefined;
  const time = dayFirst ? results.slice(1).find((r) => timeOnly(r) || weekdayOfDate(first, r)) : first;
  if (!day || !time) return undefined;
  // "at 10 or monday", "3pm but not friday": a day set against the time is no day of it.
  if (!dayFirst && /\b(or|not|no|but|except|than)\b/.test(input.slice(time.index + time.text.length, day.index))) return undefined;
  // "in a fortnight, tuesday at 10": the weekday only says the date's own again.
  const clock = time.text.replace(new RegExp(`\\b(?:on )?(?:${WEEKDAY_WORDS.join('|')})\\b,?`, 'g'), ' ').trim();
  const joined = parse(`${day.text} ${/^(at|@)\b/.test(clock) ? '' : 'at '}${clock}`);
  return joined && joined.start.isCertain('hour') && names(joined.start) ? joined : undefined;
}

/** A time said with a weekday alone ("tuesday at 10") after a date on that weekday ("in two weeks"): the date's time. */
function weekdayOfDate(date: chrono.ParsedResult, r: chrono.ParsedResult): boolean {
  if (!r.start.isCertain('hour') || !r.start.isCertain('weekday') || r.start.isCertain('day') || date.start.isCertain('hour')) return false;
  const c = date.start;
  return DateTime.fromObject({ year: c.get('year') ?? 0, month: c.get('month') ?? 0, day: c.get('day') ?? 0 }).weekday % 7 === r.start.get('weekday');
}

/** What chrono found, as a range: an exact time, a time span, a part of a day, or a whole day. */
function fromChrono(result: chrono.ParsedResult, now: DateTime, part: PartOfDay | undefined): ResolvedWhen | undefined {
  const said = result.text.replace(/\s+/g, ' ').trim();
  const s = result.start;
  const year = s.get('year');
  const month = s.get('month');
  const dayOfMonth = s.get('day');
  if (year === null || month === null || dayOfMonth === null) return undefined;
  let day: DateTime = DateTime.fromObject({ year, month, day: dayOfMonth }, { zone: now.zone });
  if (!day.isValid) return undefined;
  // chrono puts a month and day already begun in the next year; one gone lately (or today's) is the day said.
  const yearBefore = day.minus({ years: 1 });
  if (s.isCertain('month') && s.isCertain('day') && !s.isCertain('year') && yearBefore <= now && passedLately(yearBefore, now)) day = yearBefore;
  const tags = result.tags();
  const hasDate =
    s.isCertain('day') || s.isCertain('weekday') || s.isCertain('month') || [...tags].some((x) => /casualReference\/(today|tomorrow|tonight|yesterday)|relativeDate/.test(x));
  const hasTime = s.isCertain('hour') && !(part && !tags.has('parser/ENTimeExpressionParser') && !tags.has('casualReference/noon'));
  if (namesTodaysWeekday(result, now, day)) day = day.plus({ days: 7 });
  if (hasTime) return atTime({ result, now, day, part, hasDate, said });
  if (part) {
    day = nextOccurrence(day, now, s, hasDate, (d) => windowEnd(d, part));
    const r = window(day, part);
    r.description = `${said} ${part.name}`;
    return { range: r, hasDate };
  }
  day = nextOccurrence(day, now, s, hasDate, (d) => d.startOf('day').plus({ days: 1 }));
  return { range: range(day, day.plus({ days: 1 }), false, said), hasDate };
}

/**
 * "tuesday" said on a Tuesday: today is said "today" (or "this tuesday"), so the weekday
 * named is next week's, also when the customer corrects another day ("i meant tuesday").
 */
function namesTodaysWeekday(result: chrono.ParsedResult, now: DateTime, day: DateTime): boolean {
  const s = result.start;
  if (!s.isCertain('weekday') || s.isCertain('day') || s.isCertain('month') || !day.hasSame(now, 'day')) return false;
  return !/\b(this|today|tonight|tonite)\b/.test(result.text);
}

const WEEKDAY_WORDS = ['mon|monday', 'tue|tues|tuesday', 'wed|weds|wednesday', 'thu|thur|thurs|thursday', 'fri|friday', 'sat|saturday', 'sun|sunday'];

/**
 * An appointment named by its weekday ("cancel my tuesday appt" on a Tuesday) may be
 * today's: for such a reference today's weekday is written "today", where a new time said
 * with it would be next week's (see namesTodaysWeekday).
 */
export function todayForItsWeekday(text: string, now: Date, timeZone: string): string {
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  if (!today.isValid) return text;
  const names = WEEKDAY_WORDS[today.weekday - 1]!;
  return correctTypos(normalize(text)).replace(new RegExp(`\\b(?<!(?:next|this|last|following) )(?:${names})\\b`, 'g'), 'today');
}

/** A named time ("3pm", "tomorrow at 10"), or a span ("2-4pm"), with the business-hours am/pm rule. */
function atTime(f: { result: chrono.ParsedResult; now: DateTime; day: DateTime; part: PartOfDay | undefined; hasDate: boolean; said: string }): ResolvedWhen {
  const { result, now, part, hasDate, said } = f;
  const s = result.start;
  const today = now.startOf('day');
  let day = f.day;
  const hour = businessHour(s.get('hour') ?? 0, s.isCertain('meridiem'), part);
  const minute = s.get('minute') ?? 0;
  // chrono rolls a passed time to tomorrow using its own 12-hour guess; with the pm rule
  // applied the time may still be ahead today ("at 3" said at 10:00 means 15:00 today).
  if (!hasDate && atLocal(today, hour, minute) > now) day = today;
  day = nextOccurrence(day, now, s, hasDate, (d) => atLocal(d, hour, minute));
  const at = atLocal(day, hour, minute);
  const end = result.end;
  if (end && end.isCertain('hour')) {
    const endHour = businessHour(end.get('hour') ?? 0, end.isCertain('meridiem') || s.isCertain('meridiem'), part);
    let to = atLocal(at.startOf('day'), endHour, end.get('minute') ?? 0);
    // "2-4pm": chrono marks only the end as pm; the start follows it when that keeps start < end.
    let from = at;
    if (!s.isCertain('meridiem') && end.get('meridiem') === 1 && hour < 12 && hour + 12 < endHour) from = atLocal(at.startOf('day'), hour + 12, minute);
    if (to <= from) to = from.plus({ hours: 1 });
    return { range: range(from, to, false, said), hasDate };
  }
  return { range: range(at, at.plus({ minutes: 1 }), true, said), hasDate, time: { hour: at.hour, minute: at.minute } };
}

function window(day: DateTime, part: PartOfDay): DateRange {
  const start = day.startOf('day');
  const from = part.fromHour === 0 ? start : atLocal(start, part.fromHour, 0);
  return range(from, windowEnd(start, part), false, part.name);
}

function windowEnd(day: DateTime, part: PartOfDay): DateTime {
  return part.toHour === 24 ? day.startOf('day').plus({ days: 1 }) : atLocal(day, part.toHour, 0);
}

/** Wall-clock time on a local day; a time inside a spring-forward gap moves past the gap (luxon's rule). */
function atLocal(day: DateTime, hour: number, minute: number): DateTime {
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: day.zone });
}

/**
 * Hours 1–7 without am/pm mean the afternoon: a business is rarely open at 3 a.m., and
 * "next Tue at 3" is 15:00. Inside an afternoon/evening window every bare hour is pm.
 */
function businessHour(hour: number, meridiemCertain: boolean, part: PartOfDay | undefined): number {
  if (meridiemCertain || hour >= 12 || hour === 0) return hour;
  if (part?.pm) return hour + 12;
  if (hour >= 1 && hour <= 7) return hour + 12;
  return hour;
}

/**
 * A phrase whose moment is already over moves to its next occurrence: a weekday by a week,
 * a month and day long gone by a year, a time alone by a day. An explicit year or "today" stays put
 * (the caller reports that nothing is left rather than silently picking another day).
 */
function nextOccurrence(
  day: DateTime,
  now: DateTime,
  s: ParsedComponents,
  hasDate: boolean,
  endOf: (day: DateTime) => DateTime,
): DateTime {
  if (endOf(day) > now || s.isCertain('year')) return day;
  if (s.isCertain('weekday') && !s.isCertain('day')) return day.plus({ days: 7 });
  // "nov 30" said on Dec 1 is the day just gone (the provider says so), not next year's.
  if (s.isCertain('month') && s.isCertain('day')) return passedLately(day, now) ? day : day.plus({ years: 1 });
  if (!hasDate) return day.plus({ days: 1 });
  return day;
}

/** A month and day nearer behind today than a year on: the customer means that day, now gone, not next year's. */
function passedLately(day: DateTime, now: DateTime): boolean {
  return now.diff(day).as('days') < day.plus({ years: 1 }).diff(now).as('days');
}

function hasUsefulComponent(c: ParsedComponents): boolean {
  return c.isCertain('day') || c.isCertain('weekday') || c.isCertain('month') || c.isCertain('hour') || c.tags().size > 0;
}

/** Numeric dates like 3/12: month first in the Americas (US convention), day first elsewhere. */
function usesMonthFirst(zone: string): boolean {
  return zone.startsWith('America/') || zone.startsWith('US/') || zone === 'Pacific/Honolulu' || zone === 'UTC' || zone === 'Etc/UTC';
}
