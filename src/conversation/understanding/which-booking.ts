// Which of the customer's bookings a cancel means, read apart from the rest of the rules:
// every one ("cancel both"), each of several named in one text ("my color on friday and
// the haircut on the 10th"), the one left after another is kept ("cancel the color, keep
// the cut"), another than the one on screen ("no i meant friday's color"), and the same
// request again for the next booking ("and the color on monday too"). The provider
// matches these against the customer's appointments in hand.
import { WILL_NOT } from './called-off.ts';
import { DROP_VERB, SCRATCH_BOOKING } from './cancel-verbs.ts';
import { normalize, simplify } from './text.ts';
import type { BookingOrder, BookingTarget, DateRange, ServiceCatalogEntry } from './types.ts';

/** "both", "all of them", "all my appointments", "everything": every booking meant, not one. */
// "all three of the kids cuts", "all 3 of them", "all of em": every booking, counted or not ("all three of us" is a party).
const ALL_BOOKINGS =
  /\b(both|all ((2|3|4|5|two|three|four|five) )?(of )?(them|em|my|our|those|these|the|\w+ (appointments|appts|bookings))|(them|those|these) (both|all)|every ?(thing|one|appointment|appt|booking)|each (one|of them))\b/;
/** "keep the cut", "i only want the color now", "the color is fine": the service named there stays booked. */
// "dont touch the consult", "the consult remains": kept too, said as what not to do to it.
// "the one on the 11th doesnt change", "no change to the 11th", "the 11th stays the same": kept, said as no change.
const KEEPS =
  /\b(do ?n'?t|do not|no need to) (touch|mess with)\b|\bremains\b|\b(keep(ing)?|leave|only (want|need)|just (want|need)|still (want|need)|still (do|doing|coming|come|making it|make it))\b|\b(is|are|'s|s) (still )?(fine|ok|okay|good|staying)\b|\b(can|will|should) stay\b|\bstays\b|\b[a-z]+ and [a-z]+ (stay|remain)\b|\b(both|the others?|the rest|others|those|they) (stay|remain)\b|\bstay (put|as is|as they are|booked)\b|\bstill (works|good|fine|on|happening)\b|\b(i'?ll|ill|i will|we'?ll|we will) (just |still )?(see|stick with|stay with|go with|keep going to)\b|\b(does ?n'?t|does not|wo ?n'?t|will not|should ?n'?t|should not) (need to |have to )?(change|move)\b|\bno change (to|for|on)\b|\bstays? the same\b/;
/** "i can't make", "won't be able to come to": in a cancel these name the booking, they rule no time out. */
const CANT_MAKE = new RegExp(String.raw`\b${WILL_NOT}( be able to)? (make|come( in)?( to| for)?|attend|do)\b`, 'g');
/** "monday isn't going to work anymore, cancel it": in a cancel the day before these words is the booking's ("now" there is no time). */
const NO_LONGER_WORKS = /\b(is ?n'?t|is not|does ?n'?t|does not|won'?t|wont|will not) (going to |gonna )?(work|do)( for (me|us))?( (any ?more|now|after all))?\b/g;
/**
 * "no i meant friday's color", "not that one, the color": another booking than the one on screen.
 * Also a reply that opens by naming one ("the one on the 11th", "nope, the appt at 3").
 */
// "just the friday one", "only my color appt": of the several on screen, the one named.
// "the 10th is the one i cant make", "friday is the one to cancel", "its the 10th i cant make": another booking than the one shown, said as the one meant.
const IS_THE_ONE =
  String.raw`\b(?:(?:mon|tue|wed|thu|fri|sat)[a-z]*|the \d{1,2}(?:st|nd|rd|th)|[a-z]{3,9} \d{1,2}(?:st|nd|rd|th)?) is (?:the|my) (?:one|appt|appointment|booking)\b|\b(?:it'?s|its) (?:the|my|on the) [\w ]{1,20}? (?:i|we) (?:can'?t|cannot|won'?t|wont|will not) (?:make|do|come)\b`;
const MEANT_OTHER = new RegExp(
  String.raw`${IS_THE_ONE}|\b(i meant|meant|i mean|not (that|this) one|wrong one|the other( one)?|other one)\b|\b(just|only) (the |my )?(?!(want|need|like|wanna|have|got|do|book)\b)([a-z0-9']+ ){1,2}(one|appt|appointment|booking)\b|^((no|nope|nah|sorry|oh|wait)( no)? )*(it'?s |its )?the (one|appt|appointment|booking) (on|at|for|from|with|in)\b`,
);
/** "and the color on monday too", "also my friday one": the last request again, for another booking. */
const CONTINUES = /^(and|also|plus|oh and|same (for|with))\b|\b(too|as well|also)$/;
/** The verbs a cancel opens with, to find the clause that says what it cancels. */
const CANCEL_VERB = new RegExp(String.raw`\b(cancel|call off|call (it|that|this|them|my \w+|the \w+) off|${DROP_VERB}|${SCRATCH_BOOKING}|delete|remove|get rid of|take \w+ off)\b`);
/** Where one named booking ends and the next begins ("my color on friday | and | the haircut on the 10th"). */
// "(wed + fri)": a plus between two bookings joins them as "and" does (never a phone number's "+1").
const JOINS = /\b(?:and|plus|as well as)\b|&|\+(?!\d)/g;

const WEEKDAY_WORD = String.raw`(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*`;
/**
 * "one of my saturday cuts", "either of my friday appts", "my 2 monday ones", "one of the cuts i have on sat":
 * the words say several bookings are on that weekday, so a weekday alone reaches each of them,
 * whichever week, and which one is asked rather than guessed.
 */
const SEVERAL_ON_WEEKDAY = new RegExp(
  String.raw`\b(?:(?:one|either|which|whichever|any) of (?:my|our|the|those|these)|(?:my|our|the) (?:two|2|three|3)) (?:(?:two|2|three|3) )?(?:${WEEKDAY_WORD}(?:s\b|'?s? [a-z]+s\b)|[a-z]+s (?:(?:i|we) have |booked )?(?:on )?${WEEKDAY_WORD}\b)`,
);

/** The words say several of one's bookings fall on the weekday said (SEVERAL_ON_WEEKDAY). */
export function severalOnWeekday(s: string): boolean {
  return SEVERAL_ON_WEEKDAY.test(s);
}

/** "the later one", "my next appointment", "the 2nd one": a booking picked by its place in time. */
// "cancel whichever of my 2 appts is sooner", "whichever appt of mine comes first": the same order words after "whichever".
const WHICHEVER = /\bwhich ?ever( one| appt| appointment| booking)?( of (my|our|the|them|those|these|mine|ours)( \w+){0,2})? (is|comes|comes up|'?s) (?<word>next|first|earlier|earliest|sooner|soonest|later|latest|last)\b/;
const BY_ORDER =
  /\b(?:the|my|our) (?<word>next|first|1st|early|earlier|earliest|sooner|soonest|second|2nd|third|3rd|late|later|latest|last|middle) (?:one|appointment|appt|booking|visit|of (?:them|those|the \w+|(?:my|our) (?:\w+ ){0,2}(?:appointments|appts|bookings|visits|ones|\w+days|\w+s)))\b|(?:#|\bnumber |\bno\.? ?)(?<n>[1-9])\b/;
/** "the one that's later in the month", "the one which is sooner": the booking ordered by a clause about it. */
const THE_ONE_THAT = /\b(?:the|that) one (?:that'?s|thats|that is|which is|which'?s|that comes|coming) (?<word>earlier|earliest|sooner|soonest|later|latest|first|last)\b/;
const ORDER_WORDS: Record<string, BookingOrder> = {
  middle: 'middle', next: 0, first: 0, '1st': 0, early: 0, late: -1, earlier: 0, earliest: 0, sooner: 0, soonest: 0, second: 1, '2nd': 1, third: 2, '3rd': 2, later: -1, latest: -1, last: -1,
};

const ORDINAL_WORDS: Record<string, string> = { '1st': 'first', '2nd': 'second', '3rd': 'third', '4th': 'fourth' };
/** "the 2nd one", "my 3rd appt": a place in a list, said with the thing counted (the date parser would read "the 2nd"). */
const ORDINAL_BOOKING = /\b(the|my|our) (1st|2nd|3rd|4th) (one|appointment|appt|booking|visit)\b/g;

/** "move the 2nd one to sat" reads "move the second one to sat": a place in the list, never the 2nd of the month. */
export function spellOrdinalBooking(raw: string): string {
  return raw.replace(ORDINAL_BOOKING, (whole: string, det: string, n: string, noun: string, at: number) =>
    ordinalIsDate(raw, at) ? whole : `${det} ${ORDINAL_WORDS[n]} ${noun}`);
}

// "my thurs the 3rd appt", "can i move fri the 2nd appointment": an ordinal right after a weekday or
// month is that day of the month, naming the booking by its date, not by its place in the list
// ("cancel friday, the later one" still orders Friday's; only the ordinals a date can be are read so).
const DAY_NAME_BEFORE = /\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*) $/;
const DATE_ORDINAL = /^(?:the|my|our) (?:1st|2nd|3rd|first|second|third)\b/;

/** The ordinal at `at` ("the 3rd appt") follows a weekday or month, so it is a date. */
function ordinalIsDate(s: string, at: number): boolean {
  return DATE_ORDINAL.test(s.slice(at)) && DAY_NAME_BEFORE.test(s.slice(0, at));
}

/** Which booking by order: 0 the soonest, 1 the one after, -1 the last, 'middle'; undefined when the words say none. */
export function bookingByOrder(s: string): BookingOrder | undefined {
  const byOrder = BY_ORDER.exec(s);
  const ordered = byOrder && !ordinalIsDate(s, byOrder.index) ? byOrder.groups : undefined;
  const g = ordered ?? WHICHEVER.exec(s)?.groups ?? THE_ONE_THAT.exec(s)?.groups;
  if (!g) return undefined;
  return g.n !== undefined ? Number(g.n) - 1 : ORDER_WORDS[g.word!];
}

/** "move me to friday, keep the 2pm", "keep it at 2": in a move, the time kept is the new one's. */
const KEEPS_TIME = /\bkeep(ing)? (it at |the |my )?(same )?(time|hour|slot|\d{1,2}(:\d{2})?( ?[ap]m)?)\b/;

/** "any time after 5 is fine", "whenever before noon is ok": the new time's window accepted, no booking kept. */
const WINDOW_FINE = /\b(any ?time|anything|any slot|whenever|after \d{1,2}|before \d{1,2}|from \d{1,2}|between \d{1,2})\b.*\b(is|are|'s|s) (fine|ok|okay|good)\b/;

/**
 * "cancel monday, thursday is still good", "cancel the one with lee, i'll keep dana": the
 * clauses that say what stays booked are dropped, so the day or person left names the one
 * canceled. The text is returned whole when every clause keeps something (a clause with a
 * cancel verb is never dropped, nor, in a move, one that keeps its time).
 */
export function withoutKept(raw: string, opts: { moving?: boolean } = {}): string {
  const clauses = raw.split(/([,;.!?]|\bbut\b)/);
  const kept = clauses.map((c) => (saysKept(c, opts) ? ' ' : c));
  const left = kept.join('');
  return /[a-z0-9]/.test(left) ? left : raw;
}

/** A clause that says what stays booked ("keep the trim", "the cut is fine"), asking no cancel. */
function saysKept(clause: string, opts: { moving?: boolean } = {}): boolean {
  return KEEPS.test(clause) && !CANCEL_VERB.test(clause) && !(opts.moving && KEEPS_TIME.test(clause)) && !WINDOW_FINE.test(clause);
}

/** "the colour, keep the trim": the clauses that say what stays booked (none when no clause does). */
export function keptClauses(raw: string): string[] {
  return raw.split(/[,;.!?]|\bbut\b/).filter((c) => saysKept(c));
}

/**
 * "moving next week, please cancel all my appointments": with every booking meant, a time
 * said before the cancel is its reason, not which ones; one after it ("all my appointments
 * next week") narrows them.
 */
export function fromCancelVerb(raw: string): string {
  const m = CANCEL_VERB.exec(raw);
  return m ? raw.slice(m.index) : raw;
}

/** The cancel's words without "can't make" or "isn't going to work", so the day they name is read as the booking's. */
export function withoutCantMake(raw: string): string {
  return raw.replace(CANT_MAKE, ' ').replace(NO_LONGER_WORKS, ' ');
}

/**
 * What opens the time asked in place of one that can't be kept: "can we do", "could i come", "can she do" (a
 * relative's booking), "how about", "is 2pm ok", and a question for openings ("what's open thurs", "what do u have
 * friday", "got anything monday", and after a pause "anything for him after 4?", which "can't make anything
 * after 4" is not).
 */
const ASKS_INSTEAD =
  /(?<=[,.;!?] ?|\b(?:so|but) )any(?:thing| time| slots?| spots?| openings?)? (?:for (?:me|us|him|her|them) )?(?:after|before|later|earlier|sooner|around|past)\b|\b(?:(?:can|could|would|may) (?:we|i|you|u|he|she|they) (?:please )?(?:do|make it|come( in)?|go|get|switch|try|have|move|push|change|reschedule)|how about|what about|what(?:'?s| is| are)? (?:open|free|available|left)|what (?:do|have|else do) (?:you|u|ya)(?: guys)? (?:have|got)|(?:(?:you|u) )?(?:got|have) (?:any|anything)|any(?:thing)? (?:open|free|available|openings?|slots?|spots?|times?|availability)|(?:is|would|will|does) (?=[\w: ]{1,25}\b(?:ok|okay|work|good|fine|possible|free|available|open)\b))\b/;

/**
 * "can't make it tmrw unfortunately, can we do monday at 2", "i won't make 4. can we do 4:30?":
 * the words up to the request say which booking can't be kept (a bare "make 4" is its time),
 * the request the time asked in its place. Undefined without a "can't make" and a request after it.
 */
export function cantMakeThenAsks(raw: string): { booking: string; asked: string } | undefined {
  const cant = new RegExp(CANT_MAKE.source).exec(raw);
  if (!cant) return undefined;
  const end = cant.index + cant[0].length;
  const ask = ASKS_INSTEAD.exec(raw.slice(end));
  if (!ask) return undefined;
  const named = raw.slice(end, end + ask.index).replace(/^ (\d{1,2}(?::\d{2})?(?: ?[ap]m)?)\b/, ' at $1');
  return { booking: withoutCantMake(`${raw.slice(0, cant.index)} ${named}`), asked: raw.slice(end + ask.index) };
}

// "thursday wont work after all", "tmrw evening is a no go now", "friday no longer works": a
// day that stopped working is a booking's (a day that never worked has no "now" or "after all").
const STOPPED_WORKING =
  /\b(?:(?:is ?n'?t|is not|does ?n'?t|does not|won'?t|wont|will not|can'?t|cant) (?:going to |gonna )?(?:work|do)(?: for (?:me|us))? (?:any ?more|now|after all|no more)|no longer (?:works?|good|possible)|(?:is|'s|s) (?:a )?no[ -]?go(?: (?:any ?more|now|after all))?|(?:is|'s|s) (?:out|off) (?:now|after all))\b/;

// "monday is not gonna work. anything after 5 on wed?", "tmrw wont work for me, what about fri": a day said, then that it
// won't work, then the sentence ends: the booking on that day can't be kept (a bare "that won't work" may be about what is shown).
// Said in the future only: "friday doesnt work for me, monday?" tells when a new booking may not be.
const DAY_WONT_WORK =
  /(?<=\b(?:(?:mon|tues?|wed|weds|thu|thur|thurs|fri|sat)(?:day|nesday|rsday|urday|sday)?'?s?|tomorrow'?s?|tmrw'?s?|today'?s?)(?: (?:one|appt|appointment|booking|slot|time))?) (?:(?:is ?n'?t|is not|aint|ain'?t) (?:going to|gonna)|won'?t|wont|will not) (?:work|do)(?: for (?:me|us))?(?= ?[.,;!?-]| (?:but|so|any|what|how|do|can|could)\b)/;

/**
 * "thursday wont work after all, any morning next week is fine", "tmrw evening is a no go now.
 * monday the 7th, 4 or later?": the words before say which booking stopped working, the
 * clause after it the time wanted in its place. Undefined when nothing follows.
 */
export function stoppedWorkingThenAsks(raw: string): { booking: string; asked: string } | undefined {
  const own = OWN_WONT_WORK.exec(raw);
  const off = STOPPED_WORKING.exec(raw) ?? DAY_WONT_WORK.exec(raw) ?? own;
  if (!off) return undefined;
  const asked = raw.slice(off.index + off[0].length).replace(/^[\s,.;!?-]*(?:so|but|and|instead)?\b/, ' ');
  if (!/[a-z0-9]/.test(asked)) return undefined;
  // "my 9th appt isnt gonna work at 11": the time said after the verb is the booking's too.
  const at = off === own ? (own.groups?.at ?? '') : '';
  return { booking: withoutCantMake(raw.slice(0, off.index) + at), asked };
}

// "my wed the 9th appt isnt gonna work at 11, anything after 5", "my 3pm on friday doesnt work, any later?": the
// customer's own booking, named by a booking word or by its date or time, won't work (at its time); a clause
// follows. "my friend said tuesday wont work" names no booking of theirs (no booking word, date or time).
const OWN_WONT_WORK =
  /(?<=\b(?:my|our) (?:[^,.;!?]{0,30} )?(?:appt|appointment|booking|one|slot|\d{1,2}(?::\d{2})? ?(?:[ap]m|st|nd|rd|th)?)\b[^,.;!?]{0,25}) (?:(?:is ?n'?t|is not|aint|ain'?t) (?:going to |gonna )?(?:work|working)|(?:won'?t|wont|will not|does ?n'?t|does not) (?:work|do))(?: for (?:me|us))?(?: any ?more| now| after all)?(?<at> (?:at|@) \d{1,2}(?::\d{2})? ?(?:[ap]m)?)?(?= ?[.,;!?-]| (?:but|so|any|what|how|do|can|could|got|is)\b)/;

// "friday got crazy", "the 10th is bad now", "the tues 11am isnt working": a day said to have gone
// bad. Said after a move's new time, it names the booking moved, never a time ruled out of the new one.
const GONE_BAD =
  /\b(?:(?:got|gets|is|'s|s|has gotten|became|turned) (?:(?:so|too|really|very|super|kinda|kind of|a bit|way) )?(?:crazy|hectic|busy|bad|no good|impossible|complicated|packed|swamped)|(?:is ?n'?t|is not|does ?n'?t|does not|won'?t|wont|will not|no longer) (?:going to |gonna )?(?:work|working|works|do))(?: (?:for (?:me|us)|any ?more|now|after all|no more))*\b/;

/**
 * "push my appt to monday 9am, friday got crazy", "can i get moved to after 5 on the 10th? the
 * tues 11am isnt working": in a move, a clause after the new time saying a day went bad names
 * the booking; the words before it ask the new time. Undefined unless a clause comes before it.
 */
export function goneBadAfterAsk(raw: string): { booking: string; asked: string } | undefined {
  const clauses = raw.split(/[,;!?]|(?<=\w{2}|\d)\.(?=\s)/);
  const last = clauses.findIndex((c, i) => i > 0 && GONE_BAD.test(c));
  if (last < 1) return undefined;
  const asked = clauses.slice(0, last).join(', ');
  if (!/[a-z0-9]/.test(asked)) return undefined;
  return { booking: clauses[last]!.replace(GONE_BAD, ' '), asked };
}

/** "cancel that one", "move it", "that appointment": the booking just talked about, named by no service, day or person. */
const THAT_ONE = /\b(that|this) (one|appointment|appt|booking)\b|\b(cancel|move|reschedule|drop|push) (it|that)\b/;

export function refersToShown(s: string): boolean {
  return THAT_ONE.test(s);
}

export function asksForAll(s: string): boolean {
  return ALL_BOOKINGS.test(s);
}

/**
 * "pls cancel both my appointments": every booking, said in the sentence that cancels.
 * "oh both lol. the january one i dont need, cancel it": the "both" answers what was asked
 * before, and the cancel names one.
 */
export function cancelsAll(raw: string): boolean {
  const sentences = raw.split(/[.!?;]+/);
  const cancelling = sentences.filter((c) => CANCEL_VERB.test(c));
  return (cancelling.length ? cancelling : sentences).some((c) => ALL_BOOKINGS.test(simplify(c)));
}

/** "the friday one", "that appt on the 11th": words that point at one booking, not ask for a new one. */
const POINTS_AT_ONE = /\b(?:the|that|this)\b(?:[\w:/' ]{0,30})\b(?:one|appt|appointment|booking)\b/;

export function pointsAtOne(s: string): boolean {
  return POINTS_AT_ONE.test(normalize(s));
}

/** "i meant friday", "wrong day, should be the 4th", "friday at 3 not thurs": what was just done said again, set right. */
const SETS_RIGHT = /\b(i meant|meant to say|i mean|wrong (day|time|date|one)|should (have |'?ve |of )?been|supposed to (be|say)|not (the |on )?(mon|tue|wed|thu|fri|sat|sun)[a-z]*|not (at )?\d{1,2}(:\d{2})? ?([ap]m)?)\b/;

export function setsRight(s: string): boolean {
  return SETS_RIGHT.test(normalize(s));
}

export function meantAnother(s: string): boolean {
  return MEANT_OTHER.test(s);
}

const OPENER = String.raw`((no|nope|nah|sorry|oops|oh|wait|actually)( no)? )+`;
/** "no wait, the 5th not the 3rd", "oops not the color, the haircut": which booking, corrected, with the one not meant said too. */
const CORRECTS_WHICH = new RegExp(
  String.raw`^${OPENER}(i meant |i mean )?(the |my )?[\w']+( [\w']+)? not (the |my |that )?[\w']+$|^${OPENER}not (the |my |that )?[\w']+( [\w']+)? (i meant |i mean |it'?s |its )?(the |my )?[\w']+( one)?$`,
);
/** The words of the booking not meant, up to the clause's end. */
const NOT_MEANT = /\bnot (?:the |my |that )?(?!that one\b)[\w']+(?: [\w']+)?(?=\s*(?:[,.;!?]|$))/;

/**
 * "no wait, the 5th not the 3rd" reads "no wait, the 5th not that one": another booking than
 * the one on screen, named only by the words that are left. Other texts are returned as they are.
 */
export function notMeantAsThatOne(raw: string): string {
  const notMeant = NOT_MEANT.exec(raw);
  // "no wait, 3 not 2": an hour set right, read as the new time (new-hour.ts), not a booking.
  if (notMeant && NOT_AN_HOUR.test(notMeant[0])) return raw;
  return CORRECTS_WHICH.test(simplify(raw)) ? raw.replace(NOT_MEANT, 'not that one') : raw;
}

/** "not 2", "not at 10:30", "not 2pm": the words not meant are a clock time. */
const NOT_AN_HOUR = /^not (?:at )?\d{1,2}(?::\d{2})?(?: ?[ap]m)?$/;

/** "i meant", "wrong one": a correction said outright ("just my friday appt" may only check it). */
const SAYS_MEANT = new RegExp(String.raw`\b(i meant|i mean|meant the|wrong (one|appt|appointment|booking|day|date)|not (that|this) one)\b|${IS_THE_ONE}`);

/**
 * "wrong one, i meant the 15th. keep the 8th": a correction of which booking that also says
 * which stays; the clause kept is no request, so only the booking meant is left.
 */
export function meantWithoutKept(raw: string): string {
  const s = normalize(raw);
  return SAYS_MEANT.test(s) ? withoutKept(s) : raw;
}

/** "not the color", "not my haircut" closing a clause: a booking ruled out, whose service is no request. */
const RULED_OUT_BOOKING = /\bnot (?:the|my|that|this) (?!(?:that|this) one\b)[\w']+(?: [\w']+)?(?=\s*(?:[,.;!?]|$))/g;

/** "the one tmrw, not the color": the words that name what is meant, without the booking ruled out. */
export function withoutRuledOut(raw: string): string {
  const left = raw.replace(RULED_OUT_BOOKING, ' ');
  return /[a-z0-9]/.test(left) ? left : raw;
}

export function continuesLast(s: string): boolean {
  return CONTINUES.test(s);
}

/**
 * "cancel the coloring, keep the cut", "friday i only want the color now, drop the trim":
 * two services, one of them kept; the other is the one meant. Undefined unless exactly one
 * service is named outside the kept part.
 */
export function notKept(raw: string, matchServices: (text: string) => ServiceCatalogEntry[]): ServiceCatalogEntry | undefined {
  const parts = raw.split(/[,;.!]|\b(?:but|and|then|so)\b/);
  const kept = new Set(parts.filter((p) => KEEPS.test(p)).flatMap((p) => matchServices(p)));
  if (!kept.size) return undefined;
  const meant = new Set(parts.filter((p) => !KEEPS.test(p)).flatMap((p) => matchServices(p)).filter((s) => !kept.has(s)));
  return meant.size === 1 ? [...meant][0] : undefined;
}

/**
 * "cancel my color on friday and the haircut on the 10th", "cancel thursday and monday":
 * each part joined by "and" that names a service or a day is one booking meant. Undefined
 * unless there are two or more (one booking is read by the usual rules).
 */
export function bookingTargets(args: {
  raw: string;
  matchServices: (text: string) => ServiceCatalogEntry[];
  resolve: (text: string) => DateRange | undefined;
}): BookingTarget[] | undefined {
  const { matchServices, resolve } = args;
  const raw = cancelClauses(args.raw);
  const parts: string[] = [];
  let start = 0;
  for (const m of raw.matchAll(JOINS)) {
    parts.push(raw.slice(start, m.index));
    start = m.index + m[0].length;
  }
  parts.push(raw.slice(start));
  if (parts.length < 2 || parts.some((p) => KEEPS.test(p))) return undefined;
  const targets = parts.map((p) => target(p, matchServices, resolve));
  return targets.length >= 2 && targets.every((t) => t.serviceId || t.when) ? targets : undefined;
}

/**
 * "i booked 3 by accident, i only need the tuesday one. cancel monday and wednesday": the
 * clauses that name what is canceled, from the first with a cancel verb, without those that
 * say what is kept ("cancel my haircuts thurs and sat, keeping the color").
 */
function cancelClauses(raw: string): string {
  // "cancel the 3rd and the 10th but keep the 17th": a "but" opens a clause too.
  const clauses = raw.split(/(?<=[,.;!?])|(?=\bbut\b)/);
  const first = clauses.findIndex((c) => CANCEL_VERB.test(c));
  return clauses.slice(Math.max(first, 0)).filter((c) => !KEEPS.test(c)).join('');
}

function target(part: string, matchServices: (text: string) => ServiceCatalogEntry[], resolve: (text: string) => DateRange | undefined): BookingTarget {
  const services = matchServices(part);
  const when = resolve(part);
  return { ...(services.length === 1 ? { serviceId: services[0]!.id } : {}), ...(when ? { when } : {}) };
}
