// Cancels said without "cancel": the customer says they will not be there ("not gonna make it
// to my cut next thurs", "not coming fri", "we're not coming in tomorrow"), that they have to
// back out ("gonna have to bail on monday", "need to skip my appt friday"), or that the booking
// is no longer needed ("i won't need the consult anymore"). Each names the booking and asks
// nothing new, so it reads as the cancel it is (the customer still confirms it). Read on the
// simplified text.
import { RELATIVES } from './relatives.ts';

/** "can't", "won't", "not gonna", "not going to": the negations a cancel opens with ("not gonna make it"). */
export const WILL_NOT = String.raw`(?:can'?t|cannot|won'?t|wont|will not|unable to|not able to|(?:am|are|is)n'?t (?:gonna|going to|gunna)|not (?:gonna|going to|gunna))`;

// "not coming fri", "i'm not coming in tomorrow": a statement, never a question about someone else ("is dana not coming?"),
// nor when the customer comes from ("not coming from work until 5", "not coming in till 6").
const NOT_COMING = String.raw`(?:^|\b(?:i'?m|im|i am|we'?re|we are|i will|we will|i'?ll|we'?ll) )not (?:coming|attending|showing up)\b(?! (?:in )?(?:from|until|till|til|before|after|straight|back|home|early|late)\b)`;
// "gonna have to bail on monday", "need to back out of friday", "i have to flake on my appt".
const BACKS_OUT = String.raw`\b(?:bail(?:ing)?|flak(?:e|ing)|back(?:ing)? out)(?: on| of| for)\b|\b(?:have to|need to|gotta|got to|gonna|going to|must) (?:bail|flake|back out)\b`;
// "i'll have to skip my appt friday", "need to skip thursday": skipping the booking, not a step of it ("skip the wash").
const SKIPS = String.raw`\b(?:have to|need to|gotta|got to|gonna|going to|must) skip (?:it|this one|that one|my (?:appointment|booking|visit)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|today)\b`;
// "i won't need the consult anymore", "we no longer need the 3pm": the booking said not needed (any more).
// "not gonna need fridays consultation anymore": the booking may be named by its day's possessive.
// "dont want the color anymore": wanted no more is needed no more.
const NOT_NEEDED = String.raw`(?:\b${WILL_NOT}|\b(?:don'?t|dont|do not)) (?:be )?(?:need(?:ing)?|want(?:ing)?) (?:the|my|our|that|this|it|[a-z]+'?s)\b(?: [\w':]+){0,3} (?:any ?more|after all)\b|\bno longer (?:need|want) (?:the|my|our|that|this|it)\b`;
// "the friday one i dont need anymore", "the consult we won't need after all": the booking said first, then not needed.
const NOT_NEEDED_AFTER = String.raw`\b(?:the|my|our|that|this) (?:[\w':]+ ){0,4}?(?:i|we) (?:don'?t|dont|do not|won'?t|wont|will not|no longer) (?:need|want)(?: it| that| (?:one|those))? (?:any ?more|after all|any longer)\b`;
// "the cut on the 3rd can go", "my friday one can go": the booking let go. Not when the words say where someone
// goes ("my son can go at 3", "it can go to friday") or that someone else comes too.
const LETS_GO = String.raw`\b(?:the|my|our|that|this) (?!(?:${RELATIVES})\b)(?:[\w':]+ ){0,4}?(?:can|could) go\b(?! (?:to|at|on|in|into|for|from|with|back|earlier|later|ahead|forward|up|down|through|over|instead|too|also|first|then|before|after)\b)`;

/** A cancel said in other words than "cancel"; see the header. */
export const CALLED_OFF = new RegExp([NOT_COMING, BACKS_OUT, SKIPS, NOT_NEEDED, NOT_NEEDED_AFTER, LETS_GO].join('|'));
