// Deterministic, offline language understanding for the offline model provider.
//
// Pure functions: no I/O, no clock of its own, no process time zone. The caller passes the
// current instant and the business's IANA zone; every date is resolved in that zone.
// Every entry point is total: arbitrary text (empty, emoji, 5,000 characters, SQL or
// markup) yields an answer, at worst intent 'unknown', and never an exception.
import { businessClock, findClockTime, leadingPick, parseChoice, parseYesNo, readChoice } from './choice.ts';
import { serviceSwap, swapSaidBackwards } from './cancel-and-book.ts';
import { CHANGE_OF_BOOKING, changesOwnService } from './change-asked.ts';
import { CALLED_OFF, WILL_NOT } from './called-off.ts';
import { DROP_VERB, insteadAsksNew, OFF_THE_BOOKS, SCRATCH_BOOKING } from './cancel-verbs.ts';
import { spellCatalogShorthand } from './catalog-shorthand.ts';
import { withServiceTakenBack } from './service-taken-back.ts';
import { withoutTurnedDown } from './service-turned-down.ts';
import { withoutAsideBeforeAnyway } from './aside-before-anyway.ts';
import { withDayMovedOff } from './moved-off.ts';
import { consultAbout } from './consult-subject.ts';
import { asksForPerson, inOtherLanguage } from './asks-for-person.ts';
import { talkIsTheConsult } from './talk-at-consult.ts';
import { staffOfBookingAndNewTime } from './staff-of-new-time.ts';
import { aboutOthersBooking, asksOtherThanBooked, asksOwnBookings, changesBookedTime, staffNamesBooking, WHATS_BOOKED, WHICH_OF_STAFF } from './around-booking.ts';
import { arrowAsMove, spellMovedALittle, withoutAsItIsNow, forSomeoneElse, parseShift, SAME_AS_BEFORE, spellHalfAmounts, withoutNoticeGiven, withoutSameDay, withoutShiftAmounts, withoutWaitSaid } from './moves.ts';
import { insteadOfSplit } from './instead-of.ts';
import { moveNotCancel } from './move-not-cancel.ts';
import { MUST_MOVE, mustMoveThenAsks } from './must-move.ts';
import { asksIfRelativeBooked } from './relative-booked.ts';
import { tooEarlyBooked } from './too-early-booked.ts';
import { spellNewHours } from './new-hour.ts';
import { defersAnswer } from './holds-off.ts';
import { leavesForNow, putsOff, refusesBookingNow, takenBackWithReason } from './leaves-for-now.ts';
import { nextToBooking } from './next-to-booking.ts';
import { placedTold } from './placed-told.ts';
import { eachListedTime } from './listed-times.ts';
import { withoutLateRemark } from './late-remark.ts';
import { withoutKnownRemark } from './known-remark.ts';
import { onlyArrivalNotice } from './arrival-notice.ts';
import { pricesOfOwnBookings } from './price-of-booked.ts';
import { withoutRebookLater } from './rebook-later.ts';
import { undoneCancelAsRebook } from './undo-cancel.ts';
import { cancelNotDone } from './cancel-not-done.ts';
import { cancelSetRight } from './cancel-set-right.ts';
import { cancelAsked } from './cancel-passive.ts';
import { withBookingByDay } from './booking-by-day.ts';
import { withoutBothListed } from './both-listed.ts';
import { asksBookingsLeft } from './bookings-left.ts';
import { unofferedService } from './not-offered.ts';
import { asksPolicy, bookingBesidePolicy, RULES_OF_A_CHANGE } from './policy-question.ts';
import { keepsOnlyIf, withoutKeepSupposed } from './keep-supposed.ts';
import { asksBookingWindow } from './booking-window.ts';
import { asksWhoWorks } from './who-works.ts';
import { afterAcknowledgment, checksBooking } from './checks-booking.ts';
import { asksOwnBooking, asksWhichOfTwoTimes } from './own-booking-asked.ts';
import { asksGiftCards } from './gift-card-asked.ts';
import { asksStaffOfBooking } from './staff-of-booking.ts';
import { signsOff } from './sign-off.ts';
import { withoutKeptToo } from './kept-too.ts';
import { withBookingBesides } from './booking-besides.ts';
import { withoutHadAlready } from './had-already.ts';
import { staffNamedByService } from './staff-by-service.ts';
import { switchesStaff } from './staff-switch.ts';
import { withoutRecalledBooking } from './recalled-booking.ts';
import { asksDuration, asksForEmail, asksIfFree, secondTopic } from './catalog-question.ts';
import { topicAsked } from './topic-asked.ts';
import { complainsOfElsewhere, needsStaff, onlyComplains } from './needs-staff.ts';
import { withParty } from './party.ts';
import { asksOneMore, comesToo, namesOtherOfFamily } from './one-too.ts';
import { onlyOneMeant } from './only-one.ts';
import { withKeptDay } from './kept-day.ts';
import { withDaysByNumber } from './days-by-number.ts';
import { bookedWrongDay } from './booked-wrong.ts';
import { matchService, matchServices, matchStaff, servicesNamedApart, staffAsStylist, withoutStaffName } from './services.ts';
import { correctTypos, normalize, simplify, spellCommandLetter, spellTwoAsTo, unswapWords, words } from './text.ts';
import { MONTH, WEEKDAY_WORD } from './shorthand.ts';
import { NOT_OF_ONESELF } from './said-of-oneself.ts';
import { monthNamed } from './month-named.ts';
import { twoBookings, withSecondRequest } from './two-requests.ts';
import { besideOwnBooking } from './own-booking-named.ts';
import { asksForAll, bookingByOrder, bookingTargets, cancelsAll, cantMakeThenAsks, goneBadAfterAsk, stoppedWorkingThenAsks, continuesLast, fromCancelVerb, meantAnother, meantWithoutKept, notKept, notMeantAsThatOne, refersToShown, severalOnWeekday, spellOrdinalBooking, withoutCantMake, withoutKept, withoutRuledOut } from './which-booking.ts';
import { saysEitherTime } from './either-time.ts';
import { askedAndFallback, namesEitherStaff } from './either-staff.ts';
import { withoutBusyDay } from './day-busy.ts';
import { withDayCounted } from './day-counted.ts';
import { asksSameStaff } from './same-staff.ts';
import { saysThatDay } from './that-day.ts';
import type { DateRange, Expecting, Intent, ServiceCatalogEntry, StaffEntry, Understanding, UnderstandContext } from './types.ts';
import { RELATIVES } from './relatives.ts';
import { parseWhen, resolveWhen, todayForItsWeekday, type ResolvedWhen } from './when.ts';

export type { BookingOrder, DateRange, Expecting, Intent, ServiceCatalogEntry, Shift, StaffEntry, UnderstandContext, Understanding } from './types.ts';
export { INTENTS } from './types.ts';

export { matchService, matchStaff, parseChoice, parseWhen, parseYesNo };

const WEEK_MS = 7 * 86_400_000;

/** Offers shown at most at once when the caller does not say how many. */
const DEFAULT_OPTION_COUNT = 9;

// Works at any point of a dialog, whatever the bot asked.
const HUMAN =
  /\b(agent|human|representative|operator|receptionist|manager|real person|live person|actual person|a person|someone real|real human|staff member|talk to (a |an |some )?(person|someone|somebody|human|people)|speak (to|with) (a |an )?(person|someone|somebody|human|manager|staff)|call me( back)?|(talk|speak|chat) (to|with) (a|an|one of (the|your)|your|the) (stylists?|barbers?|staff|team|owner)|(have|get|can) (a |the |one of the |your )?(stylist|barber|someone|somebody) (call|text|phone|contact) me)\b/;
const HELP_ONLY =
  /^(help|help me|help please|please help|i need help|need help|info|information|menu|commands|options|what can (you|i) do|what do you do|how does this work|how do i use this|what do i (say|type|do)|\?+)$/;
// "if not, move it" is no refusal: it asks for the move when the answer allows it.
const NEGATED_CHANGE = /(?<!\bif )\b(don'?t|do not|dont|no need to|not) (cancel|reschedule|move|change)\b/;
// "keep it", "leave it as is": the customer stays with what they have. "leave the color" is said to the
// salon; "the only time i can leave the office" tells of the customer's day (said-of-oneself.ts).
const KEEP = new RegExp(
  [
    String.raw`\b(keep (it|my|the|that|this|them)`,
    String.raw`leave it ?\w*( as (it is|is))?`,
    String.raw`${NOT_OF_ONESELF}leave (my|the) ?\w*( as (it is|is))?`,
    String.raw`leave (my|the) \w+( \w+)? as (it )?is`,
    String.raw`it'?s fine as is|all good as is)\b`,
  ].join('|'),
);
// "keep the 11:30", "keep my time", "keep it at 3": one part of the booking kept while the rest changes.
const KEEP_PART = /\bkeep(ing)? (it at |the |my )?(same )?(time|hour|slot|\d{1,2}(:\d{2})?( ?[ap]m)?)\b/;
// Openers of a change of mind: what follows them is the new request ("nevermind cancel it").
const CHANGE_OF_MIND = /^(never ?mind|nvm|actually|wait|oh wait|no wait|hmm+|oh|um+|scratch that|forget (it|that)|on second thought|sorry|no|nah|nope)\b[ ,.!-]*/;
// Words that take back what was being asked, alone or with openers: "actually no, forget it", "nvm then".
const TAKE_BACK = /\b(never ?mind|nvm|forget (it|that|about it|this|all that)|scratch that|don'?t bother|i'?ll pass|(i )?changed my mind|(don'?t|dont|do not) (book|schedule|reserve)( (it|that|this|anything|nothing|me|us))?( (then|after all|for now|at all|yet))?$)\b/;
const TAKE_BACK_ONLY = new RegExp(
  `^((${TAKE_BACK.source}|actually|wait|oh|hmm+|um+|ugh|ok|okay|no|nah|nope|sorry|lol|then|thanks|thx|ty|thank you|please|pls|for now|you know what|on second thought)\\b[ ,.!-]*)+$`,
);
const POLICIES = /\b(polic(y|ies)|cancellation (fee|charge|window|rules?)|late fee|no ?-?show (fee|policy)|deposit|refunds?|cancellation|terms)\b/;
/** The policies asked by name, in those words or as the rules of a change (policy-question.ts). */
const namesPolicies = (s: string) => POLICIES.test(s) || RULES_OF_A_CHANGE.test(s);
// "friday", "thurs": a day of the week by its name.
const WEEKDAY_NAME = `(${WEEKDAY_WORD})`;
// A new day or time said after "to": "to the 16th", "to this friday", "to 3pm", "to dec 18".
const NEW_DAY = String.raw`(the |this |next )?(\d[\w:/]*|(?:${WEEKDAY_WORD})\b|today|tomorrow|tmrw|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)`;
/** A move asked in so many words, each way of saying it one alternative. */
// "on thursday", "on the 10th", "at 2": the day or time a booking is named by, between its service and the verb.
const ON_ITS_DAY = String.raw`((on|at|for) (the )?[\w:]+ )?`;
const MAYBE = String.raw`(might|may|could|will|would|should|probably|prob|gonna|going)`;
// A booking moved, said passive ("be pushed", "get bumped").
const MOVED_PARTICIPLE = String.raw`(moved|pushed|bumped|shifted|switched|changed|rescheduled|slid|scooted|nudged)`;
const RESCHEDULE_SAID = new RegExp(
  String.raw`\b(${[
    String.raw`reschedule|rescheduling|re-?book|postpone`,
    String.raw`(push|bump)(ing)? (it|my|the|back|up|out|both|all|them|our|these|those|to)`,
    // "can you push me to 5:30", "bump us back to 4": the customer said for their booking.
    String.raw`(push|bump)(ing)? (me|us) (to|back|up|out|later|earlier|forward|till|until)\b`,
    String.raw`(push|bump|move) ((mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(day)?|tuesday|wednesday|thursday|saturday|today|tomorrow|tmrw)'?s\b`,
    String.raw`(change|switch|move) (it |me |us |my \w+ |the \w+ )?from`,
    String.raw`(move|shift) (my|the|it|our|this|that|me|us|mine|to|both|all)\b`,
    // "thinking of moving my wed cut to thurs": the verb's -ing form asks the same ("moving to brooklyn" does not).
    String.raw`(moving|shifting) (my|the|our|it|this|that|both)\b`,
    String.raw`move (?!(in|out|on|up|back|forward|over|along|ahead|here|there)\b)[\w']+( [\w']+){0,2} to\b`,
    // "move fri the 11th 4pm to sat at 1": the booking said by its day, date and time, however many words they take.
    String.raw`move (the )?((mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat)(day)?|tuesday|wednesday|thursday|saturday|today|tomorrow|tmrw|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\d{1,2}(st|nd|rd|th|\/\d{1,2})?)\b( [\w':/]+){0,4} to\b`,
    String.raw`(be|get|have it|had it|need(s)? (it|that|this|them|mine)|want(s)? (it|that|this|them|mine)) moved\b`,
    // "school concert got moved" gives a reason; only "got moved to ..." asks for a move.
    String.raw`got moved to\b`,
    // "can the color on thursday go to friday": the booking may be named with its day.
    // "can my cut on monday be pushed to 5:30", "could my appt on the 9th get bumped to 3": any move verb, said passive.
    // "my meeting might get pushed to 4" is a maybe of someone else's plans.
    String.raw`(my|the|our) (?!(${RELATIVES})\b)(?!(\w+ ){0,2}${MAYBE} )(\w+ ){1,2}${ON_ITS_DAY}(go|moved|(be|get) ${MOVED_PARTICIPLE}) to\b`,
    // "can this friday's cut go to 3pm", "could this thursday's color be moved to 4": the booking said by "this" and its day's name.
    String.raw`(this|that) ${WEEKDAY_NAME}'?s (\w+ )?${ON_ITS_DAY}(go|moved|(be|get) ${MOVED_PARTICIPLE}) to\b`,
    String.raw`(my|the|our) (?!(${RELATIVES})\b)(\w+ ){1,2}${ON_ITS_DAY}(go|(be|get) ${MOVED_PARTICIPLE}) from\b`,
    String.raw`move (an |one of my |a )?(appointment|appt|booking)`,
    String.raw`(change|changing) (my|the|our) (\w+ )?(time|appointment|appt|booking|reservation|day|date|slot)`,
    String.raw`change (my|the|our) (?!mind\b)[\w']+( [\w']+)? to\b`,
    String.raw`change (it|the time|time)`,
    // "need to change my color on the 9th to the 16th", "swap my cut for friday to monday": the booking named by
    // its day, then a new day or time after "to" ("change my color on the 9th to blonde" names no time: not a move).
    String.raw`(change|changing|switch|switching|swap|swapping) (my|the|our) [\w']+( [\w']+)? (on|for) (the )?[\w/]+( [\w':]+)? to ${NEW_DAY}`,
    // "monday at 11 is rough, could i swap to this friday after 5?": the booking's day said first, then changed to a
    // day or time ("switch to a color", "swap to lee" name a service or a person; "can i switch to 2pm" alone names
    // no booking and stays a request that may change one, around-booking.ts).
    String.raw`(?<=\b(${WEEKDAY_NAME}|the \d{1,2}(st|nd|rd|th)|\d{1,2}(:\d{2})? ?([ap]m)?)\b.*)(change|switch|switching|swap|swapping) (it |that |this |mine |me |us )?(over )?to ${NEW_DAY}`,
    String.raw`(switch|switching) (my|the|it)`,
    // "can i switch sat to 3pm", "change thursday's to 11": the day said is the booking's, the rest its new time.
    String.raw`(switch|change|shift|swap) ((mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat)(day)?|tuesday|wednesday|thursday|saturday|today|tomorrow|tmrw)('?s)?( (appt|appointment|one|booking))? to`,
    String.raw`bring (it|my appointment) forward`,
    // "can i change mine to 6pm", "can tomorrows appt go to friday": the booking said as "mine" or by its day's name.
    String.raw`(change|changing|switch|switching|swap|push|bump) mine\b`,
    String.raw`((mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat)(day)?|tuesday|wednesday|thursday|saturday|today|tomorrow|tmrw)('?s)? (\w+ )?(appointment|appt|one|booking|slot|visit|session) (go|be moved|get moved|be switched|be changed) (to|from)\b`,
    String.raw`(my|the|our|it|that|this) ([\w':]+ ){0,4}(become|turn into)`,
  ].join('|')})\b`,
);
// "can i change an appointment", "need to move one of my cuts": a change asked before saying which booking or to when.
// "my sat cut has to move": a booking said to have to move (must-move.ts).
const RESCHEDULE = new RegExp(`${RESCHEDULE_SAID.source}|${CHANGE_OF_BOOKING.source}|${MUST_MOVE.source}`);
// "won't be able to come any earlier", "can't make it before 5": when the customer can come, no booking called off.
const NOT_SOONER_OR_LATER = String.raw`(?! (?:any |much |a bit |a little )?(?:earlier|sooner|before|later|till|until|til)\b)`;
// Besides the verbs, the words of called-off.ts ("not coming fri", "gonna have to bail on monday").
const CANCEL = new RegExp(
  String.raw`\b(cancel|call off|call (it|that|this|them|my \w+|the \w+) off|${DROP_VERB} (the|my|that|it|one of (my|our|the))\b(?! off)|${DROP_VERB} (?=(mon|tue|wed|thu|fri|sat)[a-z]*\b|(tomorrow|tmrw|today)\b|${MONTH} \d|\d{1,2}(st|nd|rd|th)\b)|${SCRATCH_BOOKING}|delete (my|the) (appointment|booking)|remove (my|the) ([\w']+ ){0,2}(appointment|appt|booking|one)s?|${OFF_THE_BOOKS}|get rid of (the|my|that|this|it|them|both)|${WILL_NOT} (make (it|my \w+|the \w+|that \w+)|come|be able to (make it|come|attend)|attend|be (coming|making it|needing|there))${NOT_SOONER_OR_LATER}|take (me|us|it|that|my \w+|the \w+) off)\b|${CALLED_OFF.source}`,
);
// "when my cut starts", with no verb after "when", is a clause placing something by the booking, not a question about it.
const MY_APPOINTMENTS = new RegExp(
  [
    String.raw`\b(my|our) (upcoming |next |current |existing |scheduled |booked |future )?(appointments?|bookings?|reservations?)\b`,
    String.raw`\b(when|what time|what day|what date)('s| is| was| are|s) (my|our)\b`,
    // "when's mine again", "what time is ours": the booking said as the customer's own.
    String.raw`\b(when|what time|what day|what date)('s| is| was|s) (mine|ours)\b`,
    String.raw`\b(when|what time|what day|what date) (my|our)\b(?! [\w' ]*\b(starts|begins|ends|finishes|wraps up|is (done|over|finished)|kicks off)\b)`,
    String.raw`\bdo (i|we) have (an?|any) (appointment|booking|reservation)s?\b`,
    String.raw`\b(show|list|see|check|view) (me )?(my|our)\b`,
    String.raw`\bwhat (did i|have i) book`,
    String.raw`\bam i (booked|scheduled|confirmed)\b`,
    // "just confirming my consult time", "double checking my appt", "verifying our booking": a check of the booking by its own words.
    String.raw`\b(confirming|double ?-?checking|checking on|verifying) (my|our) ([\w']+ )?(time|appt|appointment|booking|reservation|day|date|slot)s?\b`,
    String.raw`\bwhen am i (booked|scheduled|coming)\b`,
    String.raw`\b(do|did) (i|we) have (anything|something|any ?thing|an? appt|any appts?) ?(booked|scheduled|coming up|on the books|reserved)?\b`,
    String.raw`\bwhat (do|did|have) (i|we) (got |have )?(booked|scheduled|coming up)\b`,
    String.raw`\b(when|what time|what day)('s| is| was|s) (it|that|the appointment|the appt|my appt|my next)\b`,
    // "how many appts do i have in december", "how many bookings have we got": one's bookings counted, so listed.
    String.raw`\bhow many (appointments|appts|bookings|reservations|visits) (do|did|have) (i|we)\b`,
    String.raw`\bmy (appt|appts|next one)\b`,
    String.raw`\b(do|did|have) (i|we) (already |still |currently |even |actually )?(have|got) (anything|something|any ?thing|an? (appointment|booking|reservation)|any (appointments?|bookings?|reservations?))\b`,
    String.raw`\bwhat (appointments?|bookings?|reservations?) (do|did|have) (i|we)\b`,
    String.raw`\b(anything|something|any (appointments?|bookings?)) (booked|scheduled|coming up|on the books) for (me|us)\b`,
    String.raw`\bis there (anything|something|an? (appointment|booking|reservation)) (booked |scheduled )?(for|under) (me|us|my name)\b`,
    String.raw`\bwhat('?s| is) (coming up|on the books|booked) for (me|us)\b`,
    // "did my january booking go through?", "is the friday appt confirmed": whether a booking named by its day or month was made.
    String.raw`\b(did|has|have|is|was) (my|our|the) ([\w']+ ){1,2}(appointments?|appts?|bookings?|reservations?|one) ((go|gone|went|get|got|been) )?(through|thru|booked|confirmed|saved|made|set)\b`,
  ].join('|'),
);
const HOURS =
  /\b(opening hours|business hours|hours|open(ing)? times?|clos(e|ing) times?)\b|\b(are|r) (you|u)( guys| all)? (open|closed)\b|\b(you|u|y'?all)( guys)? (open|closed) (on|today|tomorrow|tonight|this|sun|mon|tue|wed|thu|fri|sat)|\b(do|does) (you|u|the \w+) (open|close) (early|late|on|at|today|tomorrow)\b|\bis (the|your) \w+ (open|closed)\b|\b(when|what time) (do|are) (you|u) (open|close|closed)\b|\bopen (on|today|tomorrow|at|until|till|late|now)\b/;
// "whats the addy", "addr?", "adress pls": the address as texts shorten or misspell it.
const ADDRESS = /\b(address|addy|addie|addr|adress|addres|where (do|should|shall|will|would|can) (i|we) (go|come|head|park|show up)|where are (you|u)|where r (you|u)|located|location|locations|directions|where is (the|your|it|that|my|our)|where's (the|your|it|that|my|our)|wheres (the|your|it|that|my|our)|parking|how do i get there|find (you|u))\b/;
// "what number can i reach the salon at", "which number do i text": the business's own number.
const CONTACT = /\b(phone ?(number|num|nbr|nmbr|no(?= ?(pls|please|plz|thx|again|for|to|of|[?]|$)))|contact|email (you|u|address)|(what|which)('?s| is)? (the |your |ur |an? )?e-?mail( address)?\b|e-?mail (can|should|could|do) (i|we)\b|call (you|u)|your (number|email|phone)|(the|ur|salon'?s?|shop'?s?|business'?s?) e-?mail|number to (call|text|reach))\b|phone ?#|\b(what|which)('?s| is)? (the |your |ur )?(phone |best )?number\b[^?]*\b(call|reach|text|ring|contact)\b|\breach (the|your|ur) (salon|shop|studio|store|office|front desk)\b/;
// "who is this?", "who am i texting", "what business is this": the customer does not know whose number this is.
const WHO_IS_THIS = /^((hi|hey|hello|sorry|um|uh|ok|wait|hmm) )*(who('?s| is| dis| r| are) (this|that|u|you)|who (am i|are we) (texting|talking to|messaging|chatting with)|(what|which) (business|place|salon|shop|company|number) is (this|that))( again| please| pls)?$/;
// "what services do you have? maybe a cut": the list asked outright, whatever service is named beside it.
const LIST_OF_SERVICES = /\b(what|which) (services|treatments)( (do|can|are|r) (you|u|y'?all|there))?\b|\bwhat (all )?(do|can) (you|u|y'?all)( guys)? (offer|provide)\b|\b(service|price) (list|menu)\b/;
// "what do you charge for color", "how expensive is a cut", "what does a trim run": a price in other words.
// A date as the reader names it by its number: "December 14", "Dec 14".
// "can't make thursday", "something came up tmrw", "i'm busy friday now": the day said is the booking's, not wanted.
const CANT_MAKE_DAY = /\b(?:(?:can'?t|cannot|won'?t|unable to|not able to) (?:make|come|do)|(?:something|smth|sth|stuff)(?: has|'?s)? (?:came|come|coming) up|(?:i'?m|im|i am|we'?re|we are) (?:busy|stuck|working|booked up|tied up))\b/;
const DATE_BY_NUMBER = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}\b/i;
const PRICE_ASKED_WORDS = /\b(how much|price|prices|pricing|priced|cost|costs|how expensive|rates|(you|u|y'?all|ya)( guys)? charge|the charge for)\b|\b(which|what)('?s| is| are) (the )?(cheaper|cheapest)\b|\bwhat('?s| is| do| does| would| will) ([a-z]+ ){1,3}(run|go for)\b/;
// "is a haircut still 40?", "is it 40 for a cut?", "is color $120": a price the customer thinks it
// is, asked back. Only an amount no clock or date reads as (13 to 99, or three digits after the service or with "bucks"),
// followed by the question's end or what it is for; "is dec 15 open", "is 2:30 free" are no price.
const PRICE_CHECKED = /\b(is|are|it'?s|still) (?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* )(?:(?:it|that|a|an|the|my|your|ur|[a-z]+) ){0,3}(?:still |only |just |about |around )?(?:\$ ?\d{2,3}(?:\.\d\d)?\b|[1-9]\d\d ?(?:bucks|dollars|usd)\b|(?<!\b(?:is|are|it'?s|still) )(?<=[a-z] )[1-9]\d\d(?= ?[?]|$)|(?:1[3-9]|[2-9]\d)(?:\.\d\d)?(?= ?(?:bucks|dollars|usd)\b| for\b| still\b| right\b| or\b| if (?:so|yes|it is|its|it's|that is|thats|that's|true)\b| [?]|[?]|$))/;
const PRICE_ASKED = { test: (s: string): boolean => PRICE_ASKED_WORDS.test(s) || PRICE_CHECKED.test(s) };
const SERVICES_QUESTION = /\b(what|which) (services|treatments|options)\b|\b(services|price list|prices|pricing|menu of services|how much)\b|\bwhat (all )?(do|can) (you|u|y'?all)( guys| all| folks)? (offer|do|provide)\b|\bwhat (kinds?|sorts?|types?) of (services|treatments|things)\b|\bwhat can (i|we) (get|have) done\b|\bwhat (else )?(do|can) (you|u) (guys )?(have|book)\b/;
const BOOK =
  /\b(book|booking|schedule|appointment|reserve|reservation|availability|available|openings?|slots?|free (time|slot)|come in|get (a|an|in|my)|i'?d like|i would like|i want|i need|can i (get|have|come)|looking for|do you have|any ?time|sign (me )?up|make an|set up|squeeze me in|fit me in)\b/;
const GREETING =
  /^(hi+|hello+|hey+|heya|hiya|yo|howdy|good (morning|afternoon|evening|day)|greetings|sup|what'?s up|thanks|thank you|thanks so much|thank you so much|cheers|bye|goodbye|see you|ok thanks|great thanks)( there| all| again| you| team)?[!. ]*$/;
const DECLINE_OFFERS =
  /\b(none|neither|no thanks|nope|other (times|options|days)|something else|different (time|day|times)|another (time|day)|any other|anything else|more (times|options)|not (those|these|any)|(anything|something) (later|earlier|sooner)|(later|earlier) (times?|slots?|options?))\b/;
const CHANGE_WORDS = /\b(but|instead|actually|rather|make it|change|switch|how about|what about|prefer)\b/;
// "do you do nails", "do u guys offer waxing": asks whether a service exists; the rest names it.
const OFFERED_QUESTION = /\b(do|does|can|will) (you|u|y'?all|anyone|someone|somebody|any ?one)( guys| there| all)? (do|offer|have|provide|carry|sell|handle)\b(?<asked>.*)$/;
// What a "do you have ..." asks about when it is not a service: a time, a place, a price.
const NOT_A_SERVICE = /\b(any ?thing|something|openings?|availability|available|time|times|room|space|spots?|slots?|appointments?|parking|wifi|hours|prices?|deals?|discounts?|gift ?cards?|a (minute|sec|second))\b/;
// "whoever is fine", "anyone", "no preference": any qualified staff member will do. "whoevers free", "anyones fine": the "is" run on.
const ANY_STAFF = /\b(who ?ever(?:'?s)?|any ?one(?:'?s)?|any ?body(?:'?s)?|any (stylist|staff|of them|person)|doesn'?t matter who|don'?t (care|mind) who|no preference|either (one|is fine|works))\b/;
// "can i book a pedicure": the thing asked for after a booking verb, when it is no service.
const ASKED_THING = /\b(book|get|have|want|need|like|schedule|do)( me| in| us)? (a|an|some|my)( quick| new| full)? (?<thing>[a-z]{4,})\b/;
const NOT_A_THING = new Set([
  'time', 'times', 'slot', 'spot', 'appointment', 'appointments', 'booking', 'session', 'visit', 'earlier', 'later', 'week', 'morning',
  'afternoon', 'evening', 'today', 'tomorrow', 'tonight', 'next', 'same', 'different', 'another', 'couple', 'minute', 'hour', 'hours',
  'person', 'people', 'friend', 'something', 'anything', 'reservation', 'opening', 'call', 'confirmation', 'refund', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'weekend', 'human', 'agent', 'manager', 'receptionist',
]);
// Clauses that open a new booking request after a question or a refusal ("and also", "just book").
// "whats the earliest u have", "any openings", "do you have anything": a look for open times.
const ASKS_OPENINGS = /\b(earliest|soonest|openings?|availability|(?:do|what do|wat do|what'?d|what would) (?:you|u|ya|y'?all) have|(?:you|u|ya) have (?:anything|any|open|free))\b/;
const NEW_BOOKING = /\b(book|schedule|get me|put me|sign me|can i (get|have|do|book)|i('?d| would) like|i want|i need)\b/;
// "cancel my 3pm and book 4pm instead": a cancel that asks for another time in the canceled one's place.
const CANCEL_IN_PLACE = /\b(and|then) (book|rebook|schedule|make|put|get|give|fit|squeeze|move|switch)\b/;
// What the part after a cancel says to ask for another service in its place.
const BOOKS_IN_PLACE = /\b(book|schedule|get|do|want|like|have|rather|prefer|instead|switch|swap|put me|sign me|go with|try|give (me|us)|pencil)\b/;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/;
const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

// What a text goes through before it is classified, in this order: each rewrite drops or
// restates words that would otherwise be read as a request of their own ("if its quick
// i'll keep it", "while ur at it", a cancel said and taken back).
const REWRITES: ReadonlyArray<(text: string) => string> = [
  // "it's been crazy with my mom visiting, anyway could i move my color to the 18th": the lead-up talk is no request.
  withoutAsideBeforeAnyway,
  // "omw but running 5 min behind for my 2 oclock! also can i book a trim sat at 11": the lateness told is no
  // request; read first, while its minutes late are still said (withoutWaitSaid reads them out).
  (text) => withoutLateRemark(text) ?? text,
  // "what time is my color on the 9th? i know the cut is at 2": what is known of the bookings asks nothing.
  withoutKnownRemark,
  withoutKeepSupposed,
  withKeptDay,
  withoutEmptyAsides,
  // "gonna be 30+ min before i get there, can you push me to 5:30": the wait is no time to move to.
  withoutWaitSaid,
  // "meant to say reschedule not cancel, fri 10am?": the cancel refused first, then the move asked.
  moveNotCancel,
  // "push my cut from the 15 to the 16": both bare numbers are days of the month.
  withDaysByNumber,
  // "cancel my 12th and my 19th": a booking named by its day alone; the ordinal is that day.
  withBookingByDay,
  // "i booked the wrong week, i meant the 24th not the 17th": the day after "not" is the booking's.
  bookedWrongDay,
  // "cancel my cut on fri.. wait no not that, the color on the 18th": only the booking set right is meant.
  cancelSetRight,
  // "make sure both wed and fri are cancelled", "i need my friday cut cancelled": a cancel asked in the passive.
  cancelAsked,
  // "move both my appts (thurs 10am and fri 2pm) an hour later": the list only says which "both" are.
  withoutBothListed,
  cancelNotDone,
  meantWithoutKept,
  notMeantAsThatOne,
  undoneCancelAsRebook,
  withoutBusyDay,
  // "my wedding is on the 12th, can i get a cut the day before at 5": the count is from the date said first.
  withDayCounted,
  // "i have a cut on the 10th already but can i add color fri": the booking told of is no request of its own.
  (text) => withoutHadAlready(text) ?? text,
  // "besides my color on the 10th, can i get a haircut sat the 12th": the booking kept beside the new one is no request either.
  (text) => withBookingBesides(text) ?? text,
];

const rewritten = (text: string) => REWRITES.reduce((said, rewrite) => rewrite(said), text);

export function understand(text: string, ctx: UnderstandContext): Understanding {
  try {
    const services = Array.isArray(ctx?.services) ? ctx.services : [];
    const said = typeof text === 'string' ? withServiceTakenBack(spellCatalogShorthand(text, services, Array.isArray(ctx?.staff) ? ctx.staff : []), services) : text;
    // "pls tell dana im 5 min out": arriving on time asks nothing, of the bot or of a person.
    if (typeof said === 'string' && onlyArrivalNotice(said)) return { intent: 'unknown' };
    const byService = typeof said === 'string' ? withStaffOfService(said, ctx, services) : undefined;
    if (byService) return byService;
    const onlyOne = typeof said === 'string' && ctx?.expecting === 'confirmation' ? onlyOneMeant(said) : undefined;
    // "only the 10th one", "just my dye appt": the words without the "just" name the booking; said whole, they still mean another one.
    if (onlyOne) return { ...understand(onlyOne, ctx), onlyOne: true, ...(meantAnother(simplify(normalize(said))) ? { meantOther: true } : {}) };
    const resolve = (part: string) => (ctx?.now && ctx?.timeZone ? resolveWhen(part, ctx.now, ctx.timeZone)?.range : undefined);
    // "9 is too early for me on thurs, anything between 12 and 2?": with nothing on screen, the time too early names the
    // booking moved (to offers on screen, it is one of them turned down).
    const own = ctx?.expecting ? said : tooEarlyBooked(said);
    const u = withParty(weekdayOnlyInMove(classify(rewritten(own), ctx)), normalize(said), resolve, (part) => matchServices(part, services).map((m) => m.id));
    // "need to move it off the 11th": the day moved off is the booking's, however the rest was read.
    const spanned = pricesOfOwnBookings(withDayMovedOff(withMonthSpan(u, normalize(said), ctx), normalize(said), resolve), normalize(said));
    return saysEitherTime(text) ? { ...spanned, eitherTime: true } : spanned;
  } catch {
    // The parsers are written to be total; this is the last guard so a dialog never breaks.
    return { intent: 'unknown' };
  }
}

/**
 * "a cut with whoever does the color there": the color names the person, the cut is booked.
 * Only for a booking whose own words name its service; the caller learns who does the color.
 */
function withStaffOfService(text: string, ctx: UnderstandContext, services: ServiceCatalogEntry[]): Understanding | undefined {
  const named = staffNamedByService(normalize(text), (w) => matchServices(w, services));
  if (!named) return undefined;
  const u = understand(named.rest, ctx);
  if (u.intent !== 'book' || !u.serviceId) return undefined;
  const { anyStaff: _whoever, ...rest } = u;
  return { ...rest, staffOfService: named.service.id };
}

// "morning! could u move my cut...": a part of the day said as a greeting before the request names no time.
const DAY_GREETING = /^\s*(?:(?:hi|hey|hello) )?(?:good )?(?:morning|afternoon|evening)\s*!+\s*(?=\S)/i;

// "move my friday cut to 4 while ur at it": the aside says nothing, and its "at it" reads as a clock's "at" to the date reader.
const WHILE_AT_IT = /[,\s]*\bwhile (?:you'?re|youre|ur|u r|you are|u are|ya'?re|we'?re|were|we are) at it\b/gi;

// "at like 10", "around maybe 3", "by like 4:30": a hedge between the clock's cue and its hour
// hides the cue from the date reader, which then takes the number for no time or another day's.
const HEDGED_HOUR = /\b(at|around|about|by|after|before|for|from) (?:like|maybe|prob(?:ably)?|roughly|approx(?:imately)?|say|ish)(?:,)? (?=\d)/gi;

function withoutEmptyAsides(text: string): string {
  return typeof text === 'string' ? text.replace(DAY_GREETING, '').replace(WHILE_AT_IT, ' ').replace(HEDGED_HOUR, '$1 ') : text;
}

/**
 * "the following monday" counts from a booking only when one is moved, or copied ("the same
 * thing again the saturday after"); asking for a new booking, it is the date chrono read.
 */
function weekdayOnlyInMove(u: Understanding): Understanding {
  if (!u.shift?.weekday || u.intent === 'reschedule' || (u.sameAsBefore && u.intent === 'book')) return u;
  const { weekday: _dated, ...shift } = u.shift;
  const { shift: _dropped, ...rest } = u;
  return shift.minutes || shift.days || shift.sameTime || shift.sameDay ? { ...rest, shift } : rest;
}

/**
 * "cancel my haircut, i want a color instead on the 9th": the booking asked in place of the
 * canceled one, read from its own words (service, day and time, "at the same time").
 */
export function bookedInstead(text: string, ctx: UnderstandContext): Understanding | undefined {
  const services = Array.isArray(ctx?.services) ? ctx.services : [];
  const swap = serviceSwap(normalize(text), (part) => matchServices(part, services));
  if (!swap) return undefined;
  return { ...understand(swap.tail, { ...ctx, expecting: null }), serviceId: swap.to.id };
}

function classify(text: string, ctx: UnderstandContext): Understanding {
  return withSecondRequest({ text, ctx, whole: classifyOne(text, ctx), classifyOne });
}

function classifyOne(text: string, ctx: UnderstandContext): Understanding {
  const r = read(text, ctx);
  if (!r) return { intent: 'unknown' };
  // A complaint, a gift card, a message for the team: only a person can see to it, whatever else the words say.
  // A cancel said outright beside a complaint that asks nothing is done: the complaint is its reason.
  // A bad result elsewhere told beside a booking asked here is why they come: the booking is read (needs-staff.ts).
  if (needsStaff(r.s) && !(cancelsOutright(r.s) && onlyComplains(r.s)) && !complainsOfElsewhere(r.s, Boolean(r.resolved))) return as(r, 'human');
  const takenBack = afterAcknowledgment(r.raw, r.expecting);
  if (takenBack) return classifyOne(takenBack, ctx);
  const request = withoutKeptToo(r.raw) ?? withoutRecalledBooking(r.raw);
  if (request) return classifyOne(request, ctx);
  return keptThenAsked(r, ctx) ?? changeOfMind(text, ctx, r) ?? explicitIntent(r) ?? placedNextTo(r) ?? answerToPrompt(r) ?? askedInformation(r) ?? bestGuess(r);
}

/** "book me a consult an hour before my thursday appt": a new booking, whatever else its words say about the one it names. */
function placedNextTo(r: Reading): Understanding | undefined {
  if (!r.u.nextTo) return undefined;
  // "can i add a color before my cut? how much is that": the price comes with the times.
  if (PRICE_ASKED.test(r.s)) r.u.asksServices = true;
  return as(r, 'book');
}

/**
 * "dont cancel, can i just book a color on the 8th", "don't move it, just book my son in
 * too", "don't cancel it, move it to friday": what was about to change is refused (answer
 * 'no'), and the request after the refusal goes on.
 */
function keptThenAsked(r: Reading, ctx: UnderstandContext): Understanding | undefined {
  const m = NEGATED_CHANGE.exec(r.s);
  if (!m) return undefined;
  const after = r.s.slice(m.index + m[0].length);
  const kept = /^( ?(it|that|this|my \w+|the \w+))?[ ,.;:-]*/.exec(after)![0];
  const rest = read(after.slice(kept.length), { ...ctx, expecting: null });
  // "dont cancel, can i move it to monday at 11": the booking kept from the cancel is moved instead.
  // "dont cancel sat, can i just come an hour later", "don't cancel it, could it be 1pm instead": a shift, or a time
  // said as a change, moves it too.
  if (!rest) return undefined;
  const changesTime = changesBookedTime(rest.s, { any: Boolean(rest.resolved), exact: Boolean(rest.resolved?.range.exactTime) });
  if (!NEW_BOOKING.test(rest.s) && !RESCHEDULE.test(rest.s) && !rest.u.serviceId && !rest.u.shift && !rest.asksInstead && !changesTime) return undefined;
  const said = explicitIntent(rest) ?? bestGuess(rest);
  if (said.intent !== 'book' && said.intent !== 'reschedule') return undefined;
  const { changesBooked, ...request } = said;
  const u: Understanding = changesBooked ? { ...request, intent: 'reschedule' } : said;
  // "don't cancel my cut, push it to 4": the booking kept is the one moved.
  const keptService = u.intent === 'reschedule' && !u.serviceId && kept.trim() ? read(kept, { ...ctx, expecting: null })?.u.serviceId : undefined;
  return { ...u, ...(keptService ? { serviceId: keptService } : {}), answer: 'no', abandons: true };
}

/**
 * "nevermind cancel it", "actually no, keep it", "no. i want to book a color": an opener
 * that drops what was being asked, then a request of its own, which is what counts. A
 * bare opener ("no", "actually") is left to the other rules.
 */
function changeOfMind(text: string, ctx: UnderstandContext, r: Reading): Understanding | undefined {
  if (TAKE_BACK.test(r.s) && TAKE_BACK_ONLY.test(r.s) && r.expecting !== 'intake') return dropped(r);
  // "nah forget it, not ready to go blonde yet lol": taken back, then only why; the service in the reason is asked for nothing.
  if (takenBackWithReason(r.s, Boolean(r.resolved)) && r.expecting !== 'intake') return leftForNow(r);
  // "never mind, dont want to do this right now": the booking itself refused, even during intake (a bare "nvm" there may be the answer).
  if (refusesBookingNow(r.s)) return leftForNow(r);
  // "actually hold off, let me check my work schedule first. dont book it yet": the yes or pick put off, asking nothing else.
  if (putsOffAnswer(r)) return leftForNow(r);
  // "need to check my schedule first, ill text back later", "nvm, i'll just ask at my haircut": left for now.
  // "pls cancel my cut, i'll text again when i know my schedule": what is put off is the next booking; the cancel stands.
  if (((leavesForNow(r.s) && r.answer !== 'yes') || putsOff(r.s) || refusedForLater(text, r)) && r.expecting !== 'intake' && !cancelsOutright(r.s)) return leftForNow(r);
  const rest = withoutOpeners(r.s);
  // "keep my friday one, but also book another a week later": the booking kept places the new one.
  const keeps = (said: string) => keepsAll(said) && !r.u.nextTo;
  // "no wait, keep the color, cancel the haircut instead": a keep beside a cancel or move says which booking that one is not.
  const keepsOnly = (said: string) => keeps(said) && !RESCHEDULE.test(said) && !CANCEL.test(said);
  if (rest === r.s) return keepsOnly(r.s) ? keep(r) : undefined;
  if (keepsOnly(rest)) return keep(r);
  const inner = read(withPunctuation(rest, r.raw), { ...ctx, expecting: null });
  if (!inner) return undefined;
  // "no color, just a trim": the "no" turned the color down, which the words after it no longer say.
  if (r.u.serviceId && turnsDownAtStart(r.raw, ctx)) inner.u.serviceId = r.u.serviceId;
  const negative = r.answer === 'no' ? { answer: 'no' as const } : {};
  const u = explicitIntent(inner);
  if (u) return { ...u, ...negative, abandons: true };
  // A question after the opener ("wait, where are you located?") is answered; what was being
  // asked stays open, since asking is not taking it back.
  const question = askedInformation(inner);
  if (question) return { ...question, ...negative };
  // A new booking request after the opener ("no. i want to book a color on monday"): it
  // names a service or says book; "actually thursday" is left to the rules for answers.
  if (!inner.u.serviceId && !BOOK.test(inner.s)) return undefined;
  const b = bestGuess(inner);
  // "hmm actually do u have anything sat after 2": openings asked for another time go on with what was being asked (a move stays a move).
  const asksOpenings = !inner.u.serviceId && ASKS_OPENINGS.test(inner.s) && !NEW_BOOKING.test(inner.s);
  return b.intent === 'book' ? { ...b, ...negative, ...(asksOpenings ? {} : { abandons: true }) } : undefined;
}

/** "no color, ...", "no need to color it, ...": the opener "no" is the start of a service turned down (service-turned-down.ts). */
function turnsDownAtStart(raw: string, ctx: UnderstandContext): boolean {
  const rest = withoutTurnedDown(raw, (part) => matchServices(part, Array.isArray(ctx?.services) ? ctx.services : []));
  return rest !== raw && /^\s*(no|not)\b/.test(raw) && !/^\s*(no|not)\b/.test(rest);
}

/** The words after the openers of a change of mind ("oh wait no, ..."); the text itself when it has none. */
function withoutOpeners(text: string): string {
  let rest = text;
  for (let m = CHANGE_OF_MIND.exec(rest); m && m[0].length > 0 && m[0].length < rest.length; m = CHANGE_OF_MIND.exec(rest)) rest = rest.slice(m[0].length);
  return rest;
}

/**
 * The rest of a change of mind as the customer punctuated it, when the raw words open the same
 * way: "oh both lol. the january one i dont need, cancel it" keeps the sentence that cancels apart.
 */
function withPunctuation(rest: string, raw: string): string {
  const fromRaw = withoutOpeners(raw);
  return words(simplify(fromRaw)).length === words(rest).length ? fromRaw : rest;
}

/** "cancel my 3pm and book 4pm instead", "cancel fri, can i do sat instead": a cancel that asks for another time in its place. */
function booksInPlace(s: string, raw: string): boolean {
  return CANCEL_IN_PLACE.test(s) || insteadAsksNew(raw);
}

/** A cancel said outright ("cancel my cut", "can't come tomorrow"), not taken back in the same words. */
function cancelsOutright(s: string): boolean {
  return CANCEL.test(s) && !RESCHEDULE.test(s) && !TAKE_BACK.test(s) && !NEGATED_CHANGE.test(s);
}

// "i can't do friday after all", "nope", "never mind": what is on the table is refused.
const REFUSES = /\b(can'?t|cannot|won'?t be able to) (do|make)\b|\bnever ?mind\b|\bnvm\b|\bnope\b/;

/**
 * "ok yeah i can't do friday after all, i'll text later": a refusal with a promise to come back,
 * which the rebook-later reading took out, leaves the request for now (no cancel is asked).
 */
function refusedForLater(text: string, r: Reading): boolean {
  // The clause taken out, not a closing "." the reading trims ("the 10th is the one i cant make.").
  const said = normalize(text).replace(/[\s,.;:!-]+$/, '');
  return withoutRebookLater(said) !== said && REFUSES.test(r.s) && !CANCEL.test(r.s) && !RESCHEDULE.test(r.s);
}

// "not yet, can we do 3 instead", "hold off on the color, make it a cut": a change asked beside the hold.
const CHANGE_BESIDE_HOLD = /\b(instead|how about|what about|rather|make it|switch|change|move)\b/;

// "before you book it, how much is it?": a question asked on the way to the yes is answered, the summary kept.
const QUESTION_BESIDE_HOLD = /\?|\b(how much|how long|what'?s|whats|what is|where|when is|which|who)\b/;

/** A summary's yes or a list's pick put off (holds-off.ts), with no other time, person, change or question beside it. */
function putsOffAnswer(r: Reading): boolean {
  if (r.expecting !== 'confirmation' && r.expecting !== 'choice') return false;
  const asksBeside = CHANGE_BESIDE_HOLD.test(r.s) || QUESTION_BESIDE_HOLD.test(r.raw) || Boolean(r.topic);
  return defersAnswer(r.s, parseYesNo) && !r.resolved && !r.u.shift && !r.u.staffId && !asksBeside;
}

/**
 * "keep it", "leave it as is": the whole booking stays, not one part of it ("keep the 11:30").
 * "i'll keep my appointment but i need to talk to someone": the keep is said on the way to a person.
 */
function keepsAll(s: string): boolean {
  return KEEP.test(s) && !KEEP_PART.test(s) && !regretsCancel(s) && !wantsPerson(s) && !keepsOnlyIf(s);
}

/** A person asked for in so many words ("talk to someone", "speak with a manager", "have someone call me"). */
function wantsPerson(s: string): boolean {
  return (HUMAN.test(s) && !/\bin person\b/.test(s.replace(/\b(a|an|real|live|actual) person\b/, ''))) || asksForPerson(s);
}

/**
 * "oh no i meant to keep it, can i rebook it": a keep wished too late, after the cancel was
 * done. The request that follows (a rebooking) is what counts.
 */
function regretsCancel(s: string): boolean {
  return /\b(meant|wanted|supposed|going|gonna) to keep\b/.test(s) && (RESCHEDULE.test(s) || NEW_BOOKING.test(s));
}

/** "actually no, forget it": what was being asked is dropped, and nothing new is asked. */
function dropped(r: Reading): Understanding {
  r.u.answer = 'no';
  r.u.abandons = true;
  return as(r, 'decline');
}

/** "nvm, i'll just ask at my haircut": dropped; the service or day in what they will do instead is asked for nothing. */
function leftForNow(r: Reading): Understanding {
  for (const k of ['serviceId', 'serviceChoices', 'staffId', 'when', 'shift'] as const) delete r.u[k];
  return dropped(r);
}

function keep(r: Reading): Understanding {
  r.u.answer = 'no';
  // "no, keep my friday one": the day names what is kept, never a new time to look for.
  delete r.u.when;
  return as(r, 'decline');
}

/** Everything the rules read from one message; `u` collects the signals and, at the end, the intent. */
interface Reading {
  raw: string;
  /** The typo-corrected text with punctuation removed except in times, dates and e-mails. */
  s: string;
  u: Understanding;
  expecting: Expecting;
  optionCount: number;
  answer: 'yes' | 'no' | undefined;
  choice: ReturnType<typeof readChoice>;
  resolved: ReturnType<typeof resolveWhen>;
  topic: Understanding['infoTopic'];
  /** the catalog has services, so a thing it lacks can be said not to be offered */
  hasServices: boolean;
  /** "can't make it tmrw, can we do monday at 2": a booking that can't be kept, and a time asked in its place */
  asksInstead: boolean;
  /** `s` with the staff member it names said as "the stylist" ("talk to dana" asks for a person) */
  toStaff: string;
  /** "can i change my cut?": a booking of the service named is changed (change-asked.ts) */
  changesOwn: boolean;
}

function read(text: string, ctx: UnderstandContext): Reading | undefined {
  const services = Array.isArray(ctx?.services) ? ctx.services : [];
  const staff = Array.isArray(ctx?.staff) ? ctx.staff : [];
  const optionCount = ctx?.optionCount ?? DEFAULT_OPTION_COUNT;
  const protect = protectedWords(services, staff);
  const said = unswapWords(spellCommandLetter(withoutAsItIsNow(arrowAsMove(spellMovedALittle(spellTwoAsTo(normalize(text)))))), protect);
  const raw = spellOrdinalBooking(spellNewHours(withoutRebookLater(said), { expecting: ctx?.expecting ?? null, optionCount: ctx?.offersUnseen ? 0 : optionCount }));
  if (raw === '') return undefined;
  const t = correctTypos(raw, protect);
  // Punctuation is kept for times, dates and e-mails; the rules read `s`.
  const s = spellHalfAmounts(t).replace(/[^a-z0-9'@:#/ ]+/g, ' ').replace(/\s+/g, ' ').trim();

  const u: Understanding = { intent: 'unknown' };
  const moves = RESCHEDULE.test(s);
  const cancels = CANCEL.test(s);
  const isMove = moves || cancels;
  const cancelOnly = cancels && !moves;
  // "a consult right after my haircut": the new booking is read from its own words, the haircut is where it goes.
  // "i think she's right after me" tells where another's booking is (placed-told.ts): nothing to place.
  const nextTo = isMove || placedTold(raw) ? undefined : nextToBooking(raw, (part) => matchServices(part, services).length > 0);
  // "move my cut to right before my color": the color places the move; the cut is what moves.
  const movePlace = moves ? nextToBooking(raw, (part) => matchServices(part, services).length > 0, { move: true }) : undefined;
  const own = nextTo?.rest ?? movePlace?.rest ?? raw;
  const pair = isMove ? undefined : twoBookings(own, (part) => matchServices(part, services));
  const kept = isMove ? notKept(raw, (part) => matchServices(part, services)) : undefined;
  // "the one tmrw, not the color", "just a trim not color": the words that name what is wanted, without what is ruled out.
  const wanted = (part: string) => withoutTurnedDown(withoutRuledOut(part), (p) => matchServices(p, services));
  // "cancel the morning one, the afternoon color stays put", "push my dec 18 appt to 2:30? the 11th is fine as is":
  // what a change says is kept names neither the booking changed nor its new time.
  const unkept = isMove ? withoutKept(own, { moving: !cancelOnly }) : own;
  // "drop that one (the 19th). cut and color stay": the services said to stay name no swap.
  const aboutIt = isMove || pair ? undefined : consultAbout(own, (part) => matchServices(part, services));
  const fitting =
    (kept && [kept]) || (aboutIt && [aboutIt]) || (isMove && targetService(wanted(unkept), services)) || (pair && [pair[0]]) ||
    (isMove ? undefined : besideOwnBooking(wanted(unkept), (part) => matchServices(part, services))) ||
    matchServices(wanted(unkept), services);
  if (pair) u.secondServiceId = pair[1].id;
  if (fitting.length === 1) u.serviceId = fitting[0]!.id;
  else if (fitting.length > 1) u.serviceChoices = fitting.map((f) => f.id);
  // "do u do nails? manicure tmrw at 2": a service the catalog lacks, named so the reply can say so.
  const unoffered = fitting.length === 0 ? unofferedService(raw, services) : undefined;
  if (unoffered) notOffered(u, unoffered);
  // "cancel the one with lee, i'll keep dana": the day or person of a cancel is in what is not kept.
  // "a color at 1:30 so it's done before my 3pm cut w lee": a person said in the words naming the booking
  // placed by is that booking's, not who does the new one; the request's own words say who that is.
  const meant = cancelOnly ? unkept : nextTo && matchStaff(nextTo.booking, staff) ? nextTo.rest : raw;
  const member = matchStaff(meant, staff);
  // "anyone but lee", "not dana": a person ruled out is no request for them.
  if (member && ruledOut(s, member)) ruleOut(u, member, staff, raw);
  // "will i be with dana or lee?" asks which one is booked; only a request names them as alternatives.
  else if (member && namesEitherStaff(meant, staff) && !WHICH_OF_STAFF.test(s)) u.anyStaff = true;
  else if (member) {
    const { asked, fallback } = askedAndFallback(meant, staff, member);
    u.staffId = asked.id;
    if (fallback) u.fallbackStaffId = fallback.id;
  }
  const email = EMAIL.exec(raw);
  if (email) u.email = email[0];
  const number = extractNumber(raw);
  if (number !== undefined) u.number = number;
  const answer = parseYesNo(raw);
  if (answer) u.answer = answer;
  // "my wife can't make her color thursday, can she come friday instead": the day she can't make names the booking, the other is the new time.
  // To "which one would you like to move?", "the color on monday, can it be wed the 9th instead" names it, then its new time.
  const saysInstead = /\binstead\b(?! of)/.test(s);
  const cantMakeInstead = saysInstead && (ctx?.expecting === 'choice' || CANT_MAKE_DAY.test(s));
  // "cancel my one on friday, i'll be in town tmrw anyway": a cancel that asks for nothing in its place names no new time.
  const splits = isMove && !(cancelOnly && !booksInPlace(s, raw));
  const move = (splits || cantMakeInstead) && ctx?.now && ctx?.timeZone ? splitMove(withoutSameDay(unkept), ctx.now, ctx.timeZone, moves) : undefined;
  if (move) u.apptWhen = move.appointment.range;
  const instead = move || !ctx?.now || !ctx?.timeZone ? undefined : keptNot(unkept, ctx, moves);
  if (instead?.appointment) u.apptWhen = instead.appointment.range;
  // "can the dec 17 one be 10am instead": no move verb, but the booking is named by its day, the rest is its new time.
  const named = move || instead || cancelOnly || nextTo || !ctx?.now || !ctx?.timeZone ? undefined : namedThenNewTime(unkept, ctx, (w) => matchServices(w, services).length > 0);
  if (named) u.apptWhen = named.appointment.range;
  // "the appt i have with lee, could that go to 2pm instead of 11", "the appt ive got w lee, can we make it 3 instead":
  // a change said without a move verb names its booking by the person too.
  const changing = moves || Boolean(instead?.appointment) || Boolean(named) || changesBookedTime(s, { any: true, exact: true });
  if (u.staffId && member && changing && staffNamesBooking(s, words(simplify(String(member.name ?? '')))[0] ?? '')) u.staffNamesBooking = true;
  // "my thursday cut with dana to sat at 11 w lee": dana names the booking, lee does the new time.
  const twoStaff = u.staffId && changing ? staffOfBookingAndNewTime(s, staff, staffNamesBooking) : undefined;
  if (twoStaff) {
    u.staffNamesBooking = true;
    u.bookedStaffId = twoStaff.booked.id;
    u.staffId = twoStaff.asked.id;
    delete u.fallbackStaffId;
  }
  // The day of a cancel names the appointment, which may be today's.
  // "i can't make the afternoon one friday": in a cancel that names the booking, never a time ruled out.
  const canceled = cancelsAll(raw) ? fromCancelVerb(meant) : meant;
  const plainDated = withoutNoticeGiven(cancelOnly && ctx?.now && ctx?.timeZone ? todayForItsWeekday(calendarDateOfCancel(withoutCantMake(canceled)), ctx.now, ctx.timeZone) : withoutSameDay(unkept));
  const dated = withoutDaysMovedBesideDate(plainDated, ctx);
  // "2 hours later" asks nothing about opening hours.
  const topic = infoTopic(withoutShiftAmounts(s), t);
  const resolveIn = (text: string) => (ctx?.now && ctx?.timeZone ? resolveWhen(text, ctx.now, ctx.timeZone) : undefined);
  const resolved = move?.target ?? instead?.target ?? named?.target ?? (cancelOnly && ctx?.now && ctx?.timeZone ? bookingWhen(dated, ctx.now, ctx.timeZone) : resolveIn(dated)) ?? (topic === 'hours' ? resolveIn(oneOfWeekdays(dated)) : undefined);
  if (resolved) u.when = resolved.range;
  // "who am i seeing thursday and who on saturday": a question about what is booked on several days spans them all.
  // "did i book for january or was that december": a month named alone is all of it.
  const dayOrMonth = (text: string) => (ctx?.now && ctx?.timeZone ? bookingWhen(text, ctx.now, ctx.timeZone) : undefined);
  const days = resolved && !move && !instead?.appointment && !named && ctx?.now && ctx?.timeZone && (WHATS_BOOKED.test(s) || MY_APPOINTMENTS.test(s)) ? daysAsked(dated === plainDated ? raw : dated, dayOrMonth) : undefined;
  if (days) u.when = days;
  // "did my january booking go through?": a month named alone in a question about what is booked is all of it.
  const monthAsked = !days && resolved && !move && !instead?.appointment && !named && ctx?.now && ctx?.timeZone && (WHATS_BOOKED.test(s) || MY_APPOINTMENTS.test(s)) ? monthNamed(dated, ctx.now, ctx.timeZone) : undefined;
  if (monthAsked) u.when = monthAsked;
  // "10 with lee then": the name is no word around the pick.
  const choice = readChoice(member ? withoutStaffName(raw, member) : raw, optionCount);
  if (topic) u.infoTopic = topic;
  // "3, tmrw at 2pm" to the service menu: the third service, at that time.
  const servicePicked = ctx?.expecting === 'service' && choice.index === undefined && !u.serviceId ? leadingPick(raw, optionCount) : undefined;
  if (servicePicked !== undefined) u.choiceIndex = servicePicked;
  if (nextTo && ctx?.now && ctx?.timeZone) u.nextTo = placedBy(nextTo, services, ctx);
  const moveNextTo = movePlace && movedBy(movePlace, services);
  if (moveNextTo) u.nextTo = moveNextTo;
  // The amount of "an hour before my appt" places the new booking; it shifts nothing.
  // "move my sat cut a week. what do you have saturday the 12th?": the day asked for its openings is the new time, listed; the week only led to it.
  const dayAsked = Boolean(move?.target.hasDate && !move.target.range.exactTime && OPENINGS_ASKED.test(s));
  const shift = nextTo ? undefined : parseShift(s);
  // "a color for the week after, monday the 14th at 9": the date said by its number is the day meant; the weeks only led to it.
  const datedToo = Boolean(!move && resolved?.hasDate && (DATE_BY_NUMBER.test(resolved.range.description) || dated !== plainDated));
  if (shift && !((dayAsked || (datedToo && !shift.sameTime)) && shift.days !== 0 && shift.minutes === 0)) u.shift = shift;
  // "same time next week", "the week after": the days are the shift's, not a window of their own.
  // ("the following saturday at 2" keeps its `when`: its time counts, its day is the shift's.)
  if (u.shift && shift && shift.days !== 0) delete u.when;
  // "push my friday appt back 2 hours": the day says which appointment; the new time is the shift's.
  if (shift && shift.minutes !== 0 && !shift.sameTime && u.when && !move) {
    const named = ctx?.now && ctx?.timeZone ? resolveWhen(withoutShiftAmounts(raw), ctx.now, ctx.timeZone) : undefined;
    if (named?.hasDate) u.apptWhen = named.range;
    delete u.when;
  }
  if (forSomeoneElse(s)) u.forSomeoneElse = true;
  if (SAME_AS_BEFORE.test(s)) u.sameAsBefore = true;
  // "my son needs one too": another of the booking just talked about, for the person named.
  else if (!u.serviceId && !u.serviceChoices && (u.forSomeoneElse || aboutOthersBooking(s) || namesOtherOfFamily(s)) && (asksOneMore(s) || comesToo(s)) && !CANCEL.test(s)) {
    u.sameAsBefore = true;
    u.forSomeoneElse = true;
    // "could my other son come at 3": a time said alone is on the day of the booking just talked about.
    if (u.when?.dayNamed === false) u.thatDay = true;
  }
  if (aboutOthersBooking(s)) u.othersBooking = true;
  if (ANY_STAFF.test(s) && !u.staffId) u.anyStaff = true;
  // "price for color vs a cut?": each service a price question names is answered.
  const priced = PRICE_ASKED.test(s) ? servicesNamedApart(raw, services) : [];
  if (priced.length > 1) u.pricesAsked = priced.map((p) => p.id);
  if (CANCEL.test(s) && !RESCHEDULE.test(s.replace(/\bre-?book\b/g, 'book'))) cancelsForAnother({ raw, u, services, ctx });
  else if ((RESCHEDULE.test(s) || SWITCH_VERB.test(s)) && !CANCEL.test(s)) switchesService({ raw, u, services, ctx });
  if (!u.replacedBy && !CANCEL.test(s) && !forSomeoneElse(s)) swapsServiceBackwards({ raw, u, services, ctx });
  readWhichBooking({ raw, s, u, services, ctx });
  const toStaff = member ? staffAsStylist(s, member) : s;
  const changesOwn = changesOwnService(s, (w) => matchServices(w, services).length === 1);
  return { raw, s, u, expecting: ctx?.expecting ?? null, optionCount, answer, choice, resolved, topic, hasServices: services.length > 0, asksInstead: Boolean(instead), toStaff, changesOwn };
}

// "the 17th", "12/15": a day of the month said by its number.
const ORDINAL_OR_SLASHED_DATE = /\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b|\b(?:1[0-2]|0?[1-9])\/(?:[12]\d|3[01]|0?[1-9])\b/;

/**
 * "pushing my appt a week, do you have tuesday dec 15 after 4?": a date said by its number beside
 * how far the booking moves is where it goes; the week only led to it, and names no day itself.
 */
function withoutDaysMovedBesideDate(text: string, ctx: UnderstandContext): string {
  if (!ctx?.now || !ctx?.timeZone || !(parseShift(simplify(text))?.days)) return text;
  const rest = text.replace(DAYS_MOVED, ' ');
  const date = resolveWhen(rest, ctx.now, ctx.timeZone);
  return date?.hasDate && (DATE_BY_NUMBER.test(date.range.description) || DATE_BY_NUMBER.test(rest) || ORDINAL_OR_SLASHED_DATE.test(rest)) ? rest : text;
}

/**
 * "the january one" at a numbered list: the month alone is every day of it (month-named.ts), so a
 * booking of the list anywhere in January is the one named, not an opening on the 1st.
 */
function withMonthSpan(u: Understanding, said: string, ctx: UnderstandContext): Understanding {
  if (ctx?.expecting !== 'choice' || u.when?.exactTime || !ctx.now || !ctx.timeZone) return u;
  const month = monthNamed(said, ctx.now, ctx.timeZone);
  if (!month) return u;
  // "the jan one": a short month name alone is read by no date parser; it names the month all the same.
  if (!u.when) return u.intent === 'unknown' ? { ...u, intent: 'book', when: month } : u;
  return month.from.getTime() === u.when.from.getTime() ? { ...u, when: month } : u;
}

/** When the words naming a booking put it: its weekday, said on that weekday, is today's booking. */
function bookingWhen(text: string, now: Date, timeZone: string): ResolvedWhen | undefined {
  // "the january one": the month alone names every booking in it.
  const month = monthNamed(text, now, timeZone);
  if (month) return { range: month, hasDate: true };
  // "fridays is the one to cancel": a weekday said in the plural (or without its apostrophe) names the booking on it.
  const said = oneOfWeekdays(text);
  const asToday = todayForItsWeekday(said, now, timeZone);
  const when = resolveWhen(asToday, now, timeZone);
  // "move my tuesday appt", said on a Tuesday: today's booking if there is one, else the one on a Tuesday to come.
  const todaysWeekday = when && asToday !== correctTypos(normalize(said)) && !when.range.exactTime && !DATE_BY_NUMBER.test(asToday) && !ORDINAL_OR_SLASHED_DATE.test(asToday);
  return todaysWeekday ? { ...when, range: { ...when.range, weekdayOnly: true } } : when;
}

/** "can't make it tmrw, can we do monday at 2": the booking that can't be kept (if its day or time is said) and the time asked instead. */
function keptNot(raw: string, ctx: UnderstandContext, moving: boolean): { appointment?: ResolvedWhen; target: ResolvedWhen } | undefined {
  const cantMake = cantMakeThenAsks(raw) ?? mustMoveThenAsks(raw);
  if (cantMake) return keptNotOf(cantMake, ctx);
  // "push my appt to monday 9am, friday got crazy": only a move has a booking for the day gone bad to name.
  const goneBad = moving ? goneBadAfterAsk(raw) : undefined;
  const bad = goneBad && keptNotOf(goneBad, ctx);
  if (bad?.appointment) return bad;
  // With something on screen, "that no longer works, friday?" is about what is shown.
  const stopped = ['choice', 'confirmation', 'intake'].includes(ctx.expecting ?? '') ? undefined : stoppedWorkingThenAsks(raw);
  if (stopped) return keptNotOf(stopped, ctx);
  // "monday at 9 instead of the 9th": only a day or time after "instead of" names the booking ("instead of dana" does not).
  // With a summary or times on screen, "10 instead of 9" changes what is shown, not a booking.
  const insteadOf = ['choice', 'confirmation', 'intake'].includes(ctx.expecting ?? '') ? undefined : insteadOfSplit(raw);
  const kept = insteadOf && keptNotOf(insteadOf, ctx);
  return kept?.appointment ? kept : undefined;
}

/** The booking's day or time, read from the words naming it, and the time asked in its place. */
function keptNotOf(split: { booking: string; asked: string }, ctx: UnderstandContext): { appointment?: ResolvedWhen; target: ResolvedWhen } | undefined {
  const target = resolveWhen(split.asked, ctx.now, ctx.timeZone);
  if (!target) return undefined;
  const appointment = bookingWhen(split.booking, ctx.now, ctx.timeZone);
  return appointment ? { appointment, target } : { target };
}

/** The days a question names one by one ("thursday and saturday"), as one window from the first to the end of the last; undefined with fewer than two. */
function daysAsked(raw: string, resolveIn: (text: string) => ResolvedWhen | undefined): DateRange | undefined {
  // The "or" stays with the day it opens: "december or january" names the month after it.
  const days = raw.split(/(?=\b(?:and|or|plus)\b)|&|,/).map((p) => resolveIn(p)).filter((d) => d?.hasDate).map((d) => d!.range);
  if (days.length < 2) return undefined;
  // Days are said in order: "monday and wednesday" on a Tuesday is next Monday and the Wednesday after it.
  // Months are not: "january or december" names the two months as they come.
  for (let i = 1; i < days.length; i++) {
    while (days[i]!.from < days[i - 1]!.from && days[i]!.to.getTime() - days[i]!.from.getTime() <= WEEK_MS) days[i] = { ...days[i]!, from: new Date(days[i]!.from.getTime() + WEEK_MS), to: new Date(days[i]!.to.getTime() + WEEK_MS) };
  }
  const from = new Date(Math.min(...days.map((d) => d.from.getTime())));
  const to = new Date(Math.max(...days.map((d) => d.to.getTime())));
  return { from, to, exactTime: false, dayNamed: true, description: days.map((d) => d.description).join(' and ') };
}

/** "are you open sundays?", "r u open on sundays": the hours of every Sunday are those of the next one. */
function oneOfWeekdays(text: string): string {
  return text.replace(PLURAL_WEEKDAY, '$1day');
}

/**
 * "cancel my haircut, i want a color instead": the cancel is of the first service, on the day
 * its own words name; the other service is booked once the cancel is done (`replacedBy`).
 */
function cancelsForAnother(r: { raw: string; u: Understanding; services: ServiceCatalogEntry[]; ctx: UnderstandContext }): void {
  const { u, ctx } = r;
  const swap = serviceSwap(r.raw, (part) => matchServices(part, r.services));
  // "cancel the color and the haircut" cancels two; "i want the dye, cancel the haircut" keeps one.
  if (!swap || !CANCEL.test(swap.head) || CANCEL.test(swap.tail)) return;
  // "cancel the color one, keeping my haircut": the service said with the cancel is the one canceled.
  u.serviceId = swap.from.id;
  delete u.serviceChoices;
  if (!BOOKS_IN_PLACE.test(swap.tail)) return;
  u.replacedBy = swap.to.id;
  for (const k of ['shift', 'apptWhen', 'when'] as const) delete u[k];
  const day = ctx?.now && ctx?.timeZone ? bookingWhen(withoutCantMake(swap.head), ctx.now, ctx.timeZone) : undefined;
  if (day) u.when = day.range;
}

// "switch my color to a haircut", "change the trim into a color": a verb that swaps what is booked.
const SWITCH_VERB = /\b(switch|change|swap|turn)\b/;

/**
 * "switch my color", "change the trim": the verb comes before the service it swaps; "talk through
 * a color change first" names a change of the hair, no booking's.
 */
function switchesBefore<S>(head: string, from: S, said: (part: string) => S[]): boolean {
  const verb = SWITCH_VERB.exec(head);
  return verb !== null && said(head.slice(verb.index + verb[0].length)).includes(from);
}

/**
 * "can i switch my color on the 14th to just a haircut? same time": the service changes, which
 * no move does. The booking is canceled and the other service booked in its place (`then`,
 * once the cancel is done), at the same time unless the words name another.
 */
function switchesService(r: { raw: string; u: Understanding; services: ServiceCatalogEntry[]; ctx: UnderstandContext }): void {
  const { u, ctx } = r;
  const said = (part: string) => matchServices(part, r.services);
  const swap = serviceSwap(r.raw, said);
  // The new service right after the verb's "to" ("to just a haircut"), not in a later request ("to 3pm and add a color").
  if (!swap || !switchesBefore(swap.head, swap.from, said) || !said(words(swap.tail.trim()).slice(0, 3).join(' ')).includes(swap.to)) return;
  if (!ctx?.now || !ctx?.timeZone) return;
  u.serviceId = swap.from.id;
  u.replacedBy = swap.to.id;
  for (const k of ['shift', 'apptWhen', 'when', 'serviceChoices'] as const) delete u[k];
  const day = bookingWhen(swap.head, ctx.now, ctx.timeZone);
  if (day) u.when = day.range;
  const timed = resolveWhen(swap.tail, ctx.now, ctx.timeZone) ?? parseShift(simplify(swap.tail));
  u.then = timed ? swap.tail : `${swap.tail} at the same time`;
}

// "my thursday", "our cuts", "the color" (with nothing on screen it could be a list's): a booking the customer has.
// "my son wants a cut instead of a color" names a person, not a booking.
const OWNS_BOOKING = new RegExp(String.raw`\b(my|our) (?!(${RELATIVES})\b)[\w']+`);

/**
 * "make my thursday a trim instead of color", "id rather do a haircut than the color": the
 * new service said before the booked one. As for a switch, the booking is canceled and the
 * other service asked in its place at the same time (`then`, once the cancel is done).
 */
function swapsServiceBackwards(r: { raw: string; u: Understanding; services: ServiceCatalogEntry[]; ctx: UnderstandContext }): void {
  const { u, ctx } = r;
  if (!ctx?.now || !ctx?.timeZone || ctx.expecting === 'intake') return;
  const owned = (head: string, old: string) => OWNS_BOOKING.test(`${head} ${old}`) || (/^the\b/.test(old) && !ctx.expecting);
  const swap = swapSaidBackwards(r.raw, (part) => matchServices(part, r.services), owned);
  if (!swap) return;
  u.serviceId = swap.from.id;
  u.replacedBy = swap.to.id;
  for (const k of ['shift', 'apptWhen', 'when', 'serviceChoices', 'secondServiceId'] as const) delete u[k];
  const day = bookingWhen(r.raw, ctx.now, ctx.timeZone);
  if (day) u.when = day.range;
  u.then = `a ${swap.to.name.toLowerCase()} at the same time`;
}

/** Which booking(s) a cancel or a follow-up means (which-booking.ts). */
function readWhichBooking(r: { raw: string; s: string; u: Understanding; services: ServiceCatalogEntry[]; ctx: UnderstandContext }): void {
  const { raw, s, u, services, ctx } = r;
  if (meantAnother(s)) u.meantOther = true;
  // "and the color on monday too": no booking words of its own, so it repeats the last request.
  // "also whats the earliest u have tmrw for a trim?": a look for openings is a request of its own, never the last one again.
  if (continuesLast(s) && !NEW_BOOKING.test(s) && !ASKS_OPENINGS.test(s)) u.continues = true;
  // "when's my next appt?": the question names one booking by its order too, which "cancel that one" then means.
  // "the earlier of my 2 mondays", "whichever appt of mine is sooner": the words own the bookings they order.
  const owned = /\b(of (my|mine|our|ours)|which ?ever)\b/.test(s);
  // "can the early one be 12 instead": a time said as a change names the booking by its order too.
  const changes = changesBookedTime(s, { any: true, exact: true });
  const order = owned || changes || CANCEL.test(s) || RESCHEDULE.test(s) || MY_APPOINTMENTS.test(s) || WHATS_BOOKED.test(s) ? bookingByOrder(s) : undefined;
  if (order !== undefined) u.order = order;
  if ((u.when || u.apptWhen) && severalOnWeekday(s)) u.severalOnWeekday = true;
  if (refersToShown(s)) u.refersToShown = true;
  if (saysThatDay(s)) u.thatDay = true;
  if (asksSameStaff(s)) u.sameStaff = true;
  // "both please" to "which one would you like to cancel?": every one listed.
  if (asksForAll(s) && ctx?.expecting === 'choice' && !RESCHEDULE.test(s)) u.allBookings = true;
  // "move both our haircuts to the 12th, same times": every booking meant moves, one after the other.
  if (asksForAll(s) && RESCHEDULE.test(s)) u.allBookings = true;
  if (!CANCEL.test(s) || RESCHEDULE.test(s) || u.replacedBy) return;
  if (cancelsAll(raw)) u.allBookings = true;
  const resolve = (part: string) => (ctx?.now && ctx?.timeZone ? bookingWhen(part, ctx.now, ctx.timeZone)?.range : undefined);
  // "moving next week, pls cancel both, the cut and the color": the time before the cancel is its reason, as for any cancel of all.
  const targets = timesListed(raw, u, resolve) ?? bookingTargets({ raw: u.allBookings ? fromCancelVerb(raw) : raw, matchServices: (part) => matchServices(part, services), resolve });
  if (targets) u.targets = targets;
}

/** "cancel their cuts on the 17th (4 and 4:30)": one booking per time listed, each on the day said (listed-times.ts). */
function timesListed(raw: string, u: Understanding, resolve: (text: string) => DateRange | undefined): Understanding['targets'] {
  const ranges = eachListedTime(raw, resolve);
  return ranges?.map((when) => ({ ...(u.serviceId ? { serviceId: u.serviceId } : {}), when }));
}

/**
 * "can u move it to tues right after mine", "push my cut to just before my color": a move whose
 * new time is placed by another booking's end or start; the move's own words say the day.
 */
function movedBy(n: NonNullable<ReturnType<typeof nextToBooking>>, services: ServiceCatalogEntry[]): Understanding['nextTo'] {
  if ((n.edge !== 'end' && n.edge !== 'start') || !n.booking) return undefined;
  const service = matchService(n.booking, services);
  return { edge: n.edge, minutes: n.minutes, ...(service ? { serviceId: service.id } : {}), ...(n.person ? { person: n.person } : {}) };
}

/** The booking a new one goes next to, as far as its words say which: its service and its day. */
function placedBy(n: NonNullable<ReturnType<typeof nextToBooking>>, services: ServiceCatalogEntry[], ctx: UnderstandContext): NonNullable<Understanding['nextTo']> {
  const out: NonNullable<Understanding['nextTo']> = { edge: n.edge, minutes: n.minutes, ...(n.days ? { days: n.days } : {}), ...(n.weekday ? { weekday: n.weekday } : {}), ...(n.person ? { person: n.person } : {}), ...(n.loose ? { loose: true } : {}) };
  const service = matchService(n.booking, services);
  if (service) out.serviceId = service.id;
  // "a color right after the cut, friday", "right after mine thurs": a day said anywhere is the booking's, since the new one sits on it.
  // The booking's own words may name today by its weekday; the request's day is the new booking's, read as any other.
  const named = bookingWhen(n.booking, ctx.now, ctx.timeZone);
  // "same time as mine but on friday": a copy's day said apart from the booking is the copy's own.
  // "the monday before my cut": the weekday is the new booking's, reckoned from the booking, never the booking's day.
  // "the day before my cut (christmas day) at 9": days counted from the booking, the date said is the new one's too.
  const said = n.edge === 'same' || n.weekday || n.days ? undefined : resolveWhen(n.rest, ctx.now, ctx.timeZone);
  const day = [named, said].find((d) => d?.hasDate);
  if (day) out.day = day.range;
  return out;
}

/**
 * A person ruled out: "with lee instead of dana" asks for the other person named; with only
 * one other on the team, "anyone but lee" asks for that one; else anyone.
 */
function ruleOut(u: Understanding, member: StaffEntry, staff: readonly StaffEntry[], raw: string): void {
  const others = staff.filter((m) => m.id !== member.id);
  const named = matchStaff(withoutStaffName(raw, member), others);
  if (named && !ruledOut(simplify(raw), named)) u.staffId = named.id;
  else if (others.length === 1) u.staffId = others[0]!.id;
  else u.anyStaff = true;
}

function ruledOut(s: string, member: StaffEntry): boolean {
  const first = words(simplify(String(member.name ?? '')))[0];
  if (!first) return false;
  // "yes but with dana" asks for Dana: only "anyone but" rules out.
  return new RegExp(`\\b((any ?one|any ?body|someone|somebody|who ?ever|any stylist) but|not|except|other than|besides|without|don'?t want|instead of|rather than|(?:rather|prefer) not(?: to)?(?: have| see| get| book)?)( with)? ${first}\\b`).test(s) || STAFF_AWAY(first).test(s);
}

/** "i know dana is gone by then", "lee's off fridays": that person cannot take the time asked. */
const STAFF_AWAY = (first: string) =>
  new RegExp(`\\b${first}(?: is|'?s| will be| would be)? (?:gone|off|out|away|leaving|busy|unavailable|done|booked up|not (?:there|in|working|available|around|free))\\b|\\b${first} (?:leaves|has left|won'?t be (?:there|in|around|working))\\b`);

const PLURAL_WEEKDAY = /\b(mon|tues|wednes|thurs|fri|satur|sun)days\b/g;

// Where a move's "which one" ends and its new time begins: "my thursday appt | to friday at 10".
// In a move, a sentence's end separates too ("need to reschedule monday. would wed work?"), not the dots of "p.m." or "10.30".
const MOVE_SEPARATOR = /[,?!;]|(?<=[a-z]{2})\.(?=\s)|\b(?:to|and|then|for|into|instead|become|becomes)\b/g;
// "my thursday appt", "move tuesday": the day right after the verb is the appointment's; so is the time "from" names ("change it from 3pm to 4").
const NAMES_APPOINTMENT = /\b(my|the|our|this|that)\b|\b(move|change|switch|reschedule|shift|bump|push) \S+ ?$|\bfrom \d{1,2}(:\d{2})? ?([ap]m)? ?$/;
// "whats the earliest you have on sat the 19th? want to move my 4pm up", "what have you got thurs? need to move my 3pm",
// "anything friday after 5? need to switch my thursday appt":
// words asking what is free ask for the new time; they never name the booking (the "you have me down for" of one does).
const OPENINGS_ASKED =
  /\b(?:what|whats|anything|any|earliest|soonest|latest|first)\b[^?!;]*\b(?:(?:you|u|ya)(?: guys| all)? (?:have|got)\b(?! (?:me|us|my|our)\b)|openings?\b|availability\b|available\b|free\b|open\b)|\b(?:got|have) (?:you |u )?(?:any|anything)\b|^(?:(?:hi|hey|ok|so|um|hmm) )?(?:anything|any ?time|any slots?|any spots?)\b[^?!;,.]*$/;

// "bump my color a week", "push it 2 days": how far a booking moves, which names no day of a booking ("in a week" may).
// "the day before instead, fri the 18th", "the next day instead? fri 18th": "the day before", "the week after", "the next
// (or following) day" with no day after it is counted from the booking too.
const DAYS_MOVED = /(?<!\b(?:in|within) )\b(?:an?|one|two|three|\d) (?:weeks?|wks?|days?)\b|\b(?:the (?:day|week) (?:before|after)|(?:the )?next day|the following (?:day|week))\b(?= ?(?:instead|then|that|it|pls|please)?\b ?(?:[,.;:!?-]|$))/g;

/**
 * "move my thursday appt to friday at 10", "cancel my wed one and book me thurs 3pm
 * instead": two dates, the first says which appointment, the second the new time. A time
 * alone after the separator only counts when the first part clearly names an appointment
 * ("my 3pm on thursday to 4"), else "to thursday for 3pm" is one new time.
 */
/** Whether the words before a separator close on "instead" ("the 14th instead, after 2", "monday instead?"): the time asked, said whole. */
function closesInstead(head: string, rest: string): boolean {
  return /\binstead\s*$/.test(head) || /^instead\s*(?:[,.?!;]|$)/.test(rest);
}

/**
 * "i have my cut at 11 that day so could we move it to friday the 11th at 3": a story told
 * before the move's verb may name times of its own; the day said after the verb's "to" is the new time.
 */
function dayAfterVerb(raw: string, verbAt: number, now: Date, timeZone: string): ResolvedWhen | undefined {
  const to = /\bto\b/.exec(raw.slice(verbAt));
  const said = to && resolveWhen(raw.slice(verbAt + to.index + 2), now, timeZone);
  return said?.hasDate ? said : undefined;
}

// "wed the 9th after 4, anything open? want to move my fri 9am cut there": the booking is named after the verb, and
// "there" (or "then", "to that day") points back at the time asked before it.
const MOVED_THERE = /\b(?:move|moving|switch|push|bump|shift|change)\s+(?<booking>(?:my|our|the)\s[^,.;!?]+?)\s+(?:to\s+)?(?:there|then|over there|to that(?: day| time| one)?)\s*(?:pls|please|plz|instead|if (?:you|u) can)?\s*[.!?]*\s*$/;

function movedThere(raw: string, now: Date, timeZone: string): { appointment: ResolvedWhen; target: ResolvedWhen } | undefined {
  const m = MOVED_THERE.exec(raw);
  if (!m) return undefined;
  const appointment = bookingWhen(m.groups!.booking!, now, timeZone);
  const target = resolveWhen(raw.slice(0, m.index), now, timeZone);
  return appointment && target?.hasDate ? { appointment, target } : undefined;
}

/** "my sat appt to 430", "the 3pm to 1015": digits right after "to" are the new clock time, read as "at 430" is. */
function newTimeAfter(separator: string, rest: string): string {
  return separator === 'to' ? rest.replace(/^ (?=\d{3,4}\b(?![:./]))/, ' at ') : rest;
}

function splitMove(raw: string, now: Date, timeZone: string, moving: boolean): { appointment: ResolvedWhen; target: ResolvedWhen } | undefined {
  // "i'll stop by to grab shampoo, also can i move my cut on the 10th to 4": a "to" before the move's verb opens no new time.
  const verbAt = moving ? raw.search(RESCHEDULE) : -1;
  const there = moving ? movedThere(raw, now, timeZone) : undefined;
  if (there) return there;
  for (const m of raw.matchAll(MOVE_SEPARATOR)) {
    if (m[0] === 'to' && m.index < verbAt) continue;
    // A cancel's next sentence says what stays ("cancel the 10th. keeping the 3rd"), no new time.
    if (!moving && /^[?!;.]$/.test(m[0])) continue;
    const head = raw.slice(0, m.index);
    // "could we do the week of the 14th instead, any afternoon after 2": what closes with "instead" is the time asked, never the booking.
    if (closesInstead(head, raw.slice(m.index))) return undefined;
    if (OPENINGS_ASKED.test(head)) continue;
    // "bump my color a week, thurs the 17th at 9:30": how far it moves names no booking's day.
    const appointment = bookingWhen(head.replace(DAYS_MOVED, ' '), now, timeZone);
    // "move us to the 9th, keep it at 2": what follows a "to" with no date before it is all new time.
    // "i need to move", "want to change": a "to" before a verb opens no new time.
    if (m[0] === 'to' && /^ (move|reschedule|change|switch|push|bump|shift|cancel|book|get|come)\b/.test(raw.slice(m.index + 2))) continue;
    if (!appointment && /^(to|into)$/.test(m[0])) return undefined;
    if (!appointment) continue;
    const target = resolveWhen(newTimeAfter(m[0], raw.slice(m.index + m[0].length)), now, timeZone);
    if (!target) return undefined;
    // "move thurs 3pm to 4pm": a day and clock time name one booking, so what follows is its new time, not the window's end.
    if (target.hasDate || NAMES_APPOINTMENT.test(head) || namesDayAndTime(appointment)) return { appointment, target: (m.index < verbAt && dayAfterVerb(raw, verbAt, now, timeZone)) || target };
    // "coming from work friday and will be late, can we push my 4pm to 5pm": a later separator may still name the booking.
  }
  return undefined;
}

/** "the dec 17 one", "my afternoon appt", "the one on the 11th", "my friday cut", "my 3pm on thurs", "my 2pm on the 8th": a booking named by when it is. */
const BOOKING_BY_TIME =
  /\b(?:my|our) (?<clock>\d{1,2}(?::\d{2})? ?(?:am|pm)(?: (?:on )?(?:mon|tue|wed|thu|fri|sat)[a-z]*| tmrw| tomorrow| on (?:the )?\d{1,2}(?:st|nd|rd|th)| (?:on )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?)?|\d{1,2}(?::\d{2})? ?(?:am|pm)? (?:on )?(?:(?:mon|tue|wed|thu|fri|sat)[a-z]*|tmrw|tomorrow))\b|\b(?:my|our) (?<told>[a-z]+)(?: (?:appt|appointment|booking))?(?: is|'s| s| was) (?<toldOn>(?:on|at|for) (?:the )?[\w:/]+(?: (?:at )?\d[\w:]*)?)|\b(?:the|my|our) (?:(?:one|appt|appointment|booking) (?<on>(?:on|at|for) (?:the )?[\w:/]+(?: (?:at )?\d[\w:]*)?)|(?<named>(?:[\w:/]+ ){1,3}?)(?<noun>one|appt|appointment|booking|slot|spot|visit|[a-z]+)\b)/g;
/** Words that ask for the booking named to change ("be 10am", "instead", "make it"), where no move verb is said. */
const ASKS_CHANGE = /\b(instead|rather|be|become|make (it|that|this|mine)|change|switch|swap|go|moved?|reschedule|bump|push|shift)\b/;

/**
 * "can the dec 17 one be 10am instead", "the afternoon appt, can it be thurs at 11 instead":
 * the words naming a booking by its day or time say which one, the rest of the text its new
 * time. Undefined unless both are read and the text asks a change.
 */
function namedThenNewTime(said: string, ctx: UnderstandContext, isService: (word: string) => boolean): { appointment: ResolvedWhen; target: ResolvedWhen } | undefined {
  if (['choice', 'confirmation', 'intake'].includes(ctx.expecting ?? '') || !ASKS_CHANGE.test(said)) return undefined;
  // "my 10am on the 12th, could it be noon instead? the 19th stays": the booking kept names neither.
  const raw = withoutKept(said, { moving: true });
  for (const m of raw.matchAll(BOOKING_BY_TIME)) {
    const g = m.groups!;
    // "my color is on the 14th": the booking told of by its day names it, as "the 14th one" would.
    const noun = g.noun ?? g.told;
    if (noun && !/^(one|appt|appointment|booking|slot|spot|visit)$/.test(noun) && !isService(noun)) continue;
    // "the december one": the month said with its "the" is all of it (alone, "december" reads as its first day).
    const month = g.named ? monthNamed(m[0], ctx.now, ctx.timeZone) : undefined;
    const appointment = month ? { range: month, hasDate: true } : bookingWhen(g.clock ?? g.on ?? g.toldOn ?? g.named!, ctx.now, ctx.timeZone);
    if (!appointment) continue;
    // "can my sat appt go later in the day? like after 2": "in the day" is the booking's own, no day on.
    const target = resolveWhen(withoutSameDay(`${raw.slice(0, m.index)} ${raw.slice(m.index + m[0].length)}`), ctx.now, ctx.timeZone);
    if (target) return { appointment, target };
  }
  return dayThenAsksIt(raw, ctx);
}

/** Where a request about "it" opens after the day naming the booking: "the 12th | can u make it 3pm" (a bare "actually make it 4:30" corrects the text itself). */
const ASKS_ABOUT_IT = /[,;:-]?\s*\b(?:(?:can|could|would|will) (?:u |you |we |ya )(?:pls |please |just )?(?:make|move|change|push|bump|switch|shift|put|have) it|(?:can|could|would|will) it)\b/;

/** "the 12th can u make it 3pm", "friday, could you move it to 4": a day said first names the booking that "it" is. */
function dayThenAsksIt(raw: string, ctx: UnderstandContext): { appointment: ResolvedWhen; target: ResolvedWhen } | undefined {
  const m = ASKS_ABOUT_IT.exec(raw);
  // "can i get a cut tmrw, can you make it 3pm": a day in a request for a new booking names none had.
  if (!m || m.index === 0 || NEW_BOOKING.test(raw.slice(0, m.index))) return undefined;
  const appointment = bookingWhen(raw.slice(0, m.index), ctx.now, ctx.timeZone);
  const target = appointment?.hasDate ? resolveWhen(raw.slice(m.index + m[0].length), ctx.now, ctx.timeZone) : undefined;
  return appointment && target ? { appointment, target } : undefined;
}

/** A clock time on a day said ("thurs 3pm", "dec 3 at 3"): one booking, whichever words name it. */
function namesDayAndTime(w: ResolvedWhen): boolean {
  return w.hasDate && w.range.exactTime;
}

// A day of the month by its number ("the 17th", "dec 17", "12/17"): the most specific way to name a day.
const CALENDAR_DATE = new RegExp(`\\b(?:${MONTH} \\d{1,2}(?:st|nd|rd|th)?|(?:the )?\\d{1,2}(?:st|nd|rd|th)|\\d{1,2}/\\d{1,2})\\b`, 'i');
const LOOSER_DAY = /\b(?:(?:last|this|next) )?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|today|tonight|tomorrow|tmrw|tmr)\b/gi;

/**
 * The words of a cancel that name its day. A cancel names one booking, however many ways
 * it says it: "my last thursday cut, the one on the 17th" names it by its weekday and by its
 * date, and the date is the one that cannot be misread, so the looser day words are dropped
 * (a time said stays: "my friday 3pm, the 11th").
 */
function calendarDateOfCancel(text: string): string {
  return CALENDAR_DATE.test(text) ? text.replace(LOOSER_DAY, ' ') : text;
}

/**
 * "cancel my haircut and book a color instead": two services, the first the appointment's,
 * the second the one asked for. Undefined unless the message splits into two parts naming
 * one different service each.
 */
function targetService(raw: string, services: ServiceCatalogEntry[]): ServiceCatalogEntry[] | undefined {
  const swap = serviceSwap(raw, (part) => matchServices(part, services));
  return swap && [swap.to];
}

/** Names of the business's services and staff are never "corrected" into vocabulary words. */
function protectedWords(services: ServiceCatalogEntry[], staff: StaffEntry[]): Set<string> {
  const protect = new Set<string>();
  for (const s of services) for (const p of [s?.name, s?.slug, ...(s?.synonyms ?? [])]) for (const w of words(simplify(String(p ?? '')))) protect.add(w);
  for (const m of staff) for (const w of words(simplify(String(m?.name ?? '')))) protect.add(w);
  return protect;
}

function as(r: Reading, intent: Intent): Understanding {
  r.u.intent = intent;
  return r.u;
}

/** A pick among the options on screen, by number or by time. */
function choose(r: Reading): Understanding {
  const { u, choice, resolved } = r;
  if (choice.index !== undefined) u.choiceIndex = choice.index;
  if (choice.bare) u.numberMayBeHour = true;
  if (choice.byTime) u.choiceByTime = choice.byTime;
  const time = choice.time ?? resolved?.time;
  if (time) u.choiceTime = time;
  // "the 3pm one" names a time on the offered day; a `when` for today would mislead.
  if (resolved && !resolved.hasDate) delete u.when;
  return as(r, 'choose');
}

/** What the message says outright, whatever the bot asked: commands, a person, help, change or cancel. */
function explicitIntent(r: Reading): Understanding | undefined {
  const { raw, s, u } = r;
  // The one-letter commands of the UX contract. Checked on the raw text: "r" is otherwise "are".
  const bare = raw.replace(/[^a-z0-9]/g, '');
  if (bare === 'c' && raw.length <= 3) return as(r, 'cancel');
  if (bare === 'r' && raw.length <= 3) return as(r, 'reschedule');

  // "come in and talk to someone about options, like a consultation, wed at 11" books the talk.
  const talkBooked = Boolean(u.serviceId) && talkIsTheConsult(s, Boolean(r.resolved || u.nextTo));
  // "can i speak with dana directly": a stylist asked for by name is a person too.
  if ((!talkBooked && wantsPerson(r.toStaff)) || inOtherLanguage(raw)) return as(r, 'human');
  if (HELP_ONLY.test(s) || /^(help|info)\b/.test(s) && words(s).length <= 3) return as(r, 'help');
  if (NEGATED_CHANGE.test(s)) {
    u.answer = 'no';
    return as(r, 'decline');
  }
  if (((namesPolicies(s) && !/\b(my|our) (appointment|booking)\b/.test(s)) || asksPolicy(s)) && !asksBookingWindow(s)) {
    u.infoTopic = 'policies';
    // "is it too late to move my friday appt?": the booking the rules are asked about, for a new time said next.
    if (RESCHEDULE.test(s) && !CANCEL.test(s)) u.moveAsked = true;
    // "cut the 10th at 1:30 + do u charge if i cancel late?": the rules answered, then the booking said beside them.
    else if (u.serviceId && r.resolved && bookingBesidePolicy(r.raw)) u.alsoBooks = true;
    return as(r, 'business_info');
  }
  if (u.replacedBy) return as(r, 'cancel');
  if (RESCHEDULE.test(s)) {
    // "can i rebook the haircut for sunday": a move of the booking there is, else (after a cancel) a new one.
    if (/\bre-?book\b/.test(s)) u.changesBooked = true;
    return as(r, u.shift && u.forSomeoneElse && !u.shift.minutes ? 'book' : 'reschedule');
  }
  // "can i change my cut?": the booking of that service changes, its new time asked next.
  if (r.changesOwn && !u.forSomeoneElse) return as(r, 'reschedule');
  // "can i switch to dana, same time?": who does the booking changes, at its own time unless another is said.
  if (u.staffId && !u.forSomeoneElse && !['choice', 'confirmation', 'intake'].includes(r.expecting ?? '') && switchesStaff(r.toStaff)) {
    if (!u.shift && !u.when) u.shift = { minutes: 0, days: 0, sameTime: true };
    return as(r, 'reschedule');
  }
  // "an hour later", "same time next week instead": a move of what is booked, unless it is for someone else.
  if (u.shift && !u.forSomeoneElse && (u.shift.minutes !== 0 || /\binstead\b/.test(s) || movesByDays(r) || movesWithinDay(r) || sameTimeOtherDay(r))) return as(r, 'reschedule');
  // "i won't make 4, can we do 4:30?": another time in place of one that can't be kept (with nothing on screen to pick from).
  if (r.asksInstead && !u.forSomeoneElse && !['choice', 'confirmation', 'intake'].includes(r.expecting ?? '')) return as(r, 'reschedule');
  if (CANCEL.test(s)) {
    // "cancel my 3pm and book 4pm instead" replaces one booking with another.
    if (booksInPlace(s, r.raw)) return as(r, 'reschedule');
    return as(r, 'cancel');
  }
  // "my son can't make his cut thursday, can he come monday instead": two days, the booking's and its new one.
  if (u.apptWhen) return as(r, 'reschedule');
  return undefined;
}

/**
 * "can we do same time next week?", "the week after works better": with no offers or summary
 * on screen, whole days from a booking move it. A new booking says so ("book", "another").
 */
function movesByDays(r: Reading): boolean {
  const shift = r.u.shift;
  if (!shift || (shift.days === 0 && !shift.weekday) || r.expecting === 'choice' || r.expecting === 'confirmation') return false;
  return !/\b(book|another|also|too|new|second|extra)\b/.test(r.s);
}

/**
 * "i booked a trim for thursday but can we make it friday same time": a day said as a change
 * of what is booked, at the booking's time, moves it.
 */
function sameTimeOtherDay(r: Reading): boolean {
  const shift = r.u.shift;
  if (!shift?.sameTime || shift.minutes || r.expecting === 'choice' || r.expecting === 'confirmation') return false;
  return Boolean(r.resolved?.hasDate) && changesBookedTime(r.s, { any: true, exact: false });
}

/**
 * "anything earlier that day?", "could i come later in the day": with no offers or summary on
 * screen, another time on a booking's own day moves it. A new booking says so.
 */
function movesWithinDay(r: Reading): boolean {
  if (!r.u.shift?.sameDay || r.expecting === 'choice' || r.expecting === 'confirmation') return false;
  return !/\b(book|another|also|too|new|second|extra)\b/.test(r.s);
}

/** A yes, no or pick, read against what the bot asked for (a confirmation or a choice). */
function answerToPrompt(r: Reading): Understanding | undefined {
  const { s, u, answer, choice, resolved } = r;
  if (r.expecting === 'confirmation') {
    if (answer === 'yes') {
      if ((choice.time || resolved) && CHANGE_WORDS.test(s)) return choose(r);
      return as(r, 'confirm');
    }
    if (answer === 'no') return as(r, 'decline');
  }
  if (r.expecting === 'choice') {
    if (answer === 'no' || DECLINE_OFFERS.test(s)) {
      if (!answer) u.answer = 'no';
      return as(r, 'decline');
    }
    if (choice.index !== undefined || choice.time !== undefined) return choose(r);
    if (answer === 'yes' && r.optionCount === 1) {
      u.choiceIndex = 0;
      return as(r, 'choose');
    }
  }
  return undefined;
}

/** Questions: the customer's appointments, the business, the services and prices. */
function askedInformation(r: Reading): Understanding | undefined {
  const { s, u } = r;
  // "who works saturdays?": the team's days; "is lee in at 3 for a cut" still asks for that booking.
  if (asksWhoWorks(r.toStaff) && !u.serviceId && !r.resolved?.range.exactTime) {
    u.infoTopic = 'staff';
    return as(r, 'business_info');
  }
  // "is this w dana?", "am i with lee friday": whether the booking had is with the person named.
  if (WHATS_BOOKED.test(s) || (u.staffId && (WHICH_OF_STAFF.test(s) || asksStaffOfBooking(r.toStaff, r.expecting)))) return ownBookings(r);
  // "did my husband book his cut for thursday?": whether a relative is booked, asked; never a booking (relative-booked.ts).
  if (asksIfRelativeBooked(s)) return ownBookings(r);
  if ((MY_APPOINTMENTS.test(s) || asksOwnBookings(s) || asksOwnBooking(s) || asksBookingsLeft(s)) && !/\b(book|make|schedule|new|another)\b/.test(s)) {
    // "is my cut tmrw or thursday?": the first day read is only one of the two asked between.
    if (asksWhichOfTwoTimes(s)) delete u.when;
    return ownBookings(r);
  }
  // "great thanks see you then!": a goodbye, which asks for no look at the booking.
  if (signsOff(s, r.expecting)) {
    u.signsOff = true;
    return as(r, 'greeting');
  }
  // "can she get a haircut at 2? i'll be there for my color anyway": a booking for someone else, the "i'll be there" only says why.
  const booksForOther = u.forSomeoneElse && u.serviceId && r.resolved;
  if (checksBooking(s, r.expecting) && !booksForOther && !/\b(book|make|schedule|new|another)\b/.test(s) && !changesBookedTime(s, { any: Boolean(r.resolved), exact: Boolean(r.resolved?.range.exactTime) })) {
    // A bare "confirm" from someone with nothing booked is no question: the provider says so only when there is a booking.
    if (r.answer === 'yes') u.checksBooking = true;
    return as(r, 'my_appointments');
  }
  if (WHO_IS_THIS.test(s) && !u.serviceId && !r.resolved) {
    u.asksWho = true;
    return as(r, 'business_info');
  }
  if (r.topic) {
    if (r.topic === 'contact' && asksGiftCards(s)) u.giftCards = true;
    // "haircut tmrw 3pm pls and also what's ur address": the question is answered, then the booking goes on.
    if (u.serviceId && (r.resolved || asksToBook(s))) u.alsoBooks = true;
    const also = secondTopic(s, r.topic);
    if (also) u.alsoTopic = also;
    // "what's ur address and how much is it": the price of the service named is answered too.
    if (u.serviceId && PRICE_ASKED.test(s)) u.alsoPrice = true;
    return as(r, 'business_info');
  }
  if (asksDuration(s)) {
    u.asksDuration = true;
    if (u.serviceId && r.resolved) u.alsoBooks = true;
    return as(r, 'business_info');
  }
  if (asksNotOffered(r)) {
    u.asksServices = true;
    return as(r, 'business_info');
  }
  if (PRICE_ASKED.test(s) || asksIfFree(s) || (SERVICES_QUESTION.test(s) && !u.serviceId && !r.resolved) || (LIST_OF_SERVICES.test(s) && !r.resolved)) {
    u.asksServices = true;
    // "haircut fri at 2, how much is it?": the price is given, then the booking goes on.
    // "how much will my color on monday be": the price of a booking had, with no new one asked.
    if (u.serviceId && (r.resolved || NEW_BOOKING.test(s)) && !(OWN_SERVICE.test(s) && !NEW_BOOKING.test(s))) u.alsoBooks = true;
    // "can i do 2pm instead on friday? also how much is a trim": that booking goes on as a move.
    const request = s.replace(/\b(also|and|plus|oh and)\b[^?]*\b(how much|price|prices|pricing|cost|costs)\b.*$/, '');
    if (u.alsoBooks && !u.shift && changesBookedTime(request, { any: Boolean(r.resolved), exact: Boolean(r.resolved?.range.exactTime) })) u.changesBooked = true;
    return as(r, 'business_info');
  }
  return undefined;
}

// "my color", "our cuts": a service said as one the customer has (a person's is another's: "my son's cut").
const OWN_SERVICE = new RegExp(String.raw`\b(my|our) (?!(${RELATIVES}|appt|appointment|booking)\b)[a-z]+\b(?!'?s\b)`);

/** The customer's own bookings asked about; "how much is my appt monday gonna cost" asks what they cost too. */
function ownBookings(r: Reading): Understanding {
  if (PRICE_ASKED.test(r.s)) r.u.pricesBooked = true;
  // "what do i have now", "remind me what i have right now": "now" is as things stand, every booking ahead, not this minute.
  if (/^(right )?now$/.test(r.u.when?.description ?? '')) delete r.u.when;
  return as(r, 'my_appointments');
}

/** A booking asked beside a question; "a pic of what i want for my color" asks for none. */
function asksToBook(s: string): boolean {
  return NEW_BOOKING.test(s.replace(/\bwhat (i|we) (want|need|like)\b/g, ' '));
}

/** "do you do nails", "do u guys offer waxing?": a service question whose service is not in the catalog. */
function asksNotOffered(r: Reading): boolean {
  const m = OFFERED_QUESTION.exec(r.s);
  if (!m || !r.hasServices || r.u.serviceId || r.u.serviceChoices || r.resolved || r.u.staffId) return false;
  const asked = (m.groups?.asked ?? '').replace(/\b(a|an|any|the|some|here|there|too|at all|please|guys|by any chance)\b/g, ' ').replace(/\s+/g, ' ').trim();
  if (!/[a-z]{3,}/.test(asked) || NOT_A_SERVICE.test(asked) || BOOK.test(asked)) return false;
  notOffered(r.u, asked);
  return true;
}

/** Marks the message as asking for a service the catalog lacks; `what` names it when it is a short phrase. */
function notOffered(u: Understanding, what: string): void {
  u.notOffered = true;
  if (u.notOfferedName === undefined && /^[a-z' -]{3,30}$/.test(what) && words(what).length <= 3) u.notOfferedName = what;
}

/** "can i book a pedicure tomorrow": the thing booked when it is not a service (the catalog found none). */
function unknownThingAsked(s: string): string | undefined {
  const thing = ASKED_THING.exec(s)?.groups?.thing;
  return thing !== undefined && !NOT_A_THING.has(thing) && !NOT_A_SERVICE.test(thing) && !NUMBER_WORDS[thing] ? thing : undefined;
}

/**
 * During an intake question, a message that asks to book something ("nvm just book a haircut
 * at that time") is a new request, not the answer: the customer is never trapped in the questions.
 */
function newRequestDuringIntake(r: Reading): Understanding | undefined {
  if (!/\b(book|schedule|instead|rather|switch)\b/.test(r.s) || !(r.u.serviceId || r.resolved)) return undefined;
  // "can we do 3pm instead" changes the time of this booking and keeps its service; a
  // service named, or "book", starts a request of its own.
  if (r.u.serviceId || /\b(book|schedule)\b/.test(r.s)) r.u.abandons = true;
  return as(r, 'book');
}

/** Everything else, by the strongest signal left. */
function bestGuess(r: Reading): Understanding {
  const { s, u, answer, choice } = r;
  if (r.expecting === 'intake') return newRequestDuringIntake(r) ?? as(r, 'provide_info');
  const timeSaid = { any: Boolean(r.resolved || choice.time), exact: Boolean(r.resolved?.range.exactTime || choice.time) };
  // "ok cool. could we start at 1pm instead": with nothing on screen to answer, the "ok" only acknowledges; the rest changes a booked time.
  const acknowledges = answer === 'yes' && !r.expecting && Boolean(r.resolved) && !u.shift && !u.forSomeoneElse && changesBookedTime(s, timeSaid);
  // "ok what about 4": a new time, not a yes to what was on screen.
  if (!acknowledges && answer === 'yes' && (choice.time || r.resolved) && CHANGE_WORDS.test(s)) return choose({ ...r, choice: { ...choice, index: undefined } });
  // "cut thurs 10th at 5 if that works", "... thats the only time that works for me": with nothing on screen to
  // answer, the yes-words are a remark beside the service and time asked, which is the booking.
  const remarkBesideRequest = answer === 'yes' && !r.expecting && Boolean(u.serviceId && r.resolved?.hasDate);
  if (!acknowledges && answer === 'yes' && !remarkBesideRequest) return as(r, 'confirm');
  if (answer === 'no') return as(r, 'decline');

  if (r.expecting !== 'choice' && isExplicitChoice(s, choice) && !ordinalIsTheDate(r)) return choose(r);
  // "actually anyone but lee" with times on screen: the same search without that person.
  const anyoneForShown = u.anyStaff && (r.expecting === 'choice' || r.expecting === 'confirmation');
  const oneMore = u.sameAsBefore && u.forSomeoneElse;
  if (u.serviceId || u.serviceChoices || u.staffId || r.resolved || BOOK.test(s) || u.shift || u.notOffered || anyoneForShown || oneMore) {
    const thing = r.hasServices && !u.serviceId && !u.serviceChoices ? unknownThingAsked(s) : undefined;
    if (thing) notOffered(u, thing);
    // "is there anything earlier on saturday?" with nothing on screen: earlier than the booking that day.
    const otherThanBooked = !r.expecting && !u.serviceId && asksOtherThanBooked(s, timeSaid);
    if (!u.shift && !u.forSomeoneElse && (changesBookedTime(s, timeSaid) || otherThanBooked)) u.changesBooked = true;
    return as(r, 'book');
  }
  if (GREETING.test(s)) return as(r, 'greeting');
  if (/\bhelp\b|^\?+$/.test(s)) return as(r, 'help');
  if (u.email) return as(r, 'provide_info');
  if (choice.index !== undefined) return choose(r);
  return u;
}

/** "sat instead? this sat i mean, the 5th": with nothing on screen, an ordinal the date was read from is that date, no option. */
function ordinalIsTheDate(r: Reading): boolean {
  const index = r.choice.index;
  return index !== undefined && Boolean(r.resolved?.hasDate) && new RegExp(`\\b${index + 1}\\b`).test(r.resolved!.range.description);
}

/** Explicit wording of a choice ("option 2", "#3", "the 2nd one", "the 3pm one") outside a choice prompt. */
function isExplicitChoice(s: string, choice: { index?: number; time?: { hour: number; minute: number } }): boolean {
  if (choice.index !== undefined && /#\d|\b(option|number|slot|choice) ?\d|\b(first|second|third|fourth|fifth|last|\d(st|nd|rd|th))( one| option| slot)?$/.test(s)) return true;
  return choice.time !== undefined && /\bthe .*\b(one|slot|option)$/.test(s);
}

// "3:30 instead, better for parking", "parking is easier then": parking given as why a time suits asks nothing about it;
// "a complaint about parking", "gonna call about the parking": parking as what the customer writes or calls about asks nothing either.
const PARKING_AS_REASON = /\b(?:better|easier|good|nicer|worse|harder|simpler) (?:for )?parking\b|\b(?:for|because of|cuz of|bc of|cause of) (?:the )?parking\b|\bparking(?:'s| is| will be) (?:better|easier|nicer|simpler|worse|harder|a pain|impossible|terrible|crazy)\b|\b(?:complain(?:t|ts|ing)?|feedback|review|gripe|vent(?:ing)?|call(?:ing)?|writ(?:e|ing)|e-?mail(?:ing)?|text(?:ing)?|messag(?:e|ing)|talk(?:ing)?|speak(?:ing)?) (?:to (?:you|u|someone) )?(?:about|on|re|regarding) (?:the |your |ur )?parking\b/g;

function infoTopic(s: string, punctuated: string): Understanding['infoTopic'] {
  return topicAsked(s, punctuated, (text) => withoutShiftAmounts(spellHalfAmounts(text).replace(/[^a-z0-9'@:#/ ]+/g, ' ').replace(/\s+/g, ' ').trim()), topicNamed);
}

/** The business fact a text names, the booking window and hours before the address, the address before contact. */
function topicNamed(s: string): Understanding['infoTopic'] {
  if (asksBookingWindow(s)) return 'booking_window';
  if (HOURS.test(s)) return 'hours';
  // "your email address" asks for the e-mail, not where the salon is.
  if (ADDRESS.test(s.replace(/\be-?mail address(es)?\b/g, 'email').replace(PARKING_AS_REASON, ' '))) return 'address';
  if (namesPolicies(s) || asksPolicy(s)) return 'policies';
  if (CONTACT.test(s) || asksForEmail(s) || asksGiftCards(s)) return 'contact';
  return undefined;
}

/** The first number standing on its own ("3", "2.5", "three"), not part of a time, date, e-mail or code. */
function extractNumber(raw: string): number | undefined {
  // Clock times ("at 3", "3 o'clock") are dates, not answers to "how many?".
  const text = raw.replace(EMAIL, ' ').replace(/\b(at|@|around|about|by|before|after) ?\d{1,2}(:\d{2})?\b|\b\d{1,2} ?o'? ?clock\b/g, ' ');
  const m = /(?<![\w:/.@-])-?\d{1,12}(?:\.\d+)?(?![\w:/@]|\.\d)/.exec(text);
  if (m) {
    const n = Number(m[0]);
    if (Number.isFinite(n)) return n;
  }
  const word = /^(?:about |around |maybe )?([a-z]+)[.!]?$/.exec(raw);
  if (word && NUMBER_WORDS[word[1]!] !== undefined) return NUMBER_WORDS[word[1]!];
  return undefined;
}

// Re-exported for callers that match a typed time against offered slots themselves.
export { businessClock, findClockTime };
export { keepsTheTime, onlySameDay } from './moves.ts';
