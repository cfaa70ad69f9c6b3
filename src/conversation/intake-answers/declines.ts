import { RELATIVES } from '../understanding/relatives.ts';
import { normalize } from '../understanding/text.ts';
import { plain } from './words.ts';

// Leaving an intake question out, in words. Two kinds: a refusal, which leaves out any
// question ("skip", "rather not say", "idk"), and a plain "no" to an optional question
// ("no thanks", "dont have one", "none", "n/a"), which for a required one is no answer.

// Politeness and filler around the words that matter: "no thanks :)", "um skip pls".
const AROUND = /^(?:(?:um+|uh+|oh|ah|hmm+|well|sorry|lol|haha|actually|honestly)[ ,.!]*)+|(?:[ ,.!]*(?:thanks|thank you|thx|ty|pls|please|sorry|lol|haha|tho|though|for now|atm|right now|at the moment))+[ .!]*$/g;

// "you can skip that", "can we skip it", "lets just skip": a skip asked for politely.
const LEAD_IN = "(?:(?:you|u) can |can (?:we|you|u|i) |could (?:we|you|u) |let'?s |lets |just |please |i'?ll |i will |i'?d like to |i want to |go ahead and |ok |okay )*";
// "rather not give my email", "prefer not to share that one", "skip the email part": what is
// kept back, said with the question's own noun or a pronoun.
const GIVE = '(?:say|answer|share|tell|give|provide|disclose|put(?: down)?|hand over|leave)';
const THING = "(?:it|one|that|this|that one|this one|(?:my|an?|the|that|this) [a-z'-]+(?: address)?)";
// "nah id rather not give my email", "no, skip": a no said before the refusal only repeats it.
const REFUSAL = new RegExp(
  `^(?:(?:no|nope|nah|naw)[ ,]+)?(?:i )?${LEAD_IN}(?:` +
    [
      `skip(?: it| this| that| this one| that one| for now| ${THING}(?: (?:question|part|one|bit))?)?`, `pass(?: on ${THING})?`, 'next', 'n/?a',
      `(?:i'?d |id |i would |would )?(?:rather|prefer) not(?: to)?(?: ${GIVE}(?: ${THING})?(?: out| down| in)?)?`,
      'no comment', 'not telling', `(?:i'?m |im |i am )?not (?:gonna|going to) ${GIVE}(?: ${THING})?(?: out| down| in)?`, "(?:i )?(?:don'?t|dont|do not) know", 'dunno', 'idk', 'no idea',
      "(?:i'?m |im |i am )?(?:not sure|unsure)", "(?:i )?(?:can'?t|cant|don'?t|dont) remember",
    ].join('|') +
    ')$',
);

const NO_THING =
  /^(?:(?:no|nope|nah)[ ,]+)?(?:no|nope|nah|none|nothing|nil|nada|no need|not needed|not necessary|no thanks|no thank you|not really|(?:i'?m|im) good(?: on (?:that|it|this|the [a-z-]+))?|all good|leave it(?: blank| empty| out)?|blank|no one|nobody|na)$/;
// "dont have one", "i don't have an email", "no i dont use email", "no email".
// "dont want to give it", "not giving my email", "i'd rather keep it private".
// Booking for someone else, the answer is theirs: "she doesnt really do email", "my dad has no email".
const NOT_HAVING = new RegExp(
  String.raw`^(?:(?:no|nope|nah)[ ,]+)?(?:(?:i|she|he|they|we|my (?:${RELATIVES})) )?(?:(?:don'?t|dont|do not|doesn'?t|does not) (?:really |even )?(?:have|use|got|need|check|want|wanna|do)|has no|have no|(?:i'?m |im )?not (?:giving|sharing|telling|comfortable)|(?:i'?d |id )?(?:rather|prefer to) keep)\b[a-z' -]{0,30}$`,
);
const NO_NOUN = /^(?:(?:no|nope|nah)[ ,]+)?(?:(?:no|nope|nah)[ ,]+(?:[a-z-]+|thank you|thanks)|no [a-z-]+ (?:needed|required|please))$/;

function core(text: string): string {
  return plain(text).replace(/[?]+/g, ' ').replace(AROUND, '').replace(/[.!]+$/, '').trim();
}

/** "skip", "rather not say", "idk": the question is left out, optional or not. */
export function refusesToAnswer(text: string): boolean {
  return REFUSAL.test(core(text));
}

/**
 * "no thanks", "dont have one", "none", "no email": leaves out an optional question.
 * `bareOnly` leaves "no allergies" to be an answer of its own (a free-text question).
 */
export function declinesOptional(text: string, opts: { bareOnly?: boolean } = {}): boolean {
  const said = core(text);
  if (said === '') return false;
  const declines = (part: string) => REFUSAL.test(part) || NO_THING.test(part) || NOT_HAVING.test(part) || (!opts.bareOnly && NO_NOUN.test(part));
  // "no thanks, skip", "nah, pass": several ways of saying no in one message.
  const parts = normalize(text).split(/[,;]+| and /).map(core).filter((p) => p !== '');
  return declines(said) || (parts.length > 1 && parts.every(declines));
}
