// "did my husband book his cut for thursday? he used his own phone", "is my wife booked for
// friday?", "does my son have an appt sat", "did my daughter get booked in": a question whether
// someone of the family has a booking. It asks what is booked, never for a booking: read as a
// request, the reply lists openings, which also tells which of them another customer holds.
// A relative's booking made from another number is theirs to see; the sender's own are listed.
import { RELATIVES } from './relatives.ts';

const WHO = String.raw`(?:my|our) (?:${RELATIVES})`;
const ADVERB = String.raw`(?:already |even |actually |still |ever )?`;
const RELATIVE_BOOKED = new RegExp(
  [
    // "did my husband book his cut", "has my wife made an appt", "did my son schedule anything"
    String.raw`\b(?:did|has|have) ${WHO} ${ADVERB}(?:book|booked|make|made|schedule|scheduled)\b`,
    // "is my wife booked for friday", "are my kids down for sat", "was my son scheduled"
    String.raw`\b(?:is|are|was|were) ${WHO} ${ADVERB}(?:booked|scheduled|down|on the books|in the system)\b`,
    // "does my husband have an appt thursday", "do my kids have anything sat"
    String.raw`\b(?:does|do|did) ${WHO} ${ADVERB}(?:have|got) (?:an? (?:appt|appointment|booking|reservation)|anything|something|any (?:appts?|appointments?|bookings?))\b`,
    // "did my daughter get booked in", "has my son gotten scheduled"
    String.raw`\b(?:did|has) ${WHO} ${ADVERB}(?:get|got|gotten) (?:booked|scheduled|in)\b`,
  ].join('|'),
);

/** The text asks whether a relative has a booking ("did my husband book his cut for thursday?"). */
export function asksIfRelativeBooked(s: string): boolean {
  return RELATIVE_BOOKED.test(s);
}
