// How long and for how many: "30m", "for an hour", "90 minutes", "2-3pm" (an hour from
// 2pm), "room for 6", "for 6 people". Read before the date parser sees the text, because
// a date parser takes "30m" or "for 90 minutes" for a moment ("in 30 minutes") and drops
// the day that was named. So the phrases are cut out, and a clock range becomes its
// start ("at 2pm"), which the date parser reads as the exact time it is.
// Pure and total, like the rest of understanding: any text gives an answer.

export interface LengthAndSize {
  /** The text with the length and party-size phrases taken out (a clock range left as its start). */
  text: string;
  durationMinutes?: number;
  minCapacity?: number;
}

const MAX_MINUTES = 24 * 60;
const MAX_PEOPLE = 1000;
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty-five': 45, fifty: 50, sixty: 60, ninety: 90,
};
const COUNT = `(\\d{1,4}|${Object.keys(NUMBER_WORDS).join('|')})`;
// A number may touch its unit ("2h"); a word needs a space ("an hour"), so "ah ok" is no hour.
const AMOUNT = '(\\d{1,3}(?:\\.\\d+)?|(?:an?|one|two|three|four|half an?)(?= ))';

// "in 30 minutes", "push it back 30 min", "push it back a bit? like 30 mins": the words before
// an amount that make it a start or a move, with any hedges between them and the amount;
// "push my appt 30 min", "bump it 15 minutes": a delay of a booking, not its length.
const MOVED_BY =
  /(?:\b(in|within|after|back|forward|up|by)(?:[\s?,.!]+(?:a bit|a little|a tad|like|maybe|about|around|roughly|say|just))*[\s?,.!]*|\b(push|bump|delay|postpone)( [\w']+){0,2}\s*)$/;

// "i only get an hour", "i've got 45 mins", "only have an hour", "my lunch break is an hour", "free for half an hour",
// "on my 30 min break": the time the customer has, not the length of the service; the
// phrase is cut out like a length (it names no moment either) but sets none.
const OWN_TIME_BEFORE =
  /(?:(?:\b(?:i|we)(?:'?ve| have)?(?: only| just)?|(?:^|[,.;!?] )(?:only|just)) (?:get|got|have|has)|\b(?:free|available)(?: for)?|\b(?:off|out) for|\b(?:lunch|break|lunch break) (?:is|lasts)|\bon my)(?: (?:only|just|like|about|maybe|roughly|around|max|at most))* $/;
const OWN_TIME_AFTER = /^ ?(?:long )?(?:lunch|break|lunch break)\b|^ (?:for|on) (?:my )?(?:lunch|break)\b/;

// "prob a 10 min job", "should only take 15 mins", "a quick 20 minute thing": the customer's
// guess of how long the service takes, not a length asked for; cut out, as above, setting none.
// "fri 11:30, takes like 5 min", "it only takes 10 mins", "it'll take 15 min tops": the same
// guess said as what the service takes, by itself or of "it"; "a color that takes 2 hours" is no guess.
const GUESS_BEFORE = new RegExp(
  String.raw`\b(?:${[
    String.raw`prob(?:ably)?`,
    String.raw`(?:should|will|would|it'?ll|itll|won'?t|shouldn'?t|wouldn'?t)(?: only| just| prob(?:ably)?)? take`,
    String.raw`(?:it|its|it'?s|only|just|usually|normally|literally|always|prob(?:ably)?) (?:only |just |usually |normally |always )?takes`,
  ].join('|')})(?: (?:a|an|like|about|maybe|only|just|max|tops|quick|under|less than|no more than))* $|(?:^|[,.;!?-] ?)takes?(?: (?:like|about|maybe|only|just|under|less than|no more than))* $`,
);
const GUESS_AFTER = /^ ?(?:job|thing|fix|deal|tops|or so)\b/;

// "im 10 min away", "a 20 minute drive", "15 mins from u": how far the customer is, not a length; cut out, setting none.
// "running like 5 min late", "10 mins behind": how late the customer is for a booking, no length either.
const TRAVEL_AFTER = /^ ?(?:away|out|off|drive|walk|ride|commute|bus|train|late|behind|from (?:you|u|ya|there|the salon|your place|ur place))\b/;

// Phrases, each with what it means. Order matters: the longer phrase is tried first.
const LENGTHS: Array<[RegExp, (m: RegExpExecArray) => number]> = [
  [/\b(?:for )?(?:an|one) hour and a half\b/, () => 90],
  [/\b(?:for )?(\d{1,2}) ?h(?:ours?|rs?)? ?(?:and )?(\d{1,2}) ?m(?:in(?:ute)?s?)?\b/, (m) => Number(m[1]) * 60 + Number(m[2])],
  [/\b(?:for )?half an hour\b/, () => 30],
  [new RegExp(`\\b(?:for )?${AMOUNT} ?(?:h|hrs?|hours?)\\b`), (m) => Math.round(amount(m[1]!) * 60)],
  [/\b(?:for )?(\d{1,4}) ?(?:m|mins?|minutes?)\b/, (m) => Number(m[1])],
];
const SIZES: RegExp[] = [
  new RegExp(`\\b(?:for |with )?${COUNT} ?(?:people|persons|ppl|attendees|guests|participants|of us)\\b`),
  new RegExp(`\\b(?:party|team|group) of ${COUNT}\\b`),
  // "room for 6": the word that names the service stays, the count goes.
  new RegExp(`\\b(?<=(?:room|space|table|seats?) )for ${COUNT}\\b`),
];
// "2-3pm", "from 2pm to 3:30pm", "14:00-15:00": needs am/pm or minutes, so "12-15" (a date) is left alone.
const CLOCK_RANGE = /\b(?:from )?(\d{1,2})(?::(\d{2}))? ?(am|pm)? ?(?:-|–|to|until|till) ?(\d{1,2})(?::(\d{2}))? ?(am|pm)?\b/;

// "push my 4pm to 5pm", "change it from 2:30 to 4": a range right after a move verb is the booking's time and its new one, no length.
// The booking may be named by its day first: "move my fri the 11th 11am to 11:30", "push my dec 4 appt 2pm to 3".
const MOVED_FROM = /\b(push|move|bump|shift|change|switch|swap|make)(?: (?!to\b)[\w']+){0,6} ?$/;

function amount(word: string): number {
  if (/^half/.test(word)) return 0.5;
  if (word === 'a' || word === 'an') return 1;
  return NUMBER_WORDS[word] ?? Number(word);
}

function count(word: string): number {
  return NUMBER_WORDS[word] ?? Number(word);
}

/** Reads and removes the length and party size of a request. */
export function readLengthAndSize(input: string): LengthAndSize {
  let text = String(input ?? '').toLowerCase();
  const out: LengthAndSize = { text };
  const range = clockRange(text);
  if (range) {
    out.durationMinutes = range.minutes;
    text = text.replace(range.match, ` at ${range.start} `);
  } else {
    for (const [pattern, minutes] of LENGTHS) {
      const m = pattern.exec(text);
      if (!m) continue;
      // "in 30 minutes" is a time to start, left for the date parser; "push it back an
      // hour", "30 min earlier" move a booking, left for the reading of moves.
      if (MOVED_BY.test(text.slice(0, m.index))) break;
      if (/^\s*(later|earlier|sooner|before|after|ahead|back|forward)\b/.test(text.slice(m.index + m[0].length))) break;
      const value = minutes(m);
      // The "for" a length phrase may start with ("free for an hour") belongs to the words before it.
      const before = text.slice(0, m.index + (m[0].startsWith('for ') ? 4 : 0));
      const after = text.slice(m.index + m[0].length);
      const ownTime = OWN_TIME_BEFORE.test(before) || OWN_TIME_AFTER.test(after) || GUESS_BEFORE.test(before) || GUESS_AFTER.test(after) || TRAVEL_AFTER.test(after);
      if (!ownTime && value > 0 && value <= MAX_MINUTES) out.durationMinutes = value;
      text = text.replace(m[0], ' ');
      break;
    }
  }
  for (const pattern of SIZES) {
    const m = pattern.exec(text);
    if (!m) continue;
    const people = count(m[1]!);
    if (people >= 1 && people <= MAX_PEOPLE) out.minCapacity = people;
    text = text.replace(m[0], ' ');
    break;
  }
  out.text = text.replace(/\s+/g, ' ').trim();
  return out;
}

/** A clock range: its length and its start, written so the date parser reads an exact time. */
function clockRange(text: string): { match: string; minutes: number; start: string } | null {
  const m = CLOCK_RANGE.exec(text);
  if (!m || MOVED_FROM.test(text.slice(0, m.index))) return null;
  const [match, h1, m1, mer1, h2, m2, mer2] = m;
  if (!mer1 && !mer2 && !m1 && !m2) return null;
  const end = toMinutes(Number(h2), Number(m2 ?? 0), mer2);
  // "2-3pm" shares the pm; "11-12pm" is 11am to noon.
  let start = toMinutes(Number(h1), Number(m1 ?? 0), mer1 ?? mer2);
  if (start !== null && end !== null && !mer1 && mer2 && start >= end) start = toMinutes(Number(h1), Number(m1 ?? 0), mer2 === 'pm' ? 'am' : 'pm');
  if (start === null || end === null || end <= start) return null;
  const hour = Math.floor(start / 60);
  const clock = `${hour % 12 === 0 ? 12 : hour % 12}:${String(start % 60).padStart(2, '0')}${hour < 12 ? 'am' : 'pm'}`;
  return { match, minutes: end - start, start: clock };
}

function toMinutes(hour: number, minute: number, meridiem: string | undefined): number | null {
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    return ((hour % 12) + (meridiem === 'pm' ? 12 : 0)) * 60 + minute;
  }
  return hour <= 24 ? hour * 60 + minute : null;
}
