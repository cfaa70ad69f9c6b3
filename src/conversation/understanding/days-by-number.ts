// "push my cut from the 15 to the 16", "move it from the 3 to the 10th": two numbers each after
// "the", one moved to the other, are days of the month; said bare, the date reader takes them for
// clock hours or nothing. Spelled as ordinals ("the 15th") so they read as the days they are.
// Only the pair with "the" on both sides: "from 3 to 4" and "the 3 to 4" stay hours, and a
// number with a clock after it ("the 3 to the 4pm", "the 10:30") is a time.
import { ordinalDay } from './shorthand.ts';

const DAY = String.raw`(?:[1-9]|[12]\d|3[01])`;
const NOT_A_CLOCK = String.raw`(?!\s*(?::|\.\d|am\b|pm\b|a\.m|p\.m|o'? ?clock\b|ish\b|[ap]\b))`;
const DAY_PAIR = new RegExp(String.raw`\b(from (?:the )?|the )(${DAY})(?:st|nd|rd|th)?\b${NOT_A_CLOCK}(\s+(?:to|till|until|->|for|into)\s+the\s+)(${DAY})(?:st|nd|rd|th)?\b${NOT_A_CLOCK}`, 'gi');

/** The text with a "the N to the M" pair of days spelled as ordinals. */
export function withDaysByNumber(text: string): string {
  if (typeof text !== 'string') return text;
  return text.replace(DAY_PAIR, (_all, lead: string, from: string, joint: string, to: string) => `${lead}${ordinalDay(Number(from))}${joint}${ordinalDay(Number(to))}`);
}
