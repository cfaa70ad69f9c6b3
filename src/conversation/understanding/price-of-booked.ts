// "how much is the color i have on the 16th, and how much is the cut after it?", "what will my
// cut on friday cost?": the price of services the customer has booked. The day and the "after
// it" say which bookings are meant, not a new booking next to them: only the prices are answered.
// Asking a booking as well ("how much is a color, can i book one fri") stays a booking.
import { RELATIVES } from './relatives.ts';
import type { Understanding } from './types.ts';

const PRICE = /\b(?:how much|what(?:'s| is| will| would| does| do) [a-z' ]{0,40}?(?:cost|costs|run me|be)|price|prices|cost of|charge for)\b/;
// The service is one's own: "my color", "the cut i have", "the color i'm booked for", "the cut after it".
// A relative's ("my son needs a cut friday, how much") is not one's own booking.
const OWNED = new RegExp(
  [
    String.raw`\b(?:my|our)\b(?! (?:${RELATIVES})\b)`,
    String.raw`\b(?:i|we) (?:have|got|booked|'?ve got|'?ve booked|had booked)\b`,
    String.raw`\b(?:i'?m|im|i am|we'?re) (?:booked|scheduled|getting|having)\b`,
    String.raw`\b(?:after|before) (?:it|that|that one|this)\b`,
  ].join('|'),
);
// Any request beside the prices.
const REQUEST = /\b(?:book|schedule|reschedule|move|push|cancel|change|switch|add|can (?:i|we) (?:get|have|do)|i'?d (?:like|love)|i would (?:like|love)|i want|i need|needs?|wants?|wanna|get me|put me|sign me)\b/;

/** The reading as a price question alone, when the prices asked are of the customer's own bookings. */
export function pricesOfOwnBookings(u: Understanding, s: string): Understanding {
  if (!u.serviceId || !PRICE.test(s) || !OWNED.test(s) || REQUEST.test(s)) return u;
  if (u.intent !== 'book' && !(u.intent === 'business_info' && u.alsoBooks)) return u;
  const { serviceId, secondServiceId, pricesAsked } = u;
  return { intent: 'business_info', serviceId, asksServices: true, ...(secondServiceId ? { secondServiceId } : {}), ...(pricesAsked ? { pricesAsked } : {}) };
}
