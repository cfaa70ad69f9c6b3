// A cancel whose booking is set right in the same text: "pls cancel my cut on fri.. wait no not
// that, the color on the 18th", "cancel tuesday, sorry i mean wednesday", "cancel the 3pm oops
// the 4pm one". The booking named first is the one NOT meant; left in, its service or day would
// pick it and it would be canceled. The text is said again as the cancel of the second one only.
// "cancel friday, wait what time was it?" (a question), "cancel my cut, actually no keep it" (a
// keep) and "cancel fri, actually can i move it" (a request of its own) are left as they are.
import { DROP_VERB } from './cancel-verbs.ts';
import { DAY_WORD, MONTH } from './shorthand.ts';
import { normalize } from './text.ts';

const CANCEL_VERB = String.raw`(?:cancel|${DROP_VERB}|call off|get rid of)`;
/** What sets it right: "wait", "sorry", "oops", "i mean", "scratch that", or a plain "no". */
const SETS_RIGHT = String.raw`(?:wait|sorry|oops|whoops|my bad|i mean|i meant|scratch that|no|nah|nope)`;
/** Said with it: fillers, and the booking let go of ("not that one", "not the cut"), only after a word that sets it right. */
const ALONG = String.raw`(?:${SETS_RIGHT}|oh|um+|uh+|hmm+|actually|lol|not that(?: one)?|not (?:the|my) [a-z']+)`;
const SET_RIGHT = new RegExp(
  String.raw`^(?<head>.*?\b${CANCEL_VERB}\b)(?<first>[^?]+?)[ ,.;!-]+(?:(?:oh|um+|uh+|hmm+|actually)[ ,.;!-]+)*${SETS_RIGHT}\b(?:[ ,.;!-]+${ALONG}\b)*[ ,.;:!-]*(?<second>[^?]+)$`,
);
/** The part after names a booking: a day, a date, a clock time, or "the/my <word>". */
const NAMES_BOOKING = new RegExp(String.raw`\d|\b(?:${DAY_WORD}|${MONTH}|tmrw|tmr|morning|afternoon|evening|noon)\b|^(?:it'?s |its )?(?:the|my) [a-z]`);
/** The part after asks or does something itself: a verb of its own, a keep, someone speaking. */
const OWN_REQUEST = /\b(?:keep|book|rebook|schedule|move|reschedule|push|pull|switch|change|make|add|can|could|would|will|do|does|is|are|was|what|when|where|how|why|which|who|i|i'?m|im|we|i'?ll|ill|just kidding|jk|nvm|never ?mind|dont|don'?t|leave|instead of)\b/;

/** The cancel said of the second booking alone; the text unchanged when it sets none right. */
export function cancelSetRight(text: string): string {
  if (typeof text !== 'string') return text;
  const s = normalize(text);
  const m = SET_RIGHT.exec(s);
  if (!m?.groups) return text;
  const second = m.groups.second!.trim();
  if (!NAMES_BOOKING.test(second) || OWN_REQUEST.test(second)) return text;
  // "cancel wait no" : nothing was named before it to set right.
  if (!/[a-z0-9]/.test(m.groups.first!)) return text;
  return `${m.groups.head} ${second}`.replace(/\s+/g, ' ').trim();
}
