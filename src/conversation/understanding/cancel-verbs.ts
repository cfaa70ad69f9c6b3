// The words that drop a booking besides "cancel", in the tenses texts use ("nixing my color on
// the 9th", "scratch my appt next tues", "ditched"), and when a cancel's "instead" asks for
// something in its place. Read on the simplified text.
import { DAY_WORD, MONTH } from './shorthand.ts';

/** "drop", "scrap", "ditch", "nix" and their -s, -ed, -ing forms. */
export const DROP_VERB = String.raw`(?:drop(?:s|ped|ping)?|scrap(?:s|ped|ping)?|ditch(?:es|ed|ing)?|nix(?:es|ed|ing)?)`;
/** "scratch my appt": only with a booking after it, since "scratch that" takes back what was just said. */
export const SCRATCH_BOOKING = String.raw`scratch(?:es|ed|ing)? (?:my|the|our)\b`;

/**
 * "take my dec 22 cut off the books", "cross me off the schedule for friday", "wipe the 3pm off
 * your calendar": a booking (named in a few words) taken off the salon's list.
 */
export const OFF_THE_BOOKS = String.raw`(?:remove|take|cross|strike|wipe|scratch) (?:it|that|this|them|me|us|(?:my|the|our) [\w':]+(?: [\w':]+){0,3}?) (?:off|from) (?:of )?(?:the|your|ur|my) (?:books|calendar|schedule|list|system|diary)`;

const CANCEL_WORD = new RegExp(String.raw`\b(?:cancel\w*|call off|${DROP_VERB}|scratch\w*|delete|remove|get rid of)\b`, 'g');
const SAYS_CANCEL_WORD = new RegExp(CANCEL_WORD.source);
// What names a booking asked in the canceled one's place: a day, a time, a service verb.
const CLAUSE_BREAK = /[,.;:!?]|\b(?:and|but|so|then|can|could|i'?ll|ill)\b/;
const NAMES_NEW = new RegExp(String.raw`\d|\b(?:${DAY_WORD}|${MONTH}|tmrw|tmr|morning|afternoon|evening|noon|week|weekend|time|earlier|later|sooner|book|rebook|schedule|come|move|switch|put|get)\b`);

/**
 * "cancel fri, can i come sat instead", "cancel my 3pm. book 4 instead": a clause after the
 * cancel's own says "instead" and names a new time. "just cancel it instead", "cancel my friday
 * one instead" (in place of a move on screen) and "nixing my color, gonna grow it out instead"
 * ask for nothing. Read on the normalized text, whose punctuation splits the clauses.
 */
export function insteadAsksNew(raw: string): boolean {
  const at = raw.search(/\binstead\b(?! of)/);
  if (at < 0) return false;
  const before = raw.slice(0, at);
  const verbs = [...before.matchAll(CANCEL_WORD)];
  const last = verbs[verbs.length - 1];
  const clauses = (last ? before.slice(last.index + last[0].length) : before).split(CLAUSE_BREAK);
  return clauses.length > 1 && NAMES_NEW.test(clauses[clauses.length - 1]!);
}

/** The text says a cancel verb outright ("cancel", "drop", "scratch my"), not only that the customer can't come. */
export function saysCancelVerb(s: string): boolean {
  return SAYS_CANCEL_WORD.test(s.toLowerCase());
}
