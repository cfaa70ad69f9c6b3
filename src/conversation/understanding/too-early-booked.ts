// A booked time found too early or too late, then another asked for: "9 is too early for me on
// thurs after all, anything between 12 and 2?", "thursday at 9 is too early now, could we do
// after 12", "my 3pm is too late for me friday, anything in the morning?". The time called too
// early names the booking (it is no time wanted); what follows is where it goes. Read as "move
// my 9 on thurs to ...", which the move reading splits into the booking and its new time.
// "is 9 too early?" (a question), "9 is too early for me" with nothing asked after it, and "too
// late to cancel?" are left as they are.
import { DAY_WORD } from './shorthand.ts';

const CLOCK = String.raw`(?:\d{1,2}(?::\d{2})? ?(?:am|pm|a|p)?|noon)`;
const DAY = String.raw`(?:(?:on|for|this|next) )?(?:${DAY_WORD})(?:'?s)?`;
/** The booking said by its time, with its day before or after: "9", "my 3pm", "thursday at 9", "the 9am on thurs". */
const BOOKED = String.raw`(?<booked>(?:(?:my|the|our) )?(?:${DAY} (?:at |@ )?)?${CLOCK}(?: (?:one|appt|appointment|slot|booking))?(?: ${DAY})?)`;
const TOO = String.raw`(?:is|'s|s|will be|would be|is gonna be|is going to be|turns out to be) (?:way |a bit |a little |kinda |kind of |just |honestly )?too (?:early|late)`;
const AFTER = String.raw`(?: for (?:me|us))?(?<day> ${DAY})?(?: for (?:me|us))?(?: (?:after all|now|actually|anyway|unfortunately))*`;
const TOO_EARLY_THEN = new RegExp(String.raw`^(?<lead>(?:(?:hi|hey|hello|sorry|so|ok|okay|um+|actually|ugh|hmm+)[ ,.!]+)*)${BOOKED} ${TOO}${AFTER}[ ,.;:!?-]+(?:(?:so|but|could|can)[ ,]+)?(?<rest>.*\S.*)$`, 'i');
/** What follows asks for another time: a question, a window, an hour. */
const ASKS_OTHER = /\?|\b(?:anything|something|any|what about|how about|instead|rather|could|can|do you have|got|after|before|between|morning|afternoon|evening|noon)\b|\d/i;

/** "9 is too early for me on thurs, anything between 12 and 2?" as "move my 9 on thurs to anything between 12 and 2?"; the text unchanged otherwise. */
export function tooEarlyBooked(text: string): string {
  if (typeof text !== 'string') return text;
  const g = TOO_EARLY_THEN.exec(text.trim())?.groups;
  if (!g || !ASKS_OTHER.test(g.rest!)) return text;
  const booked = g.booked!.replace(/^(?:my|the|our) /i, '');
  return `${g.lead ?? ''}move my ${booked}${g.day ?? ''} to ${g.rest}`;
}
