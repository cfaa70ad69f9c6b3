// A yes to the second of two things asked in one text, once the first is done: "and yes to
// the other", "and the last one yes", "the next one too, yes". The opener ("and", "also")
// and the words pointing at the proposal now on screen say nothing but which one: what is
// left is the yes (or no) itself, read by choice.ts as any other.

// "and", "also", "oh and": the answer goes on from the one before.
const OPENER = /^(?:and|also|plus|oh and|ok and|okay and)\s+/;
// "the other", "the last one", "that one too", "her", "my son's": the proposal on screen, named.
const POINTER = String.raw`(?:(?:the|that|this) (?:other|next|last|second|third|2nd|3rd|final)(?: one)?|(?:that|this) one|the other one|the rest|her|him|them|hers|his|theirs)(?: too| as well| also)?`;
// "the last one yes", "and her too, yes please": the pointer first, the answer after it.
const POINTER_FIRST = new RegExp(String.raw`^${POINTER} (?<answer>.+)$`);

/** The message without its opener and the words naming the proposal, when it has them; else nothing to add. */
export function answerToNext(s: string): string[] {
  const opened = s.replace(OPENER, '');
  const answer = POINTER_FIRST.exec(opened)?.groups?.answer;
  return [...(opened !== s ? [opened] : []), ...(answer ? [answer] : [])];
}
