// "oh and my son needs one too, 11:30 same day?", "can my daughter get one as well at 3", "book
// one for my wife too", "could my other son come at 3": another of the booking just talked about, for someone else.
// Its service is that booking's (the same thing again), never a service to ask for.
import { RELATIVES } from './relatives.ts';

// "my other son", "our other daughter": someone of the family besides the one just booked.
const OTHER_OF_FAMILY = new RegExp(String.raw`\b(?:my|our) other (?:${RELATIVES})\b`);

// "one too", "another one", "one for him": the booking again; "one of the ..." picks from a list.
// "could my other son come at 3": the next of the family after the one just booked, for the same.
const ONE_MORE = new RegExp(String.raw`\b(?:one|another(?: one)?) (?:too|as well|also|for (?:him|her|them|(?:my|our) [\w']+))\b|\b(?:needs?|wants?|get|book|grab|have) (?:(?:him|her|them|in) )?(?:one|another one)\b(?! of\b)|${OTHER_OF_FAMILY.source}`);

/** The text asks for the booking just talked about again, its "one" naming no service of its own. */
export function asksOneMore(s: string): boolean {
  return ONE_MORE.test(s);
}

// "my husband wants to come in too", "can u book my son in on the 15th too?", "can my wife also come
// friday": someone else coming or booked in beside the customer, "too" naming no service of its own,
// so the same as the customer's. A verb of coming or booking must say it: "my son loved it too" asks nothing.
const COMES = String.raw`(?:come|coming|comes|join|joining|bring|book|fit|squeeze|get|pop|go|have a (?:spot|slot|appt|appointment))`;
const COMES_TOO = new RegExp(String.raw`\b${COMES}\b[^.,;!?]*?\b(?:too|as well)\b|\balso (?:wants? to |needs? to |would like to |can |could )?${COMES}\b|\b(?:too|also) ${COMES}\b`);

/** The text asks for someone else to come (or be booked) "too": the same as the customer's own, no service of its own said. */
export function comesToo(s: string): boolean {
  return COMES_TOO.test(s);
}

/** "my other son": another of the family than the one just booked, someone else than the customer. */
export function namesOtherOfFamily(s: string): boolean {
  return OTHER_OF_FAMILY.test(s);
}
