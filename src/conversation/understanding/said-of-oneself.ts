// "that's the only time i can leave the office", "i'll leave the kids with my mom", "it's the
// only day i can make it": a verb the customer says of themselves (after "i", "we", "i'll",
// with a "can" or "have to" between) tells about their day. Said to the salon, the same verbs
// ask something of a booking ("leave the color as is", "make it 4"); said of oneself, they
// ask nothing.

// What may stand between the subject and the verb: "i can", "we have to", "i usually just".
const BETWEEN = [
  String.raw`can|could|cant|can't|cannot|will|would|should|must|might|may`,
  String.raw`usually|always|just|also|only|then|finally|even|still|probably`,
  String.raw`have to|has to|need to|got to|gotta|gonna|wanna|want to|get to|try to|hope to|plan to|going to`,
].join('|');

/**
 * A lookbehind that fails when the verb after it is said of oneself: a subject with at least one
 * word between ("i can leave", "we have to make it"), or "i'll"/"we'll" with any.
 * "can we make it 4" (the verb asked of the salon, the subject after "can") is not of oneself.
 */
export const NOT_OF_ONESELF = String.raw`(?<!\b(?:(?:i|we)(?: (?:${BETWEEN}))+|(?:i'?ll|ill|we'?ll|i'?d|we'?d)(?: (?:${BETWEEN}))*) )`;
