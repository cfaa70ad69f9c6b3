// "i need to check my work schedule first, ill text back later", "let me ask my boss first":
// the customer leaves the request for now. Nothing should stay held for them; they come
// back with a new message when they know. Read apart from "never mind", which takes a
// request back outright: these keep nothing open either, but say why.

/** Something to find out before deciding: "need to check with my boss first", "have to ask my wife before". */
const CHECK_FIRST = /\b((need|needs|have|got|want) to|gotta|must|should) (check|ask|confirm|see|talk|speak|look)\b.*\b(first|before)\b/;
/** A promise to come back: "ill text back later", "i'll get back to you tomorrow", "let me call you back". */
const COME_BACK =
  /\b(i'?ll|ill|i will|will|let me|lemme|i can)( \w+)? (text|call|message|msg|get back|come back|reach out|hit (you|u) up|circle back|let (you|u) know)\b.*\b(later|back|tomorrow|tmrw|tonight|another time|when i know)\b/;
/** "let me think about it", "i'll think it over". */
const THINK = /\b(let me|lemme|i'?ll|ill|i need to|gotta|have to) (think|sleep) (about it|on it|it over)\b/;

export function leavesForNow(s: string): boolean {
  return CHECK_FIRST.test(s) || COME_BACK.test(s) || THINK.test(s);
}
