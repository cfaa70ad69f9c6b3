// Words about a booking the customer already has, read apart from the rest of the rules:
// a new time said as a change of it ("can we do friday at 11 instead"), a question about
// what is booked ("who am i seeing thursday"), and another person's appointment ("cancel
// my wife's color"). The provider decides with the customer's appointments in hand: a
// change of time moves the one booking there is, and asks which when there are several.
import { RELATIVES } from './relatives.ts';
import { NOT_OF_ONESELF } from './said-of-oneself.ts';

/** Wording that changes a time already set rather than asking for a new one. */
// "can my color be on tues the 15th", "could my appt be at 11": what is booked, said to be at another time.
// "need a diff time for my cut", "another day for my color": a booking said to want another time.
// "make it 4" asks the salon for a change; "the only day i can make it" tells of the customer (said-of-oneself.ts).
const CHANGES_TIME = new RegExp(
  [
    String.raw`\b(?:diff|different|another|other|new) (?:time|day|date|slot)s? (?:for|on) (?:my|our|the) (?!(?:${RELATIVES})\b)`,
    String.raw`\b(instead|switch|swap|rather|${NOT_OF_ONESELF}make (that|it|mine|this)|change (it|that|this|to)|move (it|that|this|to)|bump|push|(go|going|get|put (it|me|us)) back to)\b`,
    String.raw`\b(can|could|would) (my|our) (?!(${RELATIVES})\b)([a-z']+ ){1,2}be (on|at|for)\b`,
  ].join('|'),
);
/** Wording that moves a time only when a time is said with it ("earlier tomorrow? like 11"). */
const MOVES_WITH_TIME = /\b(earlier|later|sooner)\b/;
// "could u do 11 the same day?" after a booking was talked about: another hour on that booking's day
// ("can my son come at 3 the same day" asks for his own booking beside it).
const SAME_DAY_OTHER_HOUR = /\b(?:on |at )?the same day\b(?! as\b)/;
const SOMEONE = new RegExp(String.raw`\b(${RELATIVES}|he|she|him|her|they|them)\b`);
// "can i come earlier, like fri the 11th after 5", "could i do my color sooner, wed morning": the customer
// (or the booking) comes earlier or later, so a window said with it is that booking's new time too.
// ("later" is only a time of the customer's: "i'll text u later", "talk later" say when they write; and "come in
// later this week" is a time of its own, no comparison with a booking.)
const COMES_OTHER_TIME =
  /\b(?:(?:come|come in|be in|go|get in|do (?:it|mine|my \w+|the \w+)|have (?:it|mine|my \w+)|(?:my|the) (?:\w+ )?(?:appt|appointment|booking)(?: be| go)?)(?: a bit| a little)? (?:earlier|sooner|later)(?! (?:this|next|today|tonight|on in|in the (?:week|month)|that week)\b)|(?:earlier|sooner|later) (?:slots?|spots?|times?|openings?|appointments?|appts?) than)\b/;
// "can we do later today? like after 4", "could we do it earlier tmrw", "can u do a bit sooner": the booking itself done at
// another time of the day said ("we" are the salon and the customer, so only a booking had comes earlier or later).
const DONE_OTHER_TIME = /\b(?:can|could|would|will|cn|cud) (?:we|u|you|ya|i) (?:pls |please |maybe |just )?(?:do|make|have) (?:it |that |this |mine )?(?:a bit |a little |a tad )?(?:earlier|sooner|later)\b/;
// "is there anything earlier on saturday?", "any later spots friday", "something sooner that week": openings
// asked earlier or later than something, which with nothing on screen can only be the customer's booking.
// ("anything later this week" is a time of its own; "earlier than 3" says what it is compared with.)
const OTHER_TIME_ASKED =
  /\b(?:anything|something|any(?: \w+)?|openings?|spots?|slots?|times?)(?: a bit| a little)? (?:earlier|sooner|later)\b(?! (?:this|next|today|tonight|in the (?:week|month)|that week|than)\b)/;
/**
 * A second booking ("book another", "also", "for my son"), never a change of the first ("9 is too early" is no "me too";
 * "friday's bad too, can we do saturday instead" turns down a second day, it books nothing more).
 */
const DAY_TURNED_DOWN = String.raw`(?:bad|no good|not good|not great|not ideal|out|busy|full|tricky|rough|a no|no go|off|impossible|booked up|taken|a bust|not gonna work|wont work|won'?t work|doesn'?t work|doesnt work)`;
export const NEW_BOOKING = new RegExp(
  String.raw`\b(book|booking|another|also|new|second|extra|(?<!\b${DAY_TURNED_DOWN},? )too(?! (early|late|soon|far|long|short|tight|close|much|busy))|as well|both)\b`,
);

/**
 * "can we do friday at 11 instead", "oh actually can we make that 4:30", "can i come in
 * earlier tomorrow? like 11": a time (and at most a service) said as a change. Nothing
 * says which booking; the customer's appointments will.
 */
/** "is there anything earlier on saturday? morning if poss": a day or window asked earlier or later than the booking on it. */
export function asksOtherThanBooked(s: string, timeSaid: { any: boolean }): boolean {
  return timeSaid.any && !NEW_BOOKING.test(s) && OTHER_TIME_ASKED.test(s);
}

export function changesBookedTime(s: string, timeSaid: { any: boolean; exact: boolean }): boolean {
  if (!timeSaid.any || NEW_BOOKING.test(s)) return false;
  return CHANGES_TIME.test(s) || (timeSaid.exact && MOVES_WITH_TIME.test(s)) || (timeSaid.exact && SAME_DAY_OTHER_HOUR.test(s) && !SOMEONE.test(s)) || COMES_OTHER_TIME.test(s) || DONE_OTHER_TIME.test(s);
}

/**
 * Questions about what is booked that the general patterns miss: "what do i have this
 * week", "who am i seeing thursday", "what time did i book again", "who's doing my hair".
 */
export const WHATS_BOOKED = new RegExp(
  [
    String.raw`\bwhat (do|have|did) (i|we) (got|have)( going| booked| on| coming up| scheduled)?(?=( (this|next|today|tomorrow|tmrw|tonight|on|for|again|booked|coming|scheduled|(mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b|$))`,
    String.raw`\bwho (am|will|'?m) i (seeing|with|booked with|scheduled with|going to see|gonna see)\b`,
    String.raw`\bwho('?s| is) (doing|cutting|coloring|colouring|seeing) (me|my|us)\b`,
    String.raw`\bwho('?s| is) my (stylist|barber|appointment|appt)\b`,
    // "who is my son's cut with on friday", "whos my daughters appt with": who does a booking had, the family's too.
    String.raw`\bwho('?s| is| was) (my|our) ([\w']+ ){1,3}with\b(?! (dana|lee|him|her)\b)`,
    String.raw`\bwhat (time|day|date)( did| do| have)? (i|we) (book|booked|schedule|scheduled|pick|picked|choose|chose)\b`,
    String.raw`\bwhat (time|day)( am| was| are| were) (i|we) (booked|scheduled|coming|in|on|seeing)\b`,
    String.raw`\bwhen (am|'?m|are|is) (i|we) (in|coming in|booked|scheduled|seeing)\b`,
    String.raw`\bwhen did (i|we) book\b`,
    // "did i book for january or december", "did we book it for the 9th?": which day was booked, asked back.
    String.raw`\bdid (i|we) (book|schedule) (it |that |this |mine |my \w+ )?(for|on|in) (?!(a|an|two|2|3|three|my (${RELATIVES}))\b)`,
    // "did i book a color or was it just a cut", "what did i book, a cut?", "was it a trim or a color i booked": which service
    // is booked, asked back (a booking asked for never opens "did i").
    String.raw`\bwhat (did|have) (i|we) (book|booked|schedule|scheduled|reserve|reserved|get|got)\b(?! (me|us|him|her|them)\b)`,
    String.raw`\bdid (i|we) (already |actually |even |just )?(book|schedule|reserve) (an?|the|my|our) [a-z]+( (appt|appointment|booking))?( or\b|$)`,
    String.raw`\b(was|is) (it|that|mine|my (appt|appointment|booking)) (just |only )?(an?|the) [a-z]+ or (an?|the|just |only )?[a-z]+\b`,
    // "what do i have with you guys", "what have we got with u": everything booked with the business.
    String.raw`\bwhat (do|have|did) (i|we) (got |have )?(booked |scheduled )?(with|w) (you|u|y'?all)\b`,
    // "send me a list of everything im booked for", "everything we have scheduled": every booking asked for.
    String.raw`\b(everything|all) (i'?m|im|i am|we'?re|we are|i'?ve|ive|i have|we have) (got )?(booked|scheduled|signed up)( for| in)?\b`,
    // "what was i booked for on monday", "which stylist am i with next week", "which appt was that reminder for"
    String.raw`\bwhat (was|am|were|are|'?m) (i|we) (booked|scheduled|coming in|in) (for|with)\b`,
    String.raw`\b(which|what) (stylist|barber|staff( member)?|person|hairdresser|one of you) ((am|'?m|are) (i|we)|will (i|we) be (with|seeing)|is (doing|seeing) (me|us))\b`,
    String.raw`\b(which|what) (appt|appointment|booking|reservation|one|day|time)( was| is|'?s) (that|this|it|the reminder)( one| reminder| text)? (for|about)\b`,
    String.raw`\bremind me (when|what time|what day)\b`,
    // "remind me what im getting done thursday", "what are we having done on the 15th": the service booked, asked back.
    String.raw`\bwhat (am i|are we|i'?m|im|i am|we'?re|we are) (getting|having)( done)?\b(?! (for|if|with a|when i book)\b)`,
    // "what times do we have on the 15th", "what days do i have next week": the customer's own times, never
    // the salon's ("what times do you have", "what times do we have open").
    String.raw`\bwhat (times?|days?|dates?) (do|did) (i|we) have\b(?! (available|open|free|left|for (a|an)\b))`,
    // "and when was the color again?", "what time is the cut", "when's that consult booked for": a booking named by
    // "the" or "that" asked about, the whole question (never "when is the earliest color", "when is the salon open").
    String.raw`^(and |so |ok |okay |oh |um |wait |sorry |remind me )*(when|what time|what day|what date)('?s| is| was| will be) (the|that|this) (?!(earliest|soonest|first|next|last|latest|best|salon|shop|place|store|opening|openings|slot|slots)\b)[a-z']+( appt| appointment| booking| one)?( (booked|scheduled|set|happening))?( for| at| on)?( again)?$`,
    String.raw`\b(when|what time|what day|what date)('?s| is| was) (the|that|this) [a-z']+( [a-z']+)?( appt| appointment| booking| one)? again\b`,
    // "the color is when again?", "my cut was what time": the booking said first, then asked when.
    String.raw`\b(the|my|our|that) [a-z']+( appt| appointment| booking)? (is|was|'s) (when|what time|what day|at what time)( again| exactly)?$`,
    // "when do i come in for the color again", "when am i coming in for my cut": the visit for a booking asked.
    String.raw`\bwhen (do|should|am|'?m|are|'?re) (i|we) (come|coming|supposed to come|need to come|have to come|need to be|have to be|show up|showing up)( in| by)? for (the|my|our|that) `,
    // "remind me what i have booked", "can you tell me what we've got scheduled": the booking asked with no "do".
    String.raw`\bwhat (i|we)( have| have got| ?'?ve| ?'?ve got| got) (booked|scheduled|coming up|on the books)\b`,
    // "remind me what i booked", "i forget what we scheduled", "not sure what i picked": the past booking asked back with no "did".
    String.raw`\b(remind|tell|show)( me| us)? what (i|we) (booked|scheduled|reserved|picked|chose|signed up for)\b|\b(forgot|forget|forgotten|remember|recall|sure|know) what (i|we) (booked|scheduled|reserved|picked|chose|signed up for)\b`,
    // "remind me what i have now", "i forgot what we've got", "tell me what i have again": what is had, asked back with no
    // "booked" (never "what i have to bring", "what i have in mind").
    String.raw`\b(remind|tell|show)( me| us)?( of)? what (i|we)( have| have got| ?'?ve got| got)\b(?! (to|in mind|for you)\b)|\b(forgot|forget|forgotten|remember|recall) what (i|we)( have| have got| ?'?ve got| got)\b( (now|again|coming up|booked|scheduled|on|with (you|u)))*( lol| haha)*$`,
    // "remind me what appts i have", "which bookings have we got": the bookings named, then had.
    String.raw`\b(what|which) (appointments?|appts?|bookings?|reservations?) ((i|we)( have| have got| ?'?ve| ?'?ve got| got| booked| made)|(have|do|did) (i|we)( got| have| booked| made)?)\b`,
    // "and who is it with", "who's that with again": the person of the booking being talked about.
    String.raw`\bwho('?s| is| was) (it|that|this|my appt|my appointment|the appt|the appointment) (with|w)\b`,
    String.raw`\bwhat('?s| is) on (my|the) (calendar|schedule|books)\b`,
    // "whats my schedule look like", "how's my calendar looking this week": the customer's own schedule with the business.
    String.raw`\b(what|how)('?s| is| does| do) (my|our) (schedule|calendar|agenda|week|weekend)( this week| next week)? look(s|ing)?\b`,
    // "what time sat?", "what time am i in tmrw": a bare time-of-day question about a day, with nothing asked to book.
    String.raw`^(so |and |ok |okay |um |hey )?what time( is it| am i| am i in| am i coming( in)?| are we)?( on)? (today|tomorrow|tmrw|(mon|tue|wed|thu|fri|sat|sun)[a-z]*)( again)?$`,
    // "am i still on for thurs?", "is my appt still on tomorrow", "we still good for friday?"
    String.raw`\b(am|'?m|are|r) (i|we|u|you) still (on|good|set|booked|scheduled|confirmed|coming in)\b`,
    String.raw`\b(i'?m|im|i am|we'?re|we are) still (on|good|set|booked|scheduled|confirmed|coming in)\b`,
    String.raw`\b(i|we|i'?m|we'?re|im) (still )?(on|good|set) for (mon|tue|wed|thu|fri|sat|sun|today|tomorrow|tmrw|tonight|the \d)`,
    String.raw`\b(is|are) (my|our|the) (\w+ )?(appointment|appt|booking|reservation|haircut|cut|color|colour|consult|consultation)s? still (on|good|happening|booked|set|confirmed)\b`,
    String.raw`\b(is|are) (it|that|we) still (on|happening)\b`,
    // "do i still have the 16th booked?", "have i got friday booked": the day itself asked as booked.
    String.raw`\b((do|did) (i|we) (already |still )?(have|got)|have (i|we) (already |still )?got) (the \d{1,2}(st|nd|rd|th)?|(mon|tue|wed|thu|fri|sat|sun)[a-z]*|today|tomorrow|tmrw) (booked|scheduled|reserved)\b`,
    // "do i have a haircut thursday at 2?": asks what is booked, even with a time in it.
    String.raw`\b(do|did) (i|we) (already |still )?have (an?|my|our) (haircut|cut|trim|colou?r|consult|consultation|appointment|appt|booking)s? (booked |scheduled )?(on |at |for |this |next )?(today|tonight|tomorrow|tmrw|mon|tue|wed|thu|fri|sat|sun|the \d)`,
  ].join('|'),
);

/**
 * "move my appt with lee to 4pm", "the one with dana to 3": the person is how the
 * customer names the booking moved, said before its new time; "move my cut to friday with
 * lee" names who does the new time instead.
 */
export function staffNamesBooking(s: string, first: string): boolean {
  // "the appt i have with lee", "the one we booked w dana": what the customer has said of the booking before the person.
  const booking = String.raw`\b(my|the|our) ((?!(to|for|at|on|into)\b)[a-z']+ ){0,2}?((i|we)${HAVE} )?(with|w) ${first}\b`;
  // "hes the one with lee", "its the appt w dana": the booking said to be the person's, whatever follows.
  const told = String.raw`\b(he|she|it|that|they|mine)('?s| is| are|'?re| was) (the|my|our) (one|appt|appointment|booking|cut|haircut|color) (with|w) ${first}\b`;
  return new RegExp(String.raw`(${booking}).*\b(to|for|at|into|be)\b`).test(s) || new RegExp(told).test(s);
}

/** "am i w dana or lee on thurs", "is it dana or lee doing my cut": which of two people the booking is with (said with a staff name). */
export const WHICH_OF_STAFF = /\b(am i|are we|will i be|is it|will it be|is that|was it|(is|was) (my|our|the)( [a-z0-9']+){1,4}?)( with| w| seeing| booked with)? [a-z]+ or [a-z]+\b/;

// "i have", "ive got", "i'm booked": what the customer has, said in the ways texts say it.
const HAVE = String.raw`( have| had| have got| ?'?ve got| ?'?ve| got| booked| have booked| ?'?ve booked| am booked| ?'?m booked| was booked)`;
const OWN = String.raw`(something|anything|an? (appt|appointment|booking|reservation)|an? [a-z]+ (appt|appointment|booking)|my [a-z]+)`;
/**
 * The customer's own bookings asked about without "my appointment": "pretty sure i have
 * something w dana monday, can u check", "can you see if i have anything friday", "list
 * everything i have coming up". Read beside the book words, which make it a new request.
 */
const ASKS_OWN_BOOKINGS = new RegExp(
  [
    // A belief about what is booked, offered to be checked.
    String.raw`\b(i think|i thought|pretty sure|i'?m sure|im sure|i believe|i'?m pretty sure|im pretty sure|i remember) (that )?(i|we)${HAVE} ${OWN}\b`,
    // "can u check if i have anything sat", "see whether we got a booking friday".
    String.raw`\b(check|see|look|find out) (if|whether|that) (i|we)${HAVE} ${OWN}\b`,
    // "list everything i have coming up", "tell me all we've got this month".
    String.raw`\b(list|show|tell|give|send|read)( me| us)?( back)? (everything|all|whatever|all the (appts|appointments|bookings)) (that )?(i|we)${HAVE}\b`,
    String.raw`\b(everything|all) (i|we)${HAVE} (coming up|lined up|on the books|booked|scheduled|with (you|u))\b`,
  ].join('|'),
);

// "i think i have a color w dana", "could u double check": a belief naming any thing had, asked to be checked.
const BELIEVES_HAS = new RegExp(String.raw`\b(i think|i thought|pretty sure|i believe|i remember) (that )?(i|we)${HAVE} an? [a-z]+\b`);
const ASKS_CHECK = /\b(can|could|would|pls|please) (u|you|ya)( please| pls)? (double ?check|check|confirm|verify|look)\b/;

/** The customer's own bookings asked about: see ASKS_OWN_BOOKINGS, or a belief with a request to check it. */
export function asksOwnBookings(s: string): boolean {
  return ASKS_OWN_BOOKINGS.test(s) || (BELIEVES_HAS.test(s) && ASKS_CHECK.test(s));
}

/** Someone besides the sender whose appointment the message is about: "my wife's color", "she has a color". */
export const OTHER_PERSONS =
  new RegExp(
    String.raw`\b(my|our) (${RELATIVES})('?s)?\b|\b(?<!\b(all|both|each|either|any|one|two|none) )(for|of) (her|him|them)\b|\b(she|he) (has|had|booked|made|is booked|s booked)\b|\b(her|his) (appointment|appt|booking|reservation|haircut|cut|color|colour|time)\b`,
  );

/** The request is about another person's booking, not one the sender holds. */
export function aboutOthersBooking(s: string): boolean {
  return OTHER_PERSONS.test(s);
}
