// "son needs a trim, can he go at 10:30 fri the 11th when i finish my color?": a service said as
// the customer's own booking, placed by a word of time ("when i finish my color", "during my
// consult", "while im at my color", "while im getting color"), is where they will be, not what is booked, when another
// service is named beside it. "i need my hair cut and colored" names no such booking.
import type { ServiceCatalogEntry } from './types.ts';

const OWN_BOOKING = /\b(?:finish(?:es|ed|ing)?|finished with|done with|during|while|at|in for|through|with|from|since) (?:my|our|her|his) ([\w']+(?: [\w']+)?)/g;
// "while im getting color", "when i'm having the color done", "while we're at the cut": the customer busy with a service.
const DOING_OWN = /\b(?:while|when|whilst) (?:i'?m|i am|we'?re|were|we are|i'?ll be|ill be|i will be) (?:getting|having|doing|at|in for|in) (?:(?:my|our|the|a|an) )?([\w']+(?: [\w']+)?)/g;

/** The services the words name once the customer's own booking placed by time is set aside; undefined when that leaves none. */
export function besideOwnBooking(text: string, match: (part: string) => ServiceCatalogEntry[]): ServiceCatalogEntry[] | undefined {
  let found = false;
  const setAside = (whole: string, named: string) => {
    if (!match(named).length) return whole;
    found = true;
    return ' ';
  };
  const rest = text.replace(OWN_BOOKING, setAside).replace(DOING_OWN, setAside);
  if (!found) return undefined;
  const left = match(rest);
  return left.length ? left : undefined;
}
