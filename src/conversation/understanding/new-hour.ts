// A bare hour said as the new time of a change of mind: "can we do 3 instead", "no sorry
// 12 is better", "book it for 11 instead", "wait no, 11". Customers drop the "at" and the
// am/pm once a day is being talked about; the number is then a clock time, never option 3
// of a list or a count. It is written as "at 3" so that the date and choice readers
// (when.ts, choice.ts) read it as the time it is, with their business-hours am/pm rule.
import type { Expecting } from './types.ts';

// The hour itself: not part of a time, date, price, ordinal, count or length already ("only do 1 trip" counts trips,
// "9 in" may be inches, but "9 in the morning" is the hour),
// nor the edge of a window ("after 3 if possible" is from 3 on, not 3 itself).
// A day of a month ("jan 6 instead", "dec 5 is better") is a date, never an hour ("may" left out: it is a verb too).
const MONTH_BEFORE = String.raw`\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s`;
// "between 12 and 2 instead", "from 1 to 3 if possible": the hour closes a window, whose search starts at its first hour.
// "move my color from 9 to 11" is no window: after a move verb in its clause, "from" names the booking's hour.
const FROM_OPENS_WINDOW = String.raw`(?<!\b(?:move|moved|moving|push|pushed|pushing|shift|shifted|shifting|bump|bumped|change|changed|changing|switch|switched|swap|swapped|reschedule|rescheduled|slide|scoot)\b[^,.;!?]*)from`;
const WINDOW_END = String.raw`\b(?:between|${FROM_OPENS_WINDOW})\s\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.?|p\.m\.?)?\s?(?:and|to|till|til|until|-)\s?`;
const HOUR = String.raw`(?<![\d:/.$#-]|${WINDOW_END}|\b(?:at|after|before|by|until|till|til|around|about|past|from|than)\s|${MONTH_BEFORE})(1[0-2]|0?[1-9])(?![\d:/.]|\s?(?:am|pm|a\.m|p\.m|a|p|st|nd|rd|th|o'?clock|ish|-ish)\b)(?!\s?(?:people|persons|ppl|of|kids|guys|mins?|minutes|hours?|hrs?|h|days?|weeks?|months?|inches|in\b(?!\s(?:the\s)?(?:morning|afternoon|evening|am|pm)\b)|x\b|%|dollars|bucks|times|(?:trips?|visits?|drives?|stops?|rides?|cuts?|trims?|haircuts?|appts?|appointments?|bookings?|sessions?)\b))`;
// Said after the hour: it is preferred to what is on screen ("9 if you have it"), or an earlier
// time taken back ("3 was fine").
const BETTER = String.raw`(?:\s(?:with|w/?)\s[a-z]+)?\s?(?:instead|rather|is better|works better|would be better|would work better|'?d be better|is best|better|would be (?:great|good|ideal|perfect|easier)|is easier|possible|doable|an option|if (?:possible|you can|u can|that works|(?:you|u) (?:have|got) (?:it|that|one|that one|anything)|(?:it'?s|its|she'?s|shes|he'?s|hes|they'?re|theyre)\s(?:free|open|available))|was (?:fine|good|ok|okay|better|right|perfect))\b`;
// Said before the hour: asking for it ("can we do 3", "i meant 3", "for 11 instead", "go back to 3", "can it be 10").
// "can the 11th be 4", "could my cut be 2": a booking named by "the" or "my" asked to be an hour, as "can it be 10".
const ASKING = String.raw`\b(?<!(?:n'?t|not|never|cannot)\s(?:really\s)?)(?:do|try|meant|mean|prefer|rather|back to|(?:can|could|would)\s(?:it|that|(?:the|my|our)\s[a-z0-9']+(?:\s[a-z']+)?)\sbe)\s`;
// A change-of-mind opener right before a lone hour at the end: "wait no, 11", "sorry 12 pls",
// "hmm or maybe 2?" (a second thought offered as a question).
const OPENED = String.raw`\b(?:actually|wait|no|nah|sorry|oops|ugh|um+|oh|hmm+|i mean|(?:or )?maybe|or)[\s,.!-]+`;

// "i meant 1, the 9am", "sorry 2 - the 10:30 one": the number is an option said with its own time, not an hour.
const WITH_ITS_TIME = String.raw`(?![\s,(-]+(?:the\s)?\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m|p\.m)\b)`;

const AFTER = new RegExp(`${HOUR}(?=${BETTER})`, 'g');
const BEFORE = new RegExp(`(?<=${ASKING})${HOUR}${WITH_ITS_TIME}`, 'g');
// "book it for 11", "can you put me for 4": a booking for an hour ("for 3" alone may be three people).
const BEFORE_FOR = new RegExp(`(?<=\\b(?:book|schedule|put|move|change|switch|reserve)\\s(?:it\\s|me\\s|us\\s|that\\s|them\\s)?(?:in\\s)?for\\s)${HOUR}|(?<=\\bfor\\s)${HOUR}(?=\\s?then\\b)`, 'g');
// "switch my appt tmrw to 3", "can you move it to 4 instead", "bring it forward to 11": the hour a booking is moved to.
// "can the 11th go to 4?", "could my cut go to 2": a booking asked to go to an hour is moved there, with no move verb.
// "push it to 11 that same morning", "to 12 to be safe", "to 4 just in case": the booking's own day or a reason may follow.
const MOVED_TO = new RegExp(`(?<=\\b(?:move|moved|change|changed|switch|switched|push|pushed|bump|bumped|shift|shifted|bring|pull|reschedule|rescheduled|(?:it|that|one|appt|appointment|booking|\\d{1,2}(?:st|nd|rd|th)|[a-z]+'?s? (?:cut|color|colour|trim|appt|one)) go)\\b[^.?!,;]*?\\bto\\s)${HOUR}(?=\\s*(?:$|[.,!?;]|(?:instead|then|pls|please|if|on|tomorrow|tmrw|today|with|w|same|that (?:same )?(?:day|morning|afternoon|evening)|the same|to be (?:safe|sure)|(?:just )?in case)\\b))`, 'g');
// "is 4 ok?", "would 11 be alright": an hour asked about, said bare.
const QUESTIONED = new RegExp(`(?<=\\b(?:is|would|will|does|could)\\s)${HOUR}(?=\\s(?:be\\s)?(?:ok|okay|alright|all right|good|fine|free|open|available|doable|possible|work|works)\\b)`, 'g');
// "3 not 2", "no wait, 11, not 10": an hour set against the one it replaces, both bare.
const CONTRASTED = new RegExp(`${HOUR}(?=[\\s,]+not\\s(?:at\\s)?(?:1[0-2]|0?[1-9])(?::[0-5]\\d)?(?:\\s?[ap]m)?(?![\\d:/]|\\s?(?:people|persons|ppl|kids|guys|of|mins?|minutes|hours?|hrs?|days?|weeks?)\\b))`, 'g');
// What may close such a message after the hour: "ugh actually 10, sorry!!", "wait no 11 then thanks lol".
const CLOSING = String.raw`(?:[\s,.!?]*\b(?:then|pls|please|plz|instead|sorry|thanks|thank you|thx|ty|lol|haha))*[\s,.!?]*$`;
const LONE = new RegExp(`(?<=${OPENED})${HOUR}(?=${CLOSING})`, 'g');

/**
 * `text` (normalized, lowercase) with each bare hour said as a new time written "at H".
 * With numbered offers on screen a bare number is first an option: only an hour said to be
 * better ("3 instead") is a time there. A lone hour after an opener ("no, 2") is one only
 * when no option has that number.
 */
export function spellNewHours(text: string, ctx: { expecting: Expecting; optionCount: number }): string {
  const atHour = (_m: string, a: string | undefined, b: string | undefined) => `at ${a ?? b}`;
  let out = text.replace(AFTER, atHour);
  if (ctx.expecting === 'choice') return out;
  out = out.replace(BEFORE, atHour).replace(BEFORE_FOR, atHour).replace(MOVED_TO, atHour).replace(QUESTIONED, atHour).replace(CONTRASTED, atHour);
  return out.replace(LONE, (m: string, h: string) => (Number(h) <= ctx.optionCount ? m : `at ${h}`));
}
