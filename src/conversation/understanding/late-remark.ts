// "omw but running a few min behind for my 2 oclock! while i have u, can i book another trim for
// sat the 19th at 11am", "running 10 late today sorry, also can i get a color next fri at 2": the
// customer tells they are late for the booking they have, then asks a new booking. The remark
// asks nothing; its hour ("my 2 oclock") or day is the booking had, not the new one's, which the
// rest says on its own. Said alone ("running 10 late sorry!") the remark is left as it is, and
// beside a move or a cancel it is kept too: there it names the booking changed ("running behind
// that day, can u push it back 30 min").
import { saysCancelVerb } from './cancel-verbs.ts';
import { MOVE_VERB } from './moves.ts';

// Late or on the way: "running late", "a few min behind", "gonna be 10 late", "omw", "stuck in traffic".
const LATE = String.raw`\b(?:late|behind|omw|on my way|otw|stuck in traffic|in traffic)\b`;
// The remark, from the start of the text to a stop (a comma, a "!", a dash), one clause or more each
// saying it ("on my way, 5 min behind -"), naming the booking it is for ("omw, for my 4 oclock!!"), or
// empty between two stops ("omw! - oh and"); no stop, no remark.
const CLAUSE = String.raw`[^.!?;,]*?${LATE}[^.!?;,]*?|\s*(?:for|to) (?:my|our|the) [^.!?;,]*?|\s*`;
const OPENS_WITH_LATE = new RegExp(String.raw`^(?:(?:${CLAUSE})(?:[.!?;,]+|\s*-+(?=\s))\s*)+`);
const SAYS_LATE = new RegExp(LATE);
// What joins the new request to the remark: "while i have u", "also", "oh and", "btw", "anyway".
const BRIDGE = /^(?:(?:but |and |oh |ok |so )?(?:while i(?:'?ve| have) (?:u|you|ya)(?: here)?|while (?:i'?m|im) at it|also|and also|oh and|btw|by the way|anyway|anyways|unrelated but|separate (?:q|question|thing)|quick q(?:uestion)?|one more thing)\b[,:!.\s-]*)/;
// The rest asks a booking in so many words: "can i book", "get me in", "add a trim".
const ASKS_BOOKING = /\b(?:book|schedule|add|squeeze|fit|pencil|reserve|another|get (?:me|us)? ?(?:in|a|an))\b/;

/** The message without a leading running-late remark, when a new booking follows it; else undefined. */
export function withoutLateRemark(raw: string): string | undefined {
  const lower = raw.toLowerCase();
  const m = OPENS_WITH_LATE.exec(lower);
  if (!m || !SAYS_LATE.test(m[0])) return undefined;
  const rest = raw.slice(m[0].length).trim();
  const after = lower.slice(m[0].length);
  if (!after.trim() || !ASKS_BOOKING.test(after) || MOVE_VERB.test(after) || saysCancelVerb(after)) return undefined;
  const bridged = BRIDGE.exec(after);
  return bridged ? rest.slice(bridged[0].length).trim() || undefined : rest;
}
