// A cancel asked in the passive: "make sure both wed and fri are cancelled", "i need my friday
// cut cancelled", "can you get the 4th canceled", "pls have my color on the 9th cancelled". The
// cancel word comes last, as a past participle the cancel verbs do not read; said again as
// "cancel <booking>". A question about a cancel ("is my friday cancelled?", "did the 4th get
// canceled") asks, it does not ask for one, and is left as it is.
import { normalize } from './text.ts';

const ASKS_DONE = String.raw`(?:(?:pls |please |can you |could you |can u |could u )?(?:make sure|double check|ensure)(?: that)?|(?:i |we )?(?:need|want|would like|'?d like|d like)|(?:pls |please |can you |could you |can u |could u )?(?:get|have))`;
const BOOKING_WORDS = String.raw`(?:(?:both|all|my|the|our|those|these|them|it|that|this|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*|and|\+|&|[a-z]{3,}(?:'s)?|\d{1,2}(?:st|nd|rd|th)?(?::\d{2})?|[ap]m|on|at|with|w|appts?|appointments?)[ ,]*){1,8}?`;
const PASSIVE = new RegExp(
  String.raw`\b${ASKS_DONE} (?<booking>${BOOKING_WORDS}) ?(?:is |are |gets? |got |be |to be |has been |have been )?(?:cancell?ed|canceled)\b`,
);
// "my daughter's cut on wed at 4 needs to be canceled", "the 12th has to be cancelled", "fri
// should be canceled": the booking said first, as the subject, and what must happen to it after.
// Only at a clause's start ("if my cut needs to be canceled", "i don't think the 4th has to be
// cancelled" are no ask), and only a need said outright: "was / is cancelled" tells or asks.
const CLAUSE_START = String.raw`(?<=^|[.,!;?] |\b(?:so|and|but|ok|okay|hi|hey|hello|sorry|also|unfortunately|sadly) )`;
const MUST_BE = String.raw`(?:needs? to be|has to be|have to be|will (?:need|have) to be|should be|must be|(?:has |have )?(?:got|gotta) (?:to )?be|needs? (?=cancell?ing))`;
const SUBJECT_FIRST = new RegExp(
  String.raw`${CLAUSE_START}(?<booking>(?=(?:both|all|my|the|our|those|these|that|this|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*|\d{1,2}(?:st|nd|rd|th)?)\b)${BOOKING_WORDS}) ?${MUST_BE} ?(?:cancell?ed|cancell?ing)\b`,
);
/** Words that make the part before the participle no booking: a question's opener, or a verb of its own. */
const NOT_A_BOOKING = /\b(?:is|are|was|were|did|do|does|if|whether|why|how|when|book|move|keep)\b/;

/** The passive cancel said as "cancel <booking>"; the text unchanged when it has none. */
export function cancelAsked(text: string): string {
  if (typeof text !== 'string') return text;
  const s = normalize(text);
  const m = PASSIVE.exec(s) ?? SUBJECT_FIRST.exec(s);
  const booking = m?.groups?.booking?.trim();
  if (!m || !booking || NOT_A_BOOKING.test(booking)) return text;
  return `${s.slice(0, m.index)}cancel ${booking}${s.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
}
