// Matters only a person at the business can handle, though the customer does not ask for
// one in so many words: a complaint about a visit ("my last cut came out way too short"),
// paying with a gift card or voucher, and a message to pass on to the team ("can someone
// let Dana know I'll be late"). The bot neither answers nor books these: it hands off.
// Read on the simplified text.

// Unhappy words, and the visit they are about: both are needed, so "upset I have to cancel" is no complaint.
const UNHAPPY = /\b(upset|unhappy|rude|not happy|not pleased|disappointed|angry|mad|furious|annoyed|complain|complaint|terrible|awful|horrible|ruined|botched|messed up|butchered|hate (it|my|the))\b/;
const PAST_VISIT = /\b(my last|last (time|visit|cut|color|colour|appointment|appt)|came out|turned out|what happened|you did|(she|he|they) did|i got (last|yesterday|on)|my (cut|haircut|color|colour|hair) (is|was|looks|looked))\b/;
// "came out way too short", "turned out patchy": the result of a visit, faulted.
const BAD_RESULT = /\b(came|turned) out (way |so |really |kind of |kinda |pretty )?(too|uneven|patchy|wrong|bad|badly|brassy|orange|green|crooked|terrible|awful|horrible|nothing like)\b/;
// Paying with one, not being offered one ("you've been selected for a $500 gift card" is spam).
const PAYMENT = /\b(use|using|pay|paying|redeem|buy|sell|accept|take|have|got|purchase)( with)? (a |an |my |her |his |your |ur |any )?(gift ?(cards?|certificates?)|vouchers?)\b|\b(gift ?(cards?|certificates?)|vouchers?) (for|to pay|towards)\b|\bpay (for )?(my|the|her|his|it|this)?( \w+)? (with|using|by) (a |an |my |her |his )?(card|gift|voucher|venmo|zelle|paypal|apple pay|cash|check|cheque)/;
// "let dana know", "tell the stylist", "give her a heads up": never "let me know" or "tell you".
const PASS_ON = /\b(let|tell|inform|warn|notify|give) (?!(me|you|u|us|ya|yourself)\b)(the |my |your |ur )?[a-z']+( [a-z']+)?( there)? (know|a heads ?up|i|i'?m|im|i'?ll|ill|we|that)\b/;
const ASKED_OF_SOMEONE = /\b(can|could|would|will|pls|please) (someone|somebody|anyone|you|u|one of you|y'?all)\b|^(pls |please )?(let|tell|give)\b/;

/** The message is a complaint about a visit, a payment the bot cannot take, or a message for the team. */
export function needsStaff(s: string): boolean {
  const complaint = (UNHAPPY.test(s) && PAST_VISIT.test(s)) || BAD_RESULT.test(s);
  return complaint || PAYMENT.test(s) || (PASS_ON.test(s) && ASKED_OF_SOMEONE.test(s));
}
