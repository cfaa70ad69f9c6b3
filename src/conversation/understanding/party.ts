// Several people booked in one text: "me and my son both need cuts thurs at 2", "book me and
// my wife back to back colors", "cuts for me + my 2 boys, one after the other". The customer
// is one of them, so it is no booking for someone else alone and no booking of theirs named:
// each person is booked in turn, at the same time (with as many staff free) or one after the
// other, every booking on its own yes.
import type { Understanding } from './types.ts';

// Who comes with the customer: "my son", "my 2 boys", "my wife and daughter".
const RELATIVE = String.raw`(?:son|daughter|kid|child|boy|girl|husband|wife|partner|friend|mom|mum|dad|mother|father|boyfriend|girlfriend|brother|sister|twin|cousin|niece|nephew|fiancee?|roommate|bf|gf|hubby)`;
const COUNTED = String.raw`(?:(?:\d|two|three|four|five) )?${RELATIVE}s?|children|kids|boys|girls|twins`;
const OTHERS = String.raw`(?:my|our) (?:${COUNTED})(?: (?:and|&|\+) (?:my )?(?:${RELATIVE}))*`;
// "me and my son", "me + my 2 boys", "myself and my wife", "my husband and i", "my daughter & me".
const WITH_ME = new RegExp(String.raw`\b(?:me|myself|i)(?: (?:and|&|\+|plus|with) | ?\+ ?)(?<others>${OTHERS})|\b(?<before>${OTHERS}) (?:and|&|\+) (?:me|myself|i)\b`);
// "for both of us", "the two of us": two in all, counted by the words alone.
const BOTH_OF_US = /\b(?:both of us|us both|the two of us|we both)\b/;
// "back to back", "one after the other": one booking after the one before; else all at once.
const ONE_AFTER_ANOTHER = /\b(?:back ?to ?back|one after (?:the other|another)|right after (?:each other|one another)|after each other|consecutive(?:ly)?|in a row|straight after each other)\b/;
const NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };
// No more people at once than a small salon team could take in one text.
const MAX_PARTY = 5;

export interface Party {
  /** How many people in all, the customer among them. */
  size: number;
  /** true: all at the same time, each with their own staff; false: one right after the other. */
  together: boolean;
}

/** The people a booking is for, when the customer books themself and others in one text; undefined otherwise. */
export function partyOf(s: string): Party | undefined {
  const m = WITH_ME.exec(s);
  const others = m ? othersCounted(m.groups?.others ?? m.groups?.before ?? '') : BOTH_OF_US.test(s) ? 1 : 0;
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
  return /(?:s|children)$/.test(words.trim()) ? 0 : 1;
}

/**
 * A booking for the party: the first person's now; "same time" or "together" place the
 * people by each other, not by a booking the customer has, and the others are no one else's
 * booking to look up.
 */
export function withParty(u: Understanding, s: string): Understanding {
  if (u.intent !== 'book' || !u.serviceId) return u;
  const party = partyOf(s);
  if (!party) return placedByMine(u, s);
  const { shift: _shift, nextTo: _nextTo, othersBooking: _others, forSomeoneElse: _else, meantOther: _meant, number: _n, ...rest } = u;
  return { ...rest, party };
}

// "both my boys", "my two girls", "all 3 of my kids": several others, the customer not among them.
const OTHERS_COUNTED = /\b(?:both (?:of )?(?:my|our)|(?:my|our) (?<n>two|three|four|\d)|all (?<all>three|four|\d) (?:of )?(?:my|our)) (?:boys|girls|kids|children|sons|daughters|twins)\b/;

/**
 * "both my boys after me on sat, back to back": several others placed by the customer's own
 * booking. The first goes where the words place it; each other one is asked, as for a party,
 * by the one booked before them.
 */
function placedByMine(u: Understanding, s: string): Understanding {
  const m = u.nextTo ? OTHERS_COUNTED.exec(s) : null;
  if (!m) return u;
  const said = m.groups?.n ?? m.groups?.all;
  const size = said ? (NUMBERS[said] ?? Number(said)) : 2;
  if (size < 2 || size > MAX_PARTY) return u;
  return { ...u, party: { size, together: !ONE_AFTER_ANOTHER.test(s) } };
}
