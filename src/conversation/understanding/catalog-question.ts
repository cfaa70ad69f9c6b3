// Questions the catalog answers besides prices and hours: how long a service takes
// ("how long does the color take?", "how many minutes is a cut"), whether it is free ("is
// the consult free?"), and two business topics in one breath ("whats ur address and
// email?"). Read on the simplified text; the provider answers from the catalog and writes nothing.

const DURATION = /\bhow long (does|do|will|would|is|are|did|should)\b(?!.*\b(wait|notice|advance|ahead|before|hold|keep|late)\b)|\bhow many (minutes|mins|hours|hrs)\b|\b(duration|length) of (the|a|my|your)\b|\bhow much time (does|do|will|should)\b/;

/** "how long does the color take", "how many minutes is a haircut": the service's length is asked. */
export function asksDuration(s: string): boolean {
  return DURATION.test(s);
}

// "is it free", "is the consultation free of charge", "do i have to pay for the consult": the price, not a free time.
const FREE = /\b(is|are) (it|that|this|they|the \w+|a \w+)( \w+)? (free|complimentary)\b(?! (at|on|then|today|tomorrow|tmrw|for a|slot|time))|\bfree of charge\b|\bfor free\b|\bno charge\b|\bdo (i|we) (have to |need to )?pay (for|anything)\b|\bcost anything\b/;

/** The customer asks whether a service costs anything. */
export function asksIfFree(s: string): boolean {
  return FREE.test(s);
}

const TOPIC_WORDS: Record<string, 'hours' | 'address' | 'contact'> = {
  address: 'address', location: 'address', hours: 'hours', email: 'contact', phone: 'contact', number: 'contact',
};
// "address and email", "email + phone" (the plus read as a space), "address and a phone #": topic nouns joined in one question.
const JOINED = /\b(?<first>address|location|hours|email|phone|number)(?: number)? (?:(?:and|n|&|plus) )?(?:your |ur |the |a |an )?(?<second>address|location|hours|email|phone|number)\b/;

/** The second topic of "whats ur address and email?", when it differs from the first. */
export function secondTopic(s: string, first: string | undefined): 'hours' | 'address' | 'contact' | undefined {
  // "ur email address": one fact, the e-mail, not an address beside it.
  const m = JOINED.exec(s.replace(/\be-?mail address(es)?\b/g, 'email'));
  if (!m) return undefined;
  const topics = [TOPIC_WORDS[m.groups!.first!], TOPIC_WORDS[m.groups!.second!]].filter((t) => t !== undefined);
  return topics.find((t) => t !== first);
}

// "do you have an email I can send a pic to", "is there an email i could use": the business's e-mail.
const EMAIL_ASKED = /\b(have|got|is there|there an?) an? e-?mail\b|\be-?mail (address )?(i|we) (can|could|should) (send|use|write|reach)\b/;

/** The customer asks for an e-mail address to write to. */
export function asksForEmail(s: string): boolean {
  return EMAIL_ASKED.test(s);
}
