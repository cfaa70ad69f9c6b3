// "Y, cancel", "y move it", "k book it pls", "N keep it": the one-letter reply the summary asks
// for ("Reply Y to confirm or N to keep it"), followed by the verb of what it answers. A letter
// alone is an answer only with pleasantries after it ("n 3rd street", "k so what time" are not),
// but the action's own verb after it says what the letter answers, as "yes cancel it" does.
import { onlyPleasantries } from './yes-no-slang.ts';

// What a yes goes ahead with: the verbs of the summaries (book, move, cancel) and of the prompt's
// "Y to confirm", each with at most its object ("it", "that one", "me in").
const YES_ACTION = /^(?:go ahead(?: and)? )?(?:confirm|cancel|move|reschedule|book|change|switch|do)(?: (?:it|that|that one|this|this one|me in|me|the appt|the appointment))?(?: in)?(?= |$)/;
// What a no keeps: the prompt's "N to keep it", or leaving the booking as it is.
const NO_ACTION = /^(?:keep|leave)(?: (?:it|that|that one|this|this one|the appt|the appointment))?(?: (?:as is|as it is|the same))?(?= |$)/;

/** True when the words after a one-letter answer are the verb of what that answer does, alone or with pleasantries. */
export function namesLetterAction(rest: string, answer: 'yes' | 'no'): boolean {
  const said = rest.trim();
  const verb = (answer === 'yes' ? YES_ACTION : NO_ACTION).exec(said);
  if (!verb) return false;
  const after = said.slice(verb[0].length).trim();
  return after === '' || onlyPleasantries(after);
}
