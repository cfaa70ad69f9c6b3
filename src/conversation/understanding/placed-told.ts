// "i think she's after me", "my daughter is right before me", "he's booked just after us": the
// customer telling where someone else's booking already stands beside theirs. That is news (often
// beside a question about that booking), no request to place a new booking there; a request says
// "can she", "book her", "put my son" instead of "she is".
import { RELATIVES } from './relatives.ts';

const PERSON = String.raw`(?:she|he|they|my (?:${RELATIVES}))`;
// "shes after me": the "is" run on, only after a pronoun ("my sons" is no "my son is").
const IS = String.raw`(?:'s| is| are|'re| was| were| has been| will be|'ll be)`;
// Words that may stand between "she is" and the placement: how booked, how sure, how close.
const BETWEEN = String.raw`(?: (?:booked|scheduled|in|down|set|coming|going|probably|prob|maybe|already|also|too|somewhere|sometime|right|just|straight|directly|immediately|an hour|\d{1,3} ?(?:min|mins|minutes|hours?|hrs?)))*`;
const PLACED_TOLD = new RegExp(String.raw`\b(?:(?:she|he)s|${PERSON}${IS})${BETWEEN} (?:after|before|ahead of|following) (?:me|mine|us|ours|my|our)\b`);

/** The message tells where another person's booking stands beside the customer's, asking no placement. */
export function placedTold(text: string): boolean {
  return PLACED_TOLD.test(text.toLowerCase());
}
