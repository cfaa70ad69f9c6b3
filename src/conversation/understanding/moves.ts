// Times said relative to a booking the customer already has (or the window being talked
// about): "an hour later", "push it back 30 min", "same time next week", "the week after",
// "same time for my son". The parser only reads the offset; the provider applies it to the
// right reference (the appointment's start, or the window on screen).
import { MONTH, weekdayNumber } from './shorthand.ts';
import { RELATIVES } from './relatives.ts';
import { splitCorrection } from './text.ts';
import type { Shift } from './types.ts';

const AMOUNT = '(an?|one|two|three|half an?|\\d{1,3}(?:\\.5)?)';
const UNIT = '(hours?|hrs?|h|minutes?|mins?|m)';
// "an hour and a half", "two and a half hours": a half more, said before or after the unit.
const AND_A_HALF = '(?: and a half)?';
// "push it back a bit, like 30 mins": hedges between the verb and the amount say nothing of how much.
const HEDGE = '(?: (?:a bit|a little|a tad|slightly))?(?: (?:like|maybe|about|around|roughly|say|approx|approximately|by|just))*';
const LATER = '(later|back|after|further out)';
const EARLIER = '(earlier|sooner|before|forward|up|ahead)';
const WORD_AMOUNTS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3 };

// The booking moved: "it", "my appt", and the day that says which one ("my appt on thursday", "the 3pm on friday");
// or every one: "both", "them", "both of my appointments", "all my bookings".
const BOOKING_MOVED = `(?: it| this| that| mine| me| us| them| both| all| (?:(?:both|all)(?: of)? )?(?:my|the|our)(?: \\w+){1,2}?(?: (?:on|for|at)(?: the)? [\\w:]+)?)?`;
const SHIFT_VERB = `(?:push|move|bump|shift|bring|put|make)${BOOKING_MOVED}`;
// "9 am before work": the "a" of "am" (or "pm") is a clock's, not "a minute".
const AMOUNT_SAID = `(?![ap]\\.?m\\b)(?<amount>${AMOUNT})(?<halfBefore>${AND_A_HALF}) ?(?<unit>${UNIT})(?<half>${AND_A_HALF})`;
/** "an hour later", "90 min earlier", "an hour and a half later": the amount before the way. */
// "more than 24h before my appt", "at least a day ahead": the notice given, measured back from the booking, moves nothing.
const NOTICE_BOUND = '(?:more than|over|at least|less than|under|within|plenty of|well over)';
const NOT_NOTICE = `(?<!\\b${NOTICE_BOUND} )`;
// "it's gonna be 30 min before i get there", "an hour after we land": before or after a clause is a
// time until something happens (a lateness, a wait), not a way to move the booking.
const NOT_A_CLAUSE = `(?!(?<=\\b(?:before|after)) (?:i|we|he|she|they|u|you)(?:'?(?:m|re|ll|d|ve))?\\b)`;
const AMOUNT_THEN_WAY = new RegExp(`\\b${NOT_NOTICE}${AMOUNT_SAID} (?:(?<later>${LATER})|${EARLIER})\\b${NOT_A_CLAUSE}`);
/** "push it back an hour", "push it back a bit, like 30 mins", "bring it forward 2 hours": the way before the amount. */
const WAY_THEN_AMOUNT = new RegExp(`\\b${SHIFT_VERB} (?:(?<later>${LATER})|${EARLIER})${HEDGE} ${AMOUNT_SAID}\\b`);
/** "push my appt 30 min", "can you bump it 15 minutes": a delay with no way said is later. */
const DELAYED_BY = new RegExp(`\\b(?:push|bump|delay|postpone)(?: it| this| that| mine| me| us| (?:my|the|our)(?: \\w+){1,2}?)?${HEDGE} ${AMOUNT_SAID}\\b`);

/** "an hour later" (+60), "30 min earlier" (-30), "push it back an hour and a half" (+90), "bring it forward 2 hours" (-120). */
function minutesShift(s: string): number | undefined {
  return correctedAmount(s) ?? saidShift(s);
}

// "make it 2 hrs", "no 45 min", "actually 90 mins": an amount alone after a correction.
const AMOUNT_ALONE = new RegExp(`^(?:(?:make it|make that|more like|like|say|nah|no|nope|,|\\.)\\s*)*${AMOUNT_SAID}\\b`);

/**
 * "push it back an hour.. actually nah make it 2 hrs", "30 min later, no wait 45": the amount
 * after a correction replaces the first one, the same way round unless it says its own.
 */
function correctedAmount(s: string): number | undefined {
  const split = splitCorrection(s);
  if (!split) return undefined;
  const first = saidShift(split.before);
  if (first === undefined) return undefined;
  const own = saidShift(split.after);
  if (own !== undefined) return own;
  const g = AMOUNT_ALONE.exec(split.after)?.groups ?? bareAmount(split.after);
  const amount = g && shiftOf(g, true);
  return amount === undefined ? undefined : Math.sign(first) * amount;
}

/** "no wait 45", "actually 2": a number with no unit is hours up to 4, else minutes (no one moves a booking 45 hours). */
function bareAmount(after: string): Record<string, string> | undefined {
  const n = /^(?:(?:make it|make that|more like|like|say|nah|no|nope)\s*)*(\d{1,3})$/.exec(after.replace(/[\s,.!?]+$/, ''))?.[1];
  if (!n) return undefined;
  return { amount: n, unit: Number(n) <= 4 ? 'hours' : 'minutes' };
}

/** The first shift said, with its amount and way. */
function saidShift(s: string): number | undefined {
  const g = (AMOUNT_THEN_WAY.exec(s) ?? WAY_THEN_AMOUNT.exec(s))?.groups;
  const delayed = g ? undefined : DELAYED_BY.exec(s)?.groups;
  if (!g && !delayed) return undefined;
  return shiftOf(g ?? delayed!, g === undefined);
}

/** The minutes a matched amount says, later or earlier; a delay with no way said is later. */
function shiftOf(g: Record<string, string | undefined>, delay: boolean): number | undefined {
  const amount = g.amount!;
  const n = (amount.startsWith('half') ? 0.5 : (WORD_AMOUNTS[amount] ?? Number(amount))) + (g.half || g.halfBefore ? 0.5 : 0);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  const minutes = Math.round(g.unit!.startsWith('h') ? n * 60 : n);
  if (minutes > 24 * 60) return undefined;
  return g.later !== undefined || delay ? minutes : -minutes;
}

// "push it two weeks", "bump my cut back a week", "pushing my appt a week", "move it out 3 days", "bring it forward a
// day": a verb that shifts the booking, then whole weeks or days (forward and up are earlier).
const PUSHED_BY = new RegExp(
  `\\b(?:push(?:ing)?|mov(?:e|ing)|bump(?:ing)?|shift(?:ing)?|delay(?:ing)?|postpon(?:e|ing)|put(?:ting)? off|bring(?:ing)?|set)${BOOKING_MOVED}(?: (?<way>back|out|later|forward|up|ahead|earlier))?(?: by)? (?<amount>an?|one|two|three|\\d) (?<unit>weeks?|wks?|days?)\\b(?! (?:from (?:now|today)|ago))`,
);

/** "push it two weeks", "move it up a day": whole weeks or days, later unless said earlier. */
function pushedBy(s: string): number | undefined {
  const g = PUSHED_BY.exec(s)?.groups;
  if (!g) return undefined;
  const n = WORD_AMOUNTS[g.amount!] ?? Number(g.amount);
  const days = n * (g.unit!.startsWith('w') ? 7 : 1);
  return g.way && /^(forward|up|ahead|earlier)$/.test(g.way) ? -days : days;
}

// A day named by the calendar, not by a booking: "tomorrow", a holiday, a month and day.
const NAMED_DAY =
  `(?:tomorrow|tmrw|christmas|x-?mas|new years?|thanksgiving|halloween|valentine|boxing day|${MONTH} ?\\d)`;

/** "same time next week", "the week after", "a week later", "2 weeks later", "push it a week": whole days. */
function daysShift(s: string): number | undefined {
  const pushed = pushedBy(s);
  if (pushed !== undefined) return pushed;
  const weeks = /\b(an?|one|two|three|\d) weeks? (later|after|from then|out)\b/.exec(s);
  if (weeks) return 7 * (WORD_AMOUNTS[weeks[1]!] ?? Number(weeks[1]));
  const weeksBack = /\b(an?|one|two|three|\d) weeks? (earlier|before|sooner)\b/.exec(s);
  if (weeksBack) return -7 * (WORD_AMOUNTS[weeksBack[1]!] ?? Number(weeksBack[1]));
  // "the week after next" is a week of its own (when.ts weekLevel), not a week past the booking;
  // in "an evening next week, after 5" the "after" opens a clock time.
  if (/\b(?<!next )(the )?(week|wk) after( that| this)?\b(?! (next\b|\d))|\bfollowing week\b/.test(s)) return 7;
  if (/\bsame (time|day|slot)( and (time|day))? next week\b|\bnext week same (time|day)\b/.test(s)) return 7;
  // "the day after tomorrow", "the day after christmas", "the day before dec 12" are dates, not shifts.
  if (new RegExp(`\\b(a|one) day (later|after)\\b(?! ${NAMED_DAY})|\\bthe day after\\b(?! ${NAMED_DAY})|\\bnext day\\b`).test(s)) return 1;
  if (new RegExp(`\\b(a|one) day (earlier|before)\\b(?! ${NAMED_DAY})|\\bthe day before\\b(?! ${NAMED_DAY})`).test(s)) return -1;
  // "2 days later", "three days before": counted from the booking, unlike "in 2 days" or "2 days from now".
  // "2 days before dec 20" is a date too.
  const days = new RegExp(String.raw`\b(two|three|[2-6]) days (?:(?<later>later|after)|earlier|before)\b(?! (?:tomorrow|today|now|${NAMED_DAY}))`).exec(s);
  if (days) return (days.groups?.later ? 1 : -1) * (WORD_AMOUNTS[days[1]!] ?? Number(days[1]));
  return undefined;
}

// "earlier that day", "later in the day", "same day but later", "any later slot that same day":
// a new time on the booking's own day, before or after it. No date of its own ("in the day"
// is no "in a day"), so the phrase is taken out before dates are read.
const SAME_DAY = new RegExp(
  String.raw`\b(?<way>earlier|later|sooner)(?: (?:time|slot|spot|appointment|appt|one))?(?: (?:on|in) (?:the|that) (?:same )?day| (?:that|the) same day| that day)\b` +
    String.raw`|\b(?:same|that) day(?: but| just| only)? (?<after>earlier|later|sooner)\b`,
);

/** "earlier that day" (earlier), "later in the day" (later): which way on the booking's own day, if said. */
export function sameDayWay(s: string): 'earlier' | 'later' | undefined {
  const g = SAME_DAY.exec(s)?.groups;
  const way = g?.way ?? g?.after;
  if (!way) return undefined;
  return way === 'later' ? 'later' : 'earlier';
}

/** The text without its "later in the day", which a date parser would read as a day of its own. */
export function withoutSameDay(text: string): string {
  return text.replace(new RegExp(SAME_DAY.source, 'g'), ' ');
}

/**
 * "1.5 hrs later", "2 1/2 hours": a half hour said with digits, spelled "1 and a half hrs" so
 * the shift is read whole once punctuation is gone (else "1.5" is "1 5", five hours).
 */
export function spellHalfAmounts(text: string): string {
  return text.replace(/\b(\d{1,2})(?:\.5|,5| 1\/2) ?(?=(?:hours?|hrs?|h)\b)/g, '$1 and a half ');
}

const NOTICE_SAID = new RegExp(`\\b${NOTICE_BOUND} (?:${AMOUNT}|a|one|\\d{1,3}) ?(?:${UNIT}|days?)${AND_A_HALF} (?:before|ahead|in advance|notice|out)\\b`, 'g');

/** "its more than 24h before my 5pm tmrw so cancel it": without the notice given, which a date parser would read as a time of its own. */
export function withoutNoticeGiven(text: string): string {
  return text.replace(NOTICE_SAID, ' ');
}

// "gonna be 30+ min before i get there", "running 20 mins late", "stuck 15 min behind": how long
// until the customer arrives, which a date parser would read as "in 30 min" or a clock time.
const WAIT_SAID = new RegExp(
  `\\b(?:${AMOUNT}|a few|few|couple(?: of)?)${AND_A_HALF} ?\\+? ?(?:${UNIT})${AND_A_HALF}\\+?(?: or (?:so|more))? (?:(?:late|behind)\\b|(?=(?:before|after|till|until|til) (?:i|we|he|she|they)(?:'?(?:m|re|ll|d|ve))?\\b))`,
  'g',
);

/** The text without the lateness or the wait it states ("30 min before i get there", "20 min late"). */
export function withoutWaitSaid(text: string): string {
  return typeof text === 'string' ? text.replace(WAIT_SAID, ' ') : text;
}

/** The text without its "2 hours", "30 min" amounts, which a date parser would read as "in 2 hours". */
export function withoutShiftAmounts(text: string): string {
  return text.replace(new RegExp(`\\b${AMOUNT}${AND_A_HALF} ?${UNIT}${AND_A_HALF}\\b`, 'g'), ' ');
}

// "the following saturday", "the friday after (that)": a weekday counted from the booking's
// day, not from today ("move my saturday appt to the following saturday" is a week on). "The
// saturday after next" or "the friday after the 12th" are dates of their own.
const WEEKDAY_AFTER =
  /\b(?:the )?following (?<following>mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\bthe (?<after>mon|tue|wed|thu|fri|sat|sun)[a-z]* after(?: that| it)?\b(?! ?(?:next|this|tomorrow|tmrw|today|the|my|our|your|\d))/;

/** "the following saturday" (6): the weekday meant after the booking's day, if said so. */
function weekdayAfter(s: string): number | undefined {
  const g = WEEKDAY_AFTER.exec(s)?.groups;
  const day = g?.following ?? g?.after;
  return day ? weekdayNumber(day) : undefined;
}

const SAME_TIME = /\b(same|the same|that same|exact same) (?:start(?:ing)? )?(times?|slots?|hours?)\b|\bsame time\b|\bsame (?:day|date|weekday)(?: ?(?:and|n|&|\+|\/) ?| )time\b|\bkeep(ing)? (the|my) (time|slot|hour)\b/;

/**
 * "to the 10th at 2.. no sorry the 11th, same time", "fri at 4, wait no sat same time": after a
 * correction, the same time is the one just said, not the booking's.
 */
function timeSaidBeforeCorrection(s: string): boolean {
  const split = splitCorrection(s);
  return Boolean(split && SAME_TIME.test(split.after) && /\b(at|@) ?\d|\d ?(am|pm)\b|\d:\d\d|\bnoon\b/.test(split.before));
}

/** The offset the message states relative to a booking or a window, if any. */
export function parseShift(s: string): Shift | undefined {
  const minutes = minutesShift(s);
  const weekday = weekdayAfter(s);
  // "later in the day? after 3": the booking's own day is no "the day after".
  const days = weekday ? undefined : daysShift(withoutSameDay(s));
  const sameTime = SAME_TIME.test(s) && !timeSaidBeforeCorrection(s);
  const sameDay = sameDayWay(s);
  if (minutes === undefined && days === undefined && !weekday && !sameTime && !sameDay) return undefined;
  return { minutes: minutes ?? 0, days: days ?? 0, sameTime, ...(sameDay ? { sameDay } : {}), ...(weekday ? { weekday } : {}) };
}

// "thurs 3pm -> 4pm", "my fri cut -> sat pls": what stands before the arrow becomes what follows it.
const ARROW_MOVE = /(^|[.!?;]\s*)([^.!?;]*?) ?-> ?/;
/** A verb that moves a booking ("move", "moved", "push", "reschedule"): where one is said, none is added. */
export const MOVE_VERB = /\b(move|moved|change|switch|push|bump|reschedule|shift)\b/i;

// "can u slide my appt to after 4", "scoot it to 3", "nudge my cut back an hour": verbs that move a booking a little,
// said of it. "slide me in tmrw", "scoot us in at 4" squeeze a new booking in, and stay as said.
const MOVED_A_LITTLE = /\b(?:slide|scoot|nudge)(?= (?:my|our|the|it|this|that|me|us|both|them)\b)(?!(?: [\w']+){1,2} in\b)/g;

/** "slide my appt to after 4" reads "move my appt to after 4". */
export function spellMovedALittle(text: string): string {
  return text.replace(MOVED_A_LITTLE, 'move');
}

/** "thurs 3pm -> 4pm" reads "move thurs 3pm to 4pm": a booking's time changed, never a window from one to the other. */
export function arrowAsMove(text: string): string {
  return text.replace(ARROW_MOVE, (_, lead: string, before: string) => `${lead}${MOVE_VERB.test(before) ? '' : 'move '}${before} to `).replace(/ ?-> ?/g, ' to ');
}

// "same time as now", "same hour as it is currently": the booking's own time, which "now" does not date.
const AS_IT_IS_NOW = /\b(same (?:time|hour|slot)) (?:as|like) (?:(?:it is|it's|its|i have it|i have|i've got|ive got|i got|it was|i had)(?: (?:now|currently|right now|atm))?|now|currently|right now|atm|before)\b/g;

/** "thurs the 10th, same time as now" reads "same time instead": the booking's time kept on another day, never the present moment. */
export function withoutAsItIsNow(text: string): string {
  return text.replace(AS_IT_IS_NOW, '$1 instead');
}

/** Someone besides the sender ("for my son", "bring my daughter", "also book"): a new booking, not a move. */
export const FOR_SOMEONE_ELSE =
  new RegExp(
    String.raw`\b(for|bring|with|book|get) (my |our )?(${RELATIVES})\b|\balso (book|get|add)\b|\banother (one|appointment|booking|spot)\b|\bkids? cut\b`,
  );

// Services a booking told of is named by ("i booked a color for my wife"), besides the words for a booking.
const BOOKED_SERVICE = String.raw`colou?r|highlights|balayage|blowout|blow ?dry|trim|consult(ation)?|perm|treatment|style|styling|shave|beard trim`;

// "i booked for my husband on the 8th", "we made an appt for our son": a booking told of, not a new one asked for.
// "the color on the 17th is for my wife, she needs it moved": a booking had, said to be someone else's, then changed
// (with no change asked, "the cut is for my son" says who a new booking is for).
const BOOKED_FOR_OTHER = new RegExp(
  String.raw`\b(i|we)( already)? (booked|made|scheduled|set up|got)( (an?|one|the|his|her|their) (\w+ )?(appt|appointment|booking|one|spot|slot|cut|haircut|${BOOKED_SERVICE}))? for (my|our) \w+|\b(the|my|our|that|this) [\w:]+( [\w:]+){0,3}? (is|was|s|'s)( actually| really)? for (my|our) \w+(?=.*\b(move|moved|moving|push|bump|shift|reschedule|rescheduled|cancel|canceled|cancelled|change|changed|switch)\b)`,
  'g',
);

/** Whether the words ask for a booking for someone else; a booking of theirs told of ("i booked for my husband, move him") asks for none. */
export function forSomeoneElse(s: string): boolean {
  return FOR_SOMEONE_ELSE.test(s.replace(BOOKED_FOR_OTHER, ' '));
}

/** "the same thing", "same again", "same as last time": what was booked (or canceled) before, again. */
export const SAME_AS_BEFORE = /\b(the |that )?same (thing|again|service|appointment|appt|booking|as (before|last time|that|the (last|other) one))\b|\bsame again\b|\bthe same (for|on|but)\b/;

/** "same time" with nothing moved by days or minutes: the time already asked, kept ("a color, same time", "friday instead, same time"). */
export function keepsTheTime(shift: Shift): boolean {
  return shift.sameTime && !shift.days && !shift.minutes && !shift.weekday;
}

/** "earlier that day" with no days or minutes to move by: another time on the reference's own day. */
export function onlySameDay(shift: Shift): boolean {
  return Boolean(shift.sameDay) && !shift.days && !shift.minutes && !shift.weekday;
}
