import { parseYesNo } from '../understanding/choice.ts';
import { splitCorrection } from '../understanding/text.ts';
import { plain } from './words.ts';

// A yes/no answer in words: "yep first time", "nope been before", "i've been before",
// "first time here". An answer that says both (a "no" and "first time" to "Is this your
// first visit?") says neither, and the question is asked again.

// A question about a first visit, or about having been before (the opposite polarity).
const ASKS_FIRST = /\b(first|1st) (visit|time|appointment)\b|\bnew (client|customer|patient|guest)\b|\bnever (been|visited)\b/;
const ASKS_BEFORE = /\b(been|visited|seen|come) (here |to us |with us |in )?before\b|\breturning (client|customer|patient|guest)\b|\bexisting (client|customer|patient)\b/;

const NOT_FIRST = /\bnot (my|the|our|a) (first|1st)\b|\bnot (new|a new)\b/;
const NEVER_BEEN = /\b(haven'?t|have not|havent|never|not) (been|visited|come|came)\b/;
const FIRST = /\b(first|1st) (time|visit|timer|appointment|one)\b|\b(my|the) (first|1st)\b|\bnew (here|client|customer|to (you|this|the))\b|\bbrand new\b|\bfirst[ -]timer\b/;
const BEEN_BEFORE =
  /\b(been|came|come|visited|seen you) (here |there |in |to you |with you |to the \w+ )?(before|already|previously)\b|\b(i'?ve|ive|i have) (been|visited|come)\b|\bbeen (here|there|in) (a (few|couple)|a lot|lots|many|several|loads)\b|\b(been|came) (a (few|couple)( of)?|many|several) times\b|\breturning\b|\bregular\b|\bbeen coming\b|\bexisting (client|customer)\b|\bcome here all the time\b/;
// A visit told by when it was: "came in last spring", "was here a few months ago", "you
// cut my hair in june". Having been before, without the word "before".
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const PAST_VISIT = new RegExp(
  `\\b(?:came|was|were|visited|stopped by|popped in)(?: (?:in|here|there|by|to you|over))?(?: back)? (?:last (?:\\w+)|(?:a|an|one|two|three|a few|a couple(?: of)?|\\d+|some) \\w+ ago|in (?:the )?(?:${MONTHS}|spring|summer|fall|autumn|winter)|(?:once|twice|years ago)|earlier this year)\\b` +
    `|\\byou (?:guys )?(?:did|cut|colou?red|styled|trimmed|dyed) (?:my|me|our)\\b`,
);
// "i'm not sure", "no idea": not an answer either way.
const UNSURE = /\b(not sure|unsure|don'?t know|dont know|dunno|idk|no idea|can'?t remember|cant remember|don'?t remember|not certain)\b/;
// Answers that restate the question's verb: "i do", "i am not", "it isn't".
const PLAIN_YES = /^(i do|i am|i have|i did|it is|yes i (do|am|have|did))[.!]*$/;
const PLAIN_NO = /^(i don'?t|i do not|i'?m not|i am not|i haven'?t|i have not|i didn'?t|i did not|it isn'?t|it is not|it'?s not)\b/;

/** true, false, or undefined when the answer is not a clear yes or no to this question. */
export function readYesNo(text: string, prompt: string): boolean | undefined {
  const said = plain(text);
  const taken = takenBack(said, prompt);
  if (taken !== undefined) return taken;
  if (UNSURE.test(said)) return undefined;
  const word = parseYesNo(said);
  const echoed = echo(said, prompt);
  const outright = word === undefined ? undefined : word === 'yes';
  if (outright !== undefined && echoed !== undefined) return outright === echoed ? outright : undefined;
  if (outright !== undefined || echoed !== undefined) return outright ?? echoed;
  if (PLAIN_NO.test(said)) return false;
  if (PLAIN_YES.test(said)) return true;
  return undefined;
}

/**
 * The answer the words themselves give ("first time", "came in last spring"), not a bare
 * yes or no: a message that answered another question with its "yes" answers this one
 * only by what it says about it.
 */
export function readYesNoInWords(text: string, prompt: string): boolean | undefined {
  const said = plain(text);
  if (UNSURE.test(said)) return undefined;
  const echoed = echo(said, prompt);
  const word = parseYesNo(said);
  if (echoed === undefined || word === undefined) return echoed;
  return echoed === (word === 'yes') ? echoed : undefined;
}

/** What the answer's own words say to a question about a first visit ("first time here", "been before"). */
function echo(said: string, prompt: string): boolean | undefined {
  const question = plain(prompt);
  const polarity = ASKS_FIRST.test(question) ? 1 : ASKS_BEFORE.test(question) ? -1 : 0;
  if (polarity === 0) return undefined;
  const firstTime = NOT_FIRST.test(said) ? false : NEVER_BEEN.test(said) || FIRST.test(said) ? true : BEEN_BEFORE.test(said) || PAST_VISIT.test(said) ? false : undefined;
  if (firstTime === undefined) return undefined;
  return polarity > 0 ? firstTime : !firstTime;
}

// "yes.. actually no", "no wait yes": the word after the correction is the answer.
const CORRECTED_WORD = /\b(?:actually|wait|sorry|i mean|i meant|oops|my bad)[\s,.!-]*(yes|yeah|yep|yup|no|nope|nah)[\s,.!]*$/;

const LEADING_TAKEN_BACK = /^(?:yes|yeah|yep|yup|no|nope|nah)[\s,.!-]+(?:wait|actually|i mean|i meant|sorry|oops|my bad)\b[\s,.!-]*(?<rest>\S.*)$/;

/**
 * "yes.. actually no sorry, i came once last year", "no wait, yes first time": an answer
 * taken back in the same text; what follows the correction answers, when it answers at all.
 */
function takenBack(said: string, prompt: string): boolean | undefined {
  const word = CORRECTED_WORD.exec(said)?.[1];
  if (word && said.slice(0, CORRECTED_WORD.exec(said)!.index).trim() !== '') return /^y/.test(word);
  // "no, i mean yes, never been", "no wait, first time actually": the opening word taken back at once.
  const opened = LEADING_TAKEN_BACK.exec(said)?.groups?.rest;
  if (opened) return readYesNo(opened, prompt);
  const split = splitCorrection(said);
  if (!split || split.after === '') return undefined;
  // The correction's own "no" ("actually no, ...") answers too when the rest is no answer.
  const after = readYesNo(split.after, prompt);
  if (after !== undefined) return after;
  const marker = said.slice(split.before.length, said.length - split.after.length);
  const own = /\b(no|nope|nah|yes|yeah|yep|yup)\b/.exec(marker)?.[1];
  return own ? /^y/.test(own) : undefined;
}
