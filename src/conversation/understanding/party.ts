// Several people booked in one text: "me and my son both need cuts thurs at 2", "book me and
// my wife back to back colors", "cuts for me + my 2 boys, one after the other". The customer
// is one of them, so it is no booking for someone else alone and no booking of theirs named:
// each person is booked in turn, at the same time (with as many staff free) or one after the
// other, every booking on its own yes. Others alone counted ("my twins", "both my kids") are
// booked the same way, and a time said for each ("at 11:30 and 12") places each one.
import { servicesPerPerson } from './party-services.ts';
import { ONE_RELATIVE, SEVERAL_RELATIVES } from './relatives.ts';
import type { DateRange, Understanding } from './types.ts';

// Who comes with the customer: "my son", "my 2 boys", "my wife and daughter".
const RELATIVE = `(?:${ONE_RELATIVE})`;
const COUNTED = String.raw`(?:(?:\d|two|three|four|five) )?${RELATIVE}s?|${SEVERAL_RELATIVES}`;
const OTHERS = String.raw`(?:both (?:of )?)?(?:my|our) (?:${COUNTED})(?: (?:and|&|\+) (?:my )?(?:${RELATIVE}))*`;
// "me and my son", "me + my 2 boys", "myself and my wife", "my husband and i", "my daughter & me".
const WITH_ME = new RegExp(String.raw`\b(?:me|myself|i)(?: (?:and|&|\+|plus|with) | ?\+ ?)(?<others>${OTHERS})|\b(?<before>${OTHERS}) (?:and|&|\+) (?:me|myself|i)\b`);
// "for both of us", "the two of us": two in all, counted by the words alone.
const BOTH_OF_US = /\b(?:both of us|us both|the two of us|we both)\b/;
// "back to back", "one after the other": one booking after the one before; else all at once.
const ONE_AFTER_ANOTHER = /\b(?:back ?to ?back|one after (?:the other|another)|right after (?:each other|one another)|after each other|consecutive(?:ly)?|in a row|straight after each other)\b/;
// "both at 11:30", "at the same time", "one with dana and one with lee": the others all at once.
const AT_ONCE = /\b(?:(?:both|all) (?:at|@)|(?:at )?the same time|same time|together|at once|simultaneously|one with [\w']+ and (?:one|the other) with|each with)\b/;
const NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };
// No more people at once than a small salon team could take in one text.
const MAX_PARTY = 5;

export interface Party {
  /** How many people in all, the customer among them. */
  size: number;
  /** true: all at the same time, each with their own staff; false: one right after the other. */
  together: boolean;
  /** "at 11:30 and 12": a clock time said for each person after the first, in order, on the first one's day. */
  times?: string[];
  /** "color for me, cut for him": the service of each person after the first, in order, when they differ. */
  services?: string[];
}

// A clock time as said in a list: "11:30", "12", "2pm", "noon".
const CLOCK = String.raw`(?:\d{1,2}(?::\d{2})?(?: ?[ap]\.?m\.?)?|noon)`;
// Who a time in a list is for: "my daughter at 3:30", "him at 4", "the other one at 2:30".
const FOR_WHOM = String.raw`(?:(?:(?:my|our|his|her|the) (?:${RELATIVE})s?|me|myself|him|her|one|the other(?: one)?|the (?:second|third|next)(?: one)?|another) )`;
// "at 11:30 and 12", "one at 2 and the other at 2:30", "at 3, 3:30 and 4", "me at 3 and my son at 3:30": one time per person, in order.
// "sat the 19th, 11 and 11:30": after a day and a comma, the list needs no "at".
const TIME_LIST = new RegExp(
  String.raw`(?:\b(?:one|the first(?: one)?) )?(?:\bat |@ ?|(?<=(?:day|\d(?:st|nd|rd|th)?|tomorrow|tmrw)), )(?<first>${CLOCK})(?<more>(?:(?:,| and| &| then| n| plus)+ ${FOR_WHOM}?(?:at |@ ?)?${CLOCK}(?![\w:]))+)`,
);
// "me at 3 and my son at 3:30", "book me for 10 and my wife for 10:30": the customer and the others each at a time.
const ME_AT = /\b(?:me|myself) (?:at|@|for) \d/;

/** The people a booking is for, when the customer books themself and others in one text; undefined otherwise. */
export function partyOf(s: string): Party | undefined {
  const m = WITH_ME.exec(s);
  // "me at 3 and my son at 3:30": the others named apart count only with a time each ("the same day as me at 11" is one).
  const named = ME_AT.test(s) ? relativesNamed(s) : 0;
  const apart = named && timesListed(s)?.more.length === named ? named : 0;
  const others = m ? othersCounted(m.groups?.others ?? m.groups?.before ?? '') : BOTH_OF_US.test(s) ? 1 : apart;
  const size = 1 + others;
  if (others < 1 || size > MAX_PARTY) return undefined;
  return { size, together: !ONE_AFTER_ANOTHER.test(s) };
}

/** "my son" 1, "my 2 boys" 2, "my wife and daughter" 2; "my kids" says no number, so the party is not counted (0). */
function othersCounted(words: string): number {
  const counts = words.split(/ (?:and|&|\+) /).map(personCount);
  return counts.includes(0) ? 0 : counts.reduce((n, c) => n + c, 0);
}

function personCount(words: string): number {
  const count = /\b(\d|two|three|four|five)\b/.exec(words)?.[1];
  if (count) return NUMBERS[count] ?? Number(count);
  // "both my kids", "my twins": two, said without a number.
  if (/\bboth\b|\btwins$/.test(words.trim())) return 2;
  return /(?:s|children)$/.test(words.trim()) ? 0 : 1;
}

/**
 * A booking for the party: the first person's now; "same time" or "together" place the
 * people by each other, not by a booking the customer has, and the others are no one else's
 * booking to look up.
 */
export function withParty(u: Understanding, s: string, resolve?: (text: string) => DateRange | undefined, match?: (part: string) => string[]): Understanding {
  const party = u.intent === 'book' && u.serviceId ? partyOf(s) : undefined;
  // "me a color and my son a cut": each person's own service, the customer's first.
  const each = party && match ? servicesPerPerson(s, party.size, true, match) : undefined;
  // "book 2 appointments, a cut and a color": two services, one person.
  if (u.intent !== 'book' || !u.serviceId || (u.secondServiceId && !each)) return u;
  if (!party) return othersOnly(u, s, resolve);
  // "me and my daughter both need cuts wed, can she go at the same time as me": "as me" names the
  // customer's own booking, had already; only the other is booked, at its very time.
  if (u.nextTo?.person === 'self' && u.nextTo.edge === 'same' && party.size === 2) return { ...u, forSomeoneElse: true };
  const { shift: _shift, nextTo: _nextTo, othersBooking: _others, forSomeoneElse: _else, meantOther: _meant, number: _n, secondServiceId: _second, ...rest } = u;
  const mixed = each ? { serviceId: each.own, party: { ...party, services: each.others } } : { party };
  return atTimesSaid({ ...rest, ...mixed }, s, resolve);
}

// "both my boys", "my two girls", "all 3 of my kids", "my twins", "twins", "my kids both": several others, the customer not among them.
// "my son and daughter" counts them by their names (OTHERS); "my kids" alone says no number.
const GROUP = `(?:${SEVERAL_RELATIVES})`;
const OTHERS_COUNTED = new RegExp(
  String.raw`\b(?:both (?:of )?(?:my|our|the)|(?:my|our) (?<n>two|three|four|\d)|all (?<all>three|four|\d) (?:of )?(?:my|our)) ${GROUP}\b|\b(?:my|our|the) (?:(?<twins>twins)|${GROUP} (?<both>both))\b|\b(?<named>${OTHERS})\b` +
    // "twins need cuts too": twins are two, said with no "my" ("twin" alone is one person).
    String.raw`|\b(?<bareTwins>twins)\b`,
);
// "2 haircuts", "three spots", "2 spots for trims": as many bookings as people (never "2 hours", "at 2 cuts"; "for 2 people" is a room size, length-and-size.ts).
// "my 2 appts", "the two cuts" name bookings had, not people.
const BOOKINGS_COUNTED = /(?<!\b(?:at|@|by|around|about|for|my|our|the|these|those|both) )\b(?<n>two|three|four|[234]) (?:(?:more|separate|different) )?(?:spots|slots|haircuts|hair ?cuts|cuts|trims|colou?rs|consults|consultations)\b/;
// "my kids", "the boys": several others, not counted; as many as the times said for them.
const UNCOUNTED = new RegExp(String.raw`\b(?:my|our|the) ${GROUP}\b`);

/**
 * "book my twins cuts at 12", "both my boys after me on sat, back to back", "my son and
 * daughter need trims tmrw at 4": several others, the customer not among them. The first goes
 * where the words place it; each other one is asked, as for a party, by the one booked before
 * them (with another stylist at the same time unless said one after the other).
 */
function othersOnly(u: Understanding, s: string, resolve?: (text: string) => DateRange | undefined): Understanding {
  const size = othersSize(s);
  if (size < 2 || size > MAX_PARTY) return u;
  const { othersBooking: _others, meantOther: _meant, number: _n, ...rest } = u;
  // "can they go right after me": placed after a booking, each one goes after the one before, in a row,
  // unless said at once ("both at 11:30", "one with dana and one with lee").
  const inARow = ONE_AFTER_ANOTHER.test(s) || (u.nextTo?.edge === 'end' && !AT_ONCE.test(s));
  const placed = inARow || !u.when?.exactTime || !onlySameTime(u) ? rest : withoutShift(rest);
  return atTimesSaid({ ...placed, party: { size, together: !inARow } }, s, resolve);
}

/**
 * "both my boys fri at 3pm, same time if possible": with a time said, the same time is the others'
 * with each other, not a booking's time kept; "same time next week" still shifts by its days.
 */
function onlySameTime(u: Understanding): boolean {
  const shift = u.shift;
  return Boolean(shift?.sameTime && !shift.minutes && !shift.days && !shift.weekday && !shift.sameDay);
}

function withoutShift(u: Understanding): Understanding {
  const { shift: _shift, ...rest } = u;
  return rest;
}

/** How many others the words count: by a number, by "both" or "twins", by their names; 0 when they say no number. */
function othersSize(s: string): number {
  const m = OTHERS_COUNTED.exec(s);
  const said = m?.groups?.n ?? m?.groups?.all;
  const counted = !m?.groups ? 0 : m.groups.named ? othersCounted(m.groups.named) : said ? (NUMBERS[said] ?? Number(said)) : 2;
  if (counted >= 2) return counted;
  // "2 haircuts friday at 3", "3 spots for cuts": one booking each, counted by the bookings asked.
  const bookings = BOOKINGS_COUNTED.exec(s)?.groups?.n;
  if (bookings) return NUMBERS[bookings] ?? Number(bookings);
  // "my son at 3 and my daughter at 3:30": each named apart, each with a time; "one at 2 and one at 2:30 for my kids": as many as the times.
  const times = timesListed(s)?.more.length ?? 0;
  const apart = relativesNamed(s);
  if (times && apart === times + 1) return apart;
  return times && UNCOUNTED.test(s) ? times + 1 : counted;
}

/** The people named apart, one by one ("my son ... my daughter"): how many different ones. */
function relativesNamed(s: string): number {
  const named = [...s.matchAll(new RegExp(String.raw`\b(?:my|our) (?<who>${RELATIVE})\b`, 'g'))].map((m) => m.groups!.who);
  return new Set(named).size;
}

/** The times said after the first in a list of times ("at 11:30 and 12" → ["12"]). */
function timesListed(s: string): { at: RegExpExecArray; more: string[] } | undefined {
  const m = TIME_LIST.exec(s);
  if (!m?.groups) return undefined;
  return { at: m, more: [...m.groups.more!.matchAll(new RegExp(String.raw`(?<![\w:])${CLOCK}(?![\w:])`, 'g'))].map((t) => t[0]) };
}

/**
 * "can u put them at 11:30 and 12 on sat": one time per person, said as a list. The first is
 * the first booking's time (on the day said); the others are each next person's, in order.
 */
function atTimesSaid(u: Understanding, s: string, resolve?: (text: string) => DateRange | undefined): Understanding {
  const listed = u.party ? timesListed(s) : undefined;
  if (!u.party || !listed) return u;
  const { at: m, more: times } = listed;
  if (times.length !== u.party.size - 1) return u;
  const first = resolve?.(`${s.slice(0, m.index)} at ${m.groups!.first} ${s.slice(m.index + m[0].length)}`);
  return { ...u, ...(first ? { when: first } : {}), party: { ...u.party, together: false, times } };
}
