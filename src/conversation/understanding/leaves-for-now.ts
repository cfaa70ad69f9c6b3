// "ugh nevermind, ill just ask at my haircut", "actually i'll finish this later, bye": the
// customer leaves what is being asked for now and says what they will do instead. That
// statement asks for nothing, so, like a bare "never mind", it takes the request back (and
// during intake questions, the held time is let go).

const I_WILL = String.raw`(?:i'?ll|ill|i will|i'?m (?:gonna|going to)|im (?:gonna|going to)|gonna|let me|i (?:need|have|got) to|i gotta)`;
// What they will do instead of answering now: come back, ask or call another way, think it over.
const INSTEAD = String.raw`(?:ask|call|come back|finish|complete|continue|check|think|figure|wait|talk|decide|get back|sort|look into|deal with|do (?:it|this|that|the rest)|pick (?:it|this) up|try again)`;
const STATEMENT = new RegExp(String.raw`\b${I_WILL}(?: just| probably| prob| maybe| have to| need to)? ${INSTEAD}\b`);
// Said without a "never mind" before it, the statement needs a word that puts it off.
const PUT_OFF = /\b(later|another time|some ?other time|another day|next time|bye|goodbye|in person|at my)\b/;
const TAKE_BACK = /\b(never ?mind|nvm|forget (it|that|about it|this)|scratch that|changed my mind|don'?t bother)\b/;

/** The message puts the request off ("i'll finish this later"), or takes it back and says what they will do instead. */
export function leavesForNow(s: string): boolean {
  if (!STATEMENT.test(s)) return false;
  return TAKE_BACK.test(s) || PUT_OFF.test(s);
}
