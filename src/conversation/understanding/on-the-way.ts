// "omw", "running 10 late, be there soon", "stuck in traffic sorry!!": the customer tells they
// are coming to the booking they have, late or not, and asks nothing. Every clause says so or is
// a pleasantry; a clause with anything else in it ("can u push it", "tell dana", a question) is
// a request and the message is read as one.
import { clausesOf, onlyArrivalNotice } from './arrival-notice.ts';

const LATE = /\b(?:late|behind|omw|otw|on my way|stuck|traffic|delayed)\b/;
// The words a lateness clause is made of: who, how late, what holds them up, for which booking.
const LATE_CLAUSE = new RegExp(
  String.raw`^(?:(?:i'?m|im|i am|i'?ll|ill|we'?re|were|we|i|gonna|going to|will|be|been|running|run|a|bit|little|few|like|about|abt|~|\d{1,2}|min|mins|minutes?|m|so|super|very|sorry|soz|there|soon|shortly|asap|today|for|my|our|the|appt|appointment|cut|color|consult|at|\d{1,2}(?::\d\d)?(?:am|pm)?|am|pm|o'?clock|oclock|stuck|in|on|traffic|late|behind|omw|otw|way|but|and|just|still|coming|train|bus|subway|delayed|is|bad|awful|crazy|terrible|insane|heavy|ugh|omg|lol)\s*)+$`,
);
const FILLER = /^(?:ok|okay|hi|hey|thanks|thx|ty|see (?:you|u|ya)(?: soon| in a bit)?|sorry|so sorry|soz|yay|lol|ugh|omg)?$/;

/** Whether the whole message only says the customer is on the way or running late. */
export function onlySaysOnTheWay(raw: string): boolean {
  if (onlyArrivalNotice(raw)) return true;
  const lower = raw.toLowerCase().replace(/\u2019/g, "'");
  if (lower.includes('?') || !LATE.test(lower)) return false;
  return clausesOf(lower).every((c) => FILLER.test(c) || LATE_CLAUSE.test(c) || onlyArrivalNotice(c));
}
