// "actually keep it wednesday but can we make it noon instead of 10", "keep the same day, just
// make it 2": the day is kept while the time changes. The keep is no refusal of the change: it
// says which day the new time is on, so it is restated before the request ("on wednesday can we
// make it noon instead of 10") and the change read as usual.
import { normalize } from './text.ts';

const DAY = String.raw`(?:(?:on )?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?|(?:on )?the \d{1,2}(?:st|nd|rd|th)|tomorrow|tmrw|today|the same day|same day|(?:the|that) day)`;
// The keep of a day, then "but" / "," / "and" / "just" and the rest of the request.
// Only "it" (the booking being changed) or "the same day": "keep thursday, and move sat" keeps another booking.
const KEEPS_DAY = new RegExp(String.raw`\bkeep(?:ing)? (?:it (?:on )?(?<day>${DAY})|(?<same>the same day|same day))\b\s*(?:[,;.]\s*)?(?:but |and |just |only )*(?=\S)`);
// What the rest must ask for: a new time, not a second keep ("keep it wednesday and keep lee").
const ASKS_TIME = /\b(?:make it|make that|change it|move it|switch it|can (?:we|i|you|u)|could (?:we|i|you|u)|do|at|instead|rather|earlier|later)\b|\d/;

/** The text with a kept day restated after the change it goes with; the text as is when it keeps no day. */
export function withKeptDay(text: string): string {
  if (typeof text !== 'string') return text;
  const s = normalize(text);
  const m = KEEPS_DAY.exec(s);
  if (!m) return text;
  const rest = s.slice(m.index + m[0].length).replace(/[\s,.!?]+$/, '');
  if (!ASKS_TIME.test(rest)) return text;
  const day = (m.groups!.day ?? m.groups!.same!).replace(/^on /, '');
  const named = /^(?:the same day|same day|(?:the|that) day)$/.test(day) ? 'same day' : `on ${day}`;
  // Said first, the day is the new time's ("on wednesday can we make it noon instead of 10"), not the booking's.
  return `${s.slice(0, m.index)}${named} ${rest}`.replace(/\s+/g, ' ').trim();
}
