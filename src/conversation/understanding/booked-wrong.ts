// "i booked the wrong week lol, i meant thurs the 24th not the 17th", "booked the wrong day,
// should be friday not thursday": the customer says their own booking is on the wrong day, so the
// day after "not" names that booking and the other one is where it should go. Read as the "X
// instead of Y" a move is said with. Only once they say they booked it wrong: without that, "the
// 5th not the 3rd" answers which booking or sets right a time just shown (which-booking.ts).
import { MONTH } from './shorthand.ts';

const BOOKED_WRONG =
  /\b(?:i|we|i'?ve|we'?ve)(?: (?:have|just|accidentally|somehow))? (?:booked|picked|chose|scheduled|put (?:it|me|us) (?:in|down)(?: for)?)(?: (?:it|me|us|myself|my \w+))?(?: (?:for|on|in))? (?:the )?wrong (?:week|day|date|month|one|time)\b/i;
const DAY = String.raw`(?:(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?(?:the )?\d{1,2}(?:st|nd|rd|th)|${MONTH}\.? \d{1,2}(?:st|nd|rd|th)?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)`;
const DAY_NOT_DAY = new RegExp(String.raw`\b(${DAY})(?: at \S+)?,? not (?:on )?(the |my )?(?=${DAY}\b)`, 'i');

/** The text with "X not Y" read as "X instead of Y" when the customer says they booked the wrong day. */
export function bookedWrongDay(text: string): string {
  if (typeof text !== 'string' || !BOOKED_WRONG.test(text)) return text;
  return text.replace(DAY_NOT_DAY, (all: string, _day: string, the: string | undefined) => `${all.slice(0, all.lastIndexOf(' not '))} instead of ${the ?? ''}`);
}
