// "ugh nevermind, ill just ask at my haircut", "actually i'll finish this later, bye": the
// customer leaves what is being asked for now and says what they will do instead. That
// statement asks for nothing, so, like a bare "never mind", it takes the request back (and
// during intake questions, the held time is let go). So do "need to check my work schedule
// first, ill text back later" and "let me think about it": nothing stays held for them.

import { words } from './text.ts';

const I_WILL = String.raw`(?:i'?ll|ill|i will|i'?m (?:gonna|going to)|im (?:gonna|going to)|gonna|let me|i (?:need|have|got) to|i gotta)`;
// What they will do instead of answering now: come back, ask or call another way, think it over.
const INSTEAD = String.raw`(?:ask|call|come back|finish|complete|continue|check|think|figure|wait|talk|decide|get back|sort|look into|deal with|do (?:it|this|that|the rest)|pick (?:it|this) up|try again)`;
const STATEMENT = new RegExp(String.raw`\b${I_WILL}(?: just| probably| prob| maybe| have to| need to)? ${INSTEAD}\b`);
// Said without a "never mind" before it, the statement needs a word that puts it off.
const PUT_OFF = /\b(later|another time|some ?other time|another day|next time|bye|goodbye|in person|at my)\b/;
const TAKE_BACK = /\b(never ?mind|nvm|forget (it|that|about it|this)|scratch that|changed my mind|don'?t bother)\b/;

/** Something to find out before deciding: "need to check with my boss first", "have to ask my wife before". */
// "before" only closing the text: "need to ask her something before tuesday" is a question for a person.
const CHECK_FIRST = /\b((need|needs|have|got|want) to|gotta|must|should) (check|ask|confirm|see|talk|speak|look)\b.*(\bfirst\b|\bbefore\W*$)/;
/** A promise to come back: "ill text back later", "i'll get back to you tomorrow", "let me call you back". */
const COME_BACK =
  /\b(i'?ll|ill|i will|will|let me|lemme|i can)( \w+)? (text|call|message|msg|get back|come back|reach out|hit (you|u) up|circle back|let (you|u) know)\b.*\b(later|back|tomorrow|tmrw|tonight|another time|when i know)\b/;
/** "let me think about it", "i'll think it over". */
const THINK = /\b(let me|lemme|i'?ll|ill|i need to|gotta|have to) (think|sleep) (about it|on it|it over)\b/;

/**
 * The message puts the request off ("i'll finish this later", "need to check my schedule
 * first"), or takes it back and says what they will do instead.
 */
export function leavesForNow(s: string): boolean {
  return putsOff(s) || (STATEMENT.test(s) && (TAKE_BACK.test(s) || PUT_OFF.test(s)));
}

/** A plain putting off ("need to check first", "i'll text back later"), leaving even after an "ok". */
export function putsOff(s: string): boolean {
  return (CHECK_FIRST.test(s) && !asksInPlaceAfter(s)) || COME_BACK.test(s) || THINK.test(s);
}

// "maybe i should talk it through first. can i do a consult instead?": the thing to do first is
// asked for right after, in place of what was on the table; nothing is put off.
const ASKS_IN_PLACE = /\b(?:can|could|may|should) (?:i|we) (?:just |maybe |rather )?(?:do|book|get|have|switch to|make it|change it to|go with|try|come in for)\b[^.?!]*\binstead\b|\b(?:book|do|make it|switch (?:it )?to|change (?:it )?to) (?:a |an |the |me (?:in )?for (?:a |an )?)?[a-z]+(?: [a-z]+)? instead\b/;

/** The words after a "first" (or a closing "before") ask for a booking in place of the one on the table. */
function asksInPlaceAfter(s: string): boolean {
  const first = /\bfirst\b/.exec(s);
  return first !== null && ASKS_IN_PLACE.test(s.slice(first.index + first[0].length));
}

// "nah forget it", "ok never mind": a take-back that opens the text, after the little words that lead into it.
const TAKES_BACK_FIRST = /^(?:(?:nah|no|nope|ok|okay|actually|ugh|hmm+|um+|oh|wait|sorry|lol|eh|meh) )*(?:never ?mind|nvm|forget (?:it|that|about it|this)|scratch that|(?:i )?changed my mind|don'?t bother)\b/;
// What makes the words after a take-back a request of their own: a booking verb, a new choice, a question.
const ASKS_AGAIN =
  /\b(?:book|schedule|instead|just|rather|how about|what about|but|can|could|would|do you|is there|make it|switch|move|cancel|reschedule|i'?d like|id like|i want|i need|i'?ll take|let'?s (?:do|go with)|give me|gimme|again)\b/;
// Words that say nothing after a take-back ("eh forget it lol"): with only these, there is no reason, and the bare take-back is read elsewhere.
const FILLER = /\b(?:lol|haha|then|ok|okay|thanks|thx|ty|pls|please|sorry|for now|anyway)\b/g;

/**
 * "nah forget it, not ready to go blonde yet lol", "never mind, too pricey for me rn": the
 * request taken back first, then only a reason, which asks for nothing (no time, no booking
 * word, no question). `timeSaid` is whether the text names a time.
 */
export function takenBackWithReason(s: string, timeSaid: boolean): boolean {
  const m = TAKES_BACK_FIRST.exec(s);
  if (!m || timeSaid) return false;
  const rest = s.slice(m[0].length);
  return words(rest.replace(FILLER, ' ').replace(/\s+/g, ' ').trim()).length >= 2 && !ASKS_AGAIN.test(rest);
}

// What says the booking itself is not wanted now, not an answer to the question asked:
// "dont want to do this right now", "not ready to book yet", "not today", "another time".
const NOT_NOW =
  /\b(?:(?:do ?n'?t|do not) (?:want|wanna|feel like)(?: to)? (?:do|book|doing|booking) (?:this|it|that|one|anything)|(?:i'?m |im )?not ready\b|not (?:right )?now\b|not today\b|not (?:this|that) (?:week|time)\b|(?:another|some ?other) (?:time|day)\b|maybe later\b)/;

// Another day or time said beside it asks again: "nvm not today, tomorrow at 3".
const ANOTHER_TIME = /\d|\b(?:tomorrow|tmrw|tmr|tonight|next|mon|tues?|wed|thu|thurs?|fri|sat|sun)[a-z]*\b/;

/**
 * "never mind, don't want to do this right now", "forget it, not today": a take-back first and
 * then a reason refusing the booking itself. The "now" or "today" in it names no time to book
 * (the date reader takes "right now" as the earliest opening), so the request is let go, and
 * during intake questions the held time with it. A take-back with other words ("nvm, i have
 * been before") may still be an answer, so it is left to the other rules.
 */
export function refusesBookingNow(s: string): boolean {
  const m = TAKES_BACK_FIRST.exec(s);
  if (!m) return false;
  const rest = s.slice(m[0].length);
  return NOT_NOW.test(rest) && !ASKS_AGAIN.test(rest.replace(/\bjust\b/g, '')) && !ANOTHER_TIME.test(rest.replace(NOT_NOW, ' '));
}
