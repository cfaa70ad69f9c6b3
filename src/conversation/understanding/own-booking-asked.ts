// Questions about the booking the customer has, in words the "my appointment" patterns miss:
// when to turn up ("what time do i need to be there thurs"), the booking's time by its own
// name ("whats my time sat"), which of two days or services it is ("is my cut tmrw or
// thursday?", "do i have the color or just a trim booked?"), and what a family has booked
// together ("what do my kids and i have friday"), whether it is on a day ("is my haircut
// tmrw?", "my cut is thursday right?") and when a family member's is ("what time are the kids'
// haircuts saturday", "when is my son's appt"). Each is answered with the customer's
// appointments; nothing is booked. Read on the simplified text.

import { RELATIVES } from './relatives.ts';

// "the 15th or 16th": the second day often drops its "the".
const DAY = String.raw`(today|tonight|tomorrow|tmrw|tmr|(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*|the \d{1,2}(st|nd|rd|th)?|\d{1,2}(st|nd|rd|th)|(dec|jan)[a-z]* \d{1,2}|\d{1,2}(:\d{2})? ?([ap]m)?)`;

// What a booking is called in these questions: a service word or the booking itself.
const BOOKED_THING = [
  String.raw`appt|appts|appointment|appointments|booking|bookings`,
  String.raw`(hair ?)?cuts?|haircuts?|trims?|colou?rs?|highlights?|blowouts?|blow ?drys?|consults?|consultations?|perms?|balayage|shaves?|beard trims?`,
].join('|');

const ASKED = new RegExp(
  [
    // "what time do i need to be there thurs", "when should we get there", "what time am i supposed to arrive":
    // turning up for a booking had (a new visit says "can i come", never "need to be there").
    String.raw`\b(what time|when) (do|should|must|am|are|shall) (i|we) (need to |have to |gotta |got to |supposed to |meant to |want to )?(be there|be in|get there|get in|arrive|show up|turn up)\b`,
    String.raw`\b(what time|when) (do|am|are) (i|we) (need to|have to|gotta|got to|supposed to|meant to) (come|come in|come by|be at)\b`,
    // "whats my time sat", "what's our slot again": the booking named by its time.
    String.raw`\b(what|wat|when)('?s| is| was) (my|our) (time|slot|spot|appt time|appointment time|booking time)\b`,
    // "do i have the color or just a trim booked?", "did we have a cut or a color": which service is booked.
    String.raw`\b(do|did) (i|we) (have|got) (an?|the|my|our) [a-z]+( appt| appointment)? or (just |only )?(an?|the|my|our)? ?[a-z]+( appt| appointment)?( (booked|scheduled|on|coming up))?( (for|on) [a-z0-9 ]+)?$`,
    // "what do my kids and i have booked friday", "what have me and my son got": the family's bookings asked together.
    String.raw`\bwhat (do|did|have) ((my|our) [a-z]+ and (i|me)|(me|i) and (my|our) [a-z]+) (got|have|booked|scheduled)\b`,
    // "what times are me and my son booked for", "when is my daughter scheduled", "what day are we booked":
    // the time of a booking had, asked of the customer, their family or both ("what times are open" asks for openings).
    String.raw`\b(what times?|when|what days?|what dates?)( again)? (are|is|am|r|were|was) ((me|i|we|us) and (my|our) [a-z]+|(my|our) [a-z]+ and (i|me)|(my|our) [a-z]+|i|we|he|she|they)( both| all)? (booked|scheduled|coming in|supposed to come)\b`,
    // "what time are the kids' haircuts saturday again", "when is my son's appt", "what time is my daughters trim":
    // a relative's booking, named by its service or as a booking (every booking shown is the sender's own).
    String.raw`\b((what|wat) times?|when|what days?)( again)? (is|are|was|were|r|s) (my|our|the) (${RELATIVES})('?s|')? (${BOOKED_THING})\b`,
  ].join('|'),
);

// "is my haircut tmrw?", "was my appt on friday", "is our color at 2": a yes/no question whether the booking is then,
// the whole message (a word like "free", "open" or "in" between asks whether a person or the salon is, not a booking).
const ON_DAY = new RegExp(
  String.raw`^(so |wait |hey |hi |um |and )?(is|was|isn'?t|wasn'?t) (my|our) (?!.*\b(free|open|available|in|working|off|around|there|here)\b)(${BOOKED_THING}) (on |for |at )?${DAY}( or not| right| still)?$`,
);

// "my cut is thursday right?", "my appt's at 2 yeah": the day said back with a tag question.
const SAID_BACK = new RegExp(
  String.raw`^(so |wait |and )?(my|our) (${BOOKED_THING})( is|'?s| was) (on |for |at )?${DAY}( at [0-9: apm]+)? (right|correct|yeah|yea|yes|isnt it|no)$`,
);

// "is my hair cut tmrw or thursday?", "was it the 9th or the 10th", "is my appt at 2 or 3": which of two, asked back.
const EITHER = new RegExp(
  [
    String.raw`\b(is|was) (it|that|mine|my( [a-z']+){1,3}) (on |for |at )?${DAY}( or| or is it| or was it) (on |for |at )?${DAY}\b`,
    // "which day was my haircut, the 15th or 16th?", "what time's my color again, 2 or 3", "when is my cut, fri or sat":
    // the question word first, then the two it is between.
    String.raw`\b(which|what|wat) (day|date|time)( again)?('?s| is| was) (it|mine|my( [a-z']+){1,3})( again)? (on |for |at )?${DAY}( or| or is it| or was it) (on |for |at )?${DAY}\b`,
    String.raw`\bwhen('?s| is| was) (it|mine|my( [a-z']+){1,3})( again)? (on |for |at )?${DAY}( or| or is it| or was it) (on |for |at )?${DAY}\b`,
  ].join('|'),
);

/** The message asks about a booking the customer has (see ASKED and EITHER). */
export function asksOwnBooking(s: string): boolean {
  return ASKED.test(s) || EITHER.test(s) || ON_DAY.test(s) || SAID_BACK.test(s);
}

/** "is my cut tmrw or thursday?": two times asked between, so neither narrows which bookings are shown. */
export function asksWhichOfTwoTimes(s: string): boolean {
  return EITHER.test(s);
}
