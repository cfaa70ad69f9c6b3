// Two questions in one text: "whats your cancellation policy? and whats the address again",
// "how long does a color take? and when's mine again", "how much is a cut and what are your
// hours sat". Each is read on its own words and each is answered, in the order asked, in one
// reply: the first goes beside (`also`, answered first) and the second is the reading. A question
// beside a request (a move, a cancel, a booking) is read in two-requests.ts.
import { splits } from './request-parts.ts';
import type { Understanding, UnderstandContext } from './types.ts';

const LEADING_AND = /^(?:and|also|plus|oh and|&)\s+/i;

/** A question the reply can answer before another one: about the business, or the customer's own bookings. */
function answerable(u: Understanding): boolean {
  if (u.intent === 'my_appointments') return !u.checksBooking;
  if (u.intent !== 'business_info' || u.alsoBooks || u.asksWho || u.notOffered) return false;
  return Boolean(u.infoTopic || u.asksServices || u.asksDuration);
}

/** What a question asks, so the same one asked twice ("hours? what time do u close") is answered once. */
function asked(u: Understanding): string {
  return [u.intent, u.infoTopic, u.asksServices && 'services', u.asksDuration && 'duration'].filter(Boolean).join(' ');
}

/**
 * The second question of a text whose whole reads as a question about the business, with the
 * first beside it (`also`); undefined unless the text splits into two questions asking different things.
 */
export function twoQuestions(args: {
  text: string;
  ctx: UnderstandContext;
  whole: Understanding;
  classifyOne: (text: string, ctx: UnderstandContext) => Understanding;
}): Understanding | undefined {
  const { text, ctx, whole, classifyOne } = args;
  // "whats ur address and email": the whole reading answers both already. Read whole, "how much is a cut? and
  // what are ur hours sat" books a cut on Saturday, which each part read alone does not ask.
  if (whole.intent !== 'business_info' || ((whole.alsoTopic || whole.alsoPrice) && !whole.alsoBooks)) return undefined;
  const free = { ...ctx, expecting: null };
  for (const { head, tail } of splits(text)) {
    const first = classifyOne(head, free);
    if (!answerable(first)) continue;
    // "...? and whats the address": the "and" opens the second question, it continues no request.
    const second = classifyOne(tail.replace(LEADING_AND, ''), free);
    if (answerable(second) && asked(first) !== asked(second)) return { ...withBookingOfFirst(second, first, tail), also: first };
  }
  return undefined;
}

/**
 * "whats the address for my friday appt and what time was it": the second question's "it" is the
 * booking the first named by its day, so the bookings listed are that day's.
 */
export function withBookingOfFirst(second: Understanding, first: Understanding, tail: string): Understanding {
  const refersBack = /\b(it|that)\b/i.test(tail);
  return second.intent === 'my_appointments' && !second.when && first.when && refersBack ? { ...second, when: first.when } : second;
}
