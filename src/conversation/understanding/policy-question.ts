// Questions about the rules for changing or cancelling, asked in words that also name the
// change: "how much notice do i need to give to cancel?", "is it too late to move
// tomorrow's appt?", "is there a fee if i cancel?". They ask for the policy; nothing is
// cancelled or moved until the customer asks for it (often in the next words: "if not,
// move it to thursday", read as a second request by two-requests.ts).

import { supposesChange } from './change-supposed.ts';
import { asksLatestChange } from './latest-change.ts';

const CHANGE_VERBS = String.raw`cancel|change|move|reschedule|resched|switch|push`;
const CHANGE = `(${CHANGE_VERBS})`;
/** Who changes: "if i cancel", and in texts as often "if u cancel", meaning the customer's own cancel. */
// Asked in general ("what happens if someone cancels late", "do u charge if a client no shows"), it is the same rule.
const OTHERS = String.raw`(someone|somebody|anyone|anybody|a person|people|a client|clients|a customer|customers)`;
const WHO = String.raw`(i|we|u|you|${OTHERS})`;
/** The change as a need, not a request: "if i need to cancel", "if we have to move it", "if i gotta reschedule". */
const MUST = String.raw`((ever |end up |ended up )?(need|needs|needed|needing|have|has|had|got|want|wanted|were|was) to |gotta |must |ever )`;
/** The change said in any form: "changing", "cancellations", "rescheduled", "late changes". */
const CHANGING = String.raw`(last[ -]minute |late )?(cancel\w*|chang(e|es|ed|ing)|mov(e|es|ed|ing)|reschedul\w*|switch\w*|push\w*|no ?-?shows?|missing|missed|being late|showing up late|running late)`;

/** Not coming, or coming late, to a booking. */
const MISS = String.raw`miss|skip|forget|no ?-?show|(don'?t|doesn'?t) (show|come|turn up|make it)|(do|does) not (show|come)|can'?t (come|make it)|(am|'?m|are|'?re|is|'?s) (running )?late|runs? late|shows? up late|arrive late|come late|get there late`;

const POLICY_QUESTION = new RegExp(
  [
    // "how much notice", "how far in advance", "how many hours ahead"
    String.raw`\bhow (much|far|many hours?|many days?|long)( of a)? (notice|in advance|ahead|before|beforehand|heads up)\b`,
    // "what notice do i need to give", "do i need to give notice"
    String.raw`\b(notice|heads up) (do|should|must|would) (i|we|you) (need|have|give|want)\b|\b(need|have) to give (you )?(notice|a heads up)\b`,
    // "is it too late to change", "am i too late to cancel", "how late can i cancel"
    String.raw`\btoo late (to|for) (${CHANGE_VERBS}|a (change|cancellation))`,
    String.raw`\bhow late can (i|we) ${CHANGE}\b`,
    // "is there a fee if i cancel", "do you charge for cancelling", "will i be charged if i cancel"
    String.raw`\b(fee|fees|charge|charged|penalty|cost|pay)( me| anything| something| extra)? (to|for|if ${WHO}|when ${WHO}) ${CHANGE}`,
    // "can i cancel for free", "can i still move my friday appt for free": the booking may be named between.
    String.raw`\b${CHANGE}(ing|ling|led)?( (it|that|this|mine|(my|the|our)( [\w':]+){1,2}))? (for free|free of charge|without (a |any )?(fee|charge|penalty))`,
    String.raw`\bdeadline (to|for) ${CHANGE}`,
    // A change only supposed, with the question after it: "if i had to cancel friday would there be a charge",
    // "if we cancel tomorrow do we still pay".
    String.raw`\bif (i|we) (had to |have to |need to |needed to |were to |was to |wanted to |want to |did |do )?${CHANGE}\w*\b.*\b(fee|fees|charge|charged|penalty|cost|pay|notice)\b`,
    // "not cancelling yet, just asking", "not moving it just yet": the customer says outright nothing changes now.
    String.raw`\bnot ${CHANGE}\w* (it |anything |my \w+ )?(just )?yet\b.*\b(asking|wondering|curious)\b`,
    // "do u need more notice", "would you need a day's notice": the notice the salon wants.
    String.raw`\b(do|would|will|does) (you|u|y'?all|the salon|it) (need|require|want) (more |much |any |a |some |extra )?(notice|heads up|days? notice|day'?s notice)\b`,
    // "can i change an appt less than a day before", "cancel within 24 hrs": a change close to the booking, asked about.
    String.raw`\bcan (i|we) ${CHANGE}\w*\b.*\b(less than|within|under|inside) (a day|an hour|\d+ ?(hours?|hrs?|days?)|a few hours|(24|48) ?h)\b`,
    // A change only supposed, asked as what then: "what if i need to cancel?", "what happens if we have to reschedule",
    // "what happens when i cancel". A new time said with it ("what if i need to move it to friday") asks for that move.
    String.raw`\b(what|how does (it|that) work) (happens |would happen |do i do |should i do )?(if|when) ${WHO} ${MUST}${CHANGE}\b(?!.*\b(to|for|on) (mon|tue|wed|thu|fri|sat|sun|tomorrow|tmrw|next|the \d|\d))`,
    String.raw`\bwhat (happens|would happen) (if|when) ${WHO} ${CHANGE}\w*\b(?!.*\b(to|for|on) (mon|tue|wed|thu|fri|sat|sun|tomorrow|tmrw|next|the \d|\d))`,
    // A change asked about with how close the booking is: "is it ok to change my appt if its in 2 days",
    // "can i still cancel if its tomorrow". The closeness is the question, no new time.
    String.raw`\b${CHANGE}\w*\b.*\bif (it'?s|its|it is|that'?s|thats|the (appt|appointment|booking) is) (only |just |already )?(in|within|less than|under) (\d+|a|an|one|two|three|a few|a couple( of)?) ?(hours?|hrs?|days?)\b`,
    // "can i move it or is that too late", "cancelling now, is it too late?": the doubt after the change,
    // with no new day or hour for it (a time said is a move asked for).
    String.raw`\b${CHANGE}\w*\b(?!.*\b(to|for|on|at) (mon|tue|wed|thu|fri|sat|sun|tomorrow|tmrw|next|the \d|\d)).*\b(is|would) (that|it|this)( be)? too (late|short notice|last minute)\b`,
    // A fee asked back about the change just made: "do i get charged anything for that?", "is there a fee for that".
    String.raw`\b(do|will|would|does) (i|we) (get |be )?(charged|billed)( anything| something| extra| a fee)? for (that|it|this)\b|\b(is|was|will) there (a|any) (fee|charge|penalty) for (that|it|this)\b`,
    // Missing or being late is the same policy: "what happens if i miss my appt", "what if i'm running late",
    // "do you charge for no shows", "is there a fee if i don't show up".
    String.raw`\bwhat (happens|happen|if|would happen|do you do)( if)? ${WHO} (${MISS})`,
    String.raw`\b(fee|fees|charge|charged|penalty|pay)( me| anything| something| extra)? (for|if ${WHO}|when ${WHO}) (${MISS}|missing|missed|no ?-?shows?|being late)`,
    // Asked of anyone, never a request of the customer's own: "what if someone cancels last minute",
    // "do you charge people who no show".
    String.raw`\bwhat (happens |would happen )?(if|when) ${OTHERS} (ever )?((needs?|has|had|wants?) to )?(${CHANGE}|${MISS}|no ?-?shows?)`,
    String.raw`\b(fee|fees|charge|charged|penalty|penalties)\b.*\b${OTHERS} (who|that) (${CHANGE}\w*|${MISS}|no ?-?shows?)`,
  ].join('|'),
);

/**
 * "whats the rule on changing an appt last minute", "what's your policy for rescheduling", "the deal with no shows",
 * "any rescheduling rules?": the rules of a change asked by name, like "policy" itself (index.ts POLICIES): beside
 * "when is my appointment" the customer's own booking is answered first, the rules with it.
 */
export const RULES_OF_A_CHANGE = new RegExp(
  String.raw`\b(rules?|polic(y|ies)|deal|terms) (on|for|about|around|regarding|with|w/?|when|if) (${WHO} ${MUST}?)?${CHANGING}\b|\b${CHANGING} (rules?|polic(y|ies)|terms)\b`,
);

/** The message asks about the rules for changing or cancelling rather than for a change. */
export function asksPolicy(s: string): boolean {
  return POLICY_QUESTION.test(s) || asksLatestChange(s) || supposesChange(s);
}

// Where a booking said beside the rules question ends and the question begins: "cut the 10th at 1:30 + do u charge...".
const PART = /\s*(?:[?+&;!]+|,|\.(?!\d)|\b(?:and|also|plus|oh and)\b)\s*/;
// A part about a booking already made or its change is no new booking: "if i cancel my cut on friday".
const ABOUT_BOOKED = new RegExp(String.raw`\b(my|our|it|have|had|got|appt|appointment|booking|booked|${CHANGE_VERBS})\w*`);
// A day or hour in the part: the booking asked names when.
const WHEN_SAID = /\d|\b(today|tomorrow|tmrw|tmr|mon|tues?|wed|thu|thurs?|fri|sat|sun)[a-z]*\b/;

/**
 * "cut the 10th at 1:30 + do u charge if i cancel late?", "any fee to cancel? book me a color sat at 2":
 * beside the rules question, a part of its own asking a new booking at a day or hour. The rules are
 * answered, then that booking goes on; a part naming what is booked or its change is the question's own.
 */
export function bookingBesidePolicy(s: string): boolean {
  const parts = s.split(PART).filter((p) => p.trim());
  return parts.length > 1 && parts.some((p) => asksPolicy(p)) && parts.some((p) => !asksPolicy(p) && WHEN_SAID.test(p) && !ABOUT_BOOKED.test(p) && !/\b(if|when|what|how)\b/.test(p));
}
