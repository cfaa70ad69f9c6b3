// Matters only a person at the business can handle, though the customer does not ask for
// one in so many words: a complaint about a visit ("my last cut came out way too short",
// "she burned my scalp", "i want my money back"), a customer kept waiting at the salon,
// paying with a gift card or voucher, and a message to pass on to the team ("can someone
// let Dana know I'll be late"). The bot neither answers nor books these: it hands off.
// Read on the simplified text.

// Unhappy words, and the visit they are about: both are needed, so "upset I have to cancel" is no complaint.
const UNHAPPY = /\b(upset|unhappy|rude|not happy|not pleased|disappointed|angry|mad|furious|annoyed|complain|complaint|terrible|awful|horrible|ruined|botched|messed up|butchered|hate (it|my|the)|unacceptable|ridiculous|outrageous|disgusting|not ok(ay)?|answer for)\b/;
const PAST_VISIT = /\b(my last|last (time|visit|cut|color|colour|appointment|appt)|came out|turned out|what happened|you did|(she|he|they) did|i got (last|yesterday|on)|my (cut|haircut|color|colour|hair) (is|was|looks|looked))\b/;
// "came out way too short", "turned out patchy": the result of a visit, faulted.
// "turned brassy", "went orange", "is falling out": the hair itself gone wrong, with or without "out".
const BAD_RESULT =
  /\b(came|turned) out (way |so |really |kind of |kinda |pretty )?(too|uneven|patchy|wrong|bad|badly|brassy|orange|green|crooked|terrible|awful|horrible|nothing like)\b|\b(turned|went|turning|going|faded|fading)( all| totally| completely| really| so)? (brassy|orange|green|yellow|patchy|splotchy)\b|\b(hair|it) is (falling|breaking) (out|off)\b/;
// "burned my scalp", "you damaged my hair": harm done at a visit, which only a person can answer for.
// ("cut my" is left out: "can dana cut my bangs" asks for a haircut.)
const HARM = /\b(burn(ed|t)|scald(ed)?|injured|damaged|fried|hurt) (my|me)\b|\b(burns?|rash|bleeding|blisters?) on my\b/;
// "i want my money back", "fix it for free": a remedy asked for a visit.
const REMEDY = /\b(my money back|(a |full )?refund for|want (it|this|them) (fixed|redone|corrected)|(fix|redo|correct) (it|this) for free)\b/;
// "been sitting in the lobby 20 min and nobody called me": the customer is at the salon, kept waiting.
const KEPT_WAITING =
  /\b(been|still|i'?m|im|i am|we'?ve|i'?ve) (waiting|sitting|standing)\b.*\b(lobby|waiting (room|area)|front( desk)?|reception|outside|here|\d+ ?(min|mins|minutes|hours?))\b|\b(no ?one|nobody|no body) (has |is |came |even )*(called|come|came|greeted|helped|seen|here|at the (desk|front))( me| us)?\b/;
// Paying with one, not being offered one ("you've been selected for a $500 gift card" is spam).
// Buying one ("do u sell gift cards?") is a question for the team's contact (gift-card-asked.ts), not a payment.
const PAYMENT = /\b(use|using|pay|paying|redeem|accept|take|have|got)( with)? (a |an |my |her |his |your |ur |any )?(gift ?(cards?|certificates?)|vouchers?)\b|(?<!\b(buy|buying|purchase|get|order|sell) (a |an |some )?)\b(gift ?(cards?|certificates?)|vouchers?) (for|to pay|towards)\b|\bpay (for )?(my|the|her|his|it|this)?( \w+){0,2} (with|using|by) (a |an |my |her |his )?(card|gift|voucher|venmo|zelle|paypal|apple pay|cash|check|cheque)|\b(gift ?(cards?|certificates?)|vouchers?)\b.*\b(pay|paying|use|using)\b.*\b(with|using) (one|it|that|them)\b/;
// "let dana know", "tell the stylist", "give her a heads up": never "let me know" or "tell you".
const PASS_ON = /\b(let|tell|inform|warn|notify|give) (?!(me|you|u|us|ya|yourself)\b)(the |my |your |ur )?[a-z']+( [a-z']+)?( there)? (know|a heads ?up|i|i'?m|im|i'?ll|ill|we|that)\b/;
const ASKED_OF_SOMEONE = /\b(can|could|would|will|pls|please) (someone|somebody|anyone|you|u|one of you|y'?all)\b|^(pls |please )?(let|tell|give)\b/;

/** The message is a complaint about a visit, a payment the bot cannot take, or a message for the team. */
export function needsStaff(s: string): boolean {
  const complaint = (UNHAPPY.test(s) && PAST_VISIT.test(s)) || BAD_RESULT.test(s) || HARM.test(s) || REMEDY.test(s) || KEPT_WAITING.test(s);
  return complaint || PAYMENT.test(s) || (PASS_ON.test(s) && ASKED_OF_SOMEONE.test(s));
}

/**
 * A complaint about a visit that asks for nothing ("not happy w how i was treated last time"):
 * no remedy, harm, wait, payment or message. Beside a cancel it is the cancel's reason.
 */
export function onlyComplains(s: string): boolean {
  const complaint = (UNHAPPY.test(s) && PAST_VISIT.test(s)) || BAD_RESULT.test(s);
  return complaint && !HARM.test(s) && !REMEDY.test(s) && !KEPT_WAITING.test(s) && !PAYMENT.test(s) && !(PASS_ON.test(s) && ASKED_OF_SOMEONE.test(s));
}

// "got it colored somewhere else", "my old salon", "box dyed it myself": the visit was not here.
const ELSEWHERE =
  /\b(some ?where else|elsewhere|another (salon|place|shop|stylist|barber|hairdresser)|(a|some|my old|my previous|my usual|my regular|my former|the other|a different|this other) (salon|place|shop|stylist|barber|hairdresser)|at home|box dye[ds]?|did it myself|(dyed|colou?red|cut) it myself|myself at home)\b/;

/**
 * "last time i got my hair colored somewhere else and it came out orange. can dana do color tues
 * at 9": a bad result elsewhere, told as why they come here, asks nothing of the team; the
 * booking asked beside it (`asksBooking`) is the request. A complaint of a visit here still hands off.
 */
export function complainsOfElsewhere(s: string, asksBooking: boolean): boolean {
  return asksBooking && ELSEWHERE.test(s) && onlyComplains(s);
}
