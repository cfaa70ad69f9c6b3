// A model writes its own sentences, and a model can be wrong or talked into saying
// "you're booked" when nothing was committed. Whether something is booked is never the
// model's to say: the orchestrator commits on the customer's yes and confirms from
// templates over the committed record. So model text that states a booking outcome is
// withheld (record-reply.ts shows the record instead).
//
// The test is deliberately broad: a sentence with an outcome word ("booked", "canceled",
// "all set"…) that speaks about the customer or their appointment, or is short enough to
// be an announcement ("Done, booked!"). A false alarm costs a templated answer that is
// true anyway; a miss could tell a customer a lie about their appointment.

const OUTCOME =
  /\b(re)?(booked|reserved|scheduled|confirmed|canceled|cancelled|moved|changed)\b|\b(all set|you're set|you are set|locked in|on the books|pencil+ed in|taken care of|see you)\b/i;
const ABOUT_THE_CUSTOMER =
  /\b(you|your|yours|you're|i|i've|i'm|i'll|we|we've|it|it's|that|this|appointment|booking|visit|slot|spot|time|haircut)\b/i;
const ANNOUNCEMENT_MAX_WORDS = 6;

/** True when the text states a booking, change or cancellation as done. */
export function claimsBookingOutcome(text: string): boolean {
  const normalized = text.replace(/[\u2018\u2019\u02BC]/g, "'");
  return normalized.split(/[.!?\n;]+/).some((sentence) => {
    if (!OUTCOME.test(sentence)) return false;
    return ABOUT_THE_CUSTOMER.test(sentence) || sentence.trim().split(/\s+/).length <= ANNOUNCEMENT_MAX_WORDS;
  });
}
