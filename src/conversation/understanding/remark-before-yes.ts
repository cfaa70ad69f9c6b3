import { RELATIVES } from './relatives.ts';
import { DAY_WORD, MONTH } from './shorthand.ts';

// "omw basically, yes", "already in the car lol, yes", "been waiting all week for this, yes pls":
// a remark said before the yes to a summary. The remark asks and changes nothing, so the answer is
// the yes said last. A clause that could change the proposal (a time, a day, a person, a service, a
// no, a question, a request) is no mere remark: then the text is read as it was.

// Words that make the first clause more than a remark.
const CHANGES = new RegExp(
  [
    String.raw`[?\d]`,
    String.raw`\b(?:no|not|nah|nope|n't|dont|cant|wont|never|but|instead|rather|only|except|wait|hold|actually)\b`,
    String.raw`\b(?:book|cancel|move|change|switch|push|add|can|could|would|will|want|need|get|make|pls|please|plz)\b`,
    String.raw`\b(?:${DAY_WORD}|${MONTH}|morning|afternoon|evening|noon|later|earlier|sooner|am|pm|week|month)\b`,
    String.raw`\b(?:my|our) (?:${RELATIVES})\b|\b(?:he|she|they|him|her|them|too|also|as well)\b`,
    String.raw`\b(?:cut|trim|haircut|colou?r|consult|consultation|dye|highlights|blowout|with|w)\b`,
  ].join('|'),
);
// The last clause, set off by a stop: the answer.
const LAST_CLAUSE = /^(?<remark>.+?)\s*(?:[,;.!]+|\s-+)\s*(?<answer>[^,;.!]+?)[\s.!]*$/;
const MAX_REMARK_WORDS = 8;

/** The answer said after a remark that asks and changes nothing; undefined when the text is not so made. */
export function answerAfterRemark(text: string): string | undefined {
  const m = LAST_CLAUSE.exec(text.toLowerCase().replace(/\u2019/g, "'").trim());
  const remark = m?.groups?.remark ?? '';
  if (!m || CHANGES.test(remark) || remark.split(/\s+/).length > MAX_REMARK_WORDS) return undefined;
  return m.groups!.answer!.trim();
}
