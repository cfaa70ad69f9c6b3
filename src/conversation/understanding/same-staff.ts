// "can my son get a cut with the same stylist right after", "same lady as my color": the new
// booking is with whoever the booking it is placed by is with. Only said of a stylist ("the same
// one" or "same time" say other things), and not "not the same person", which asks for another.
const SAME_STAFF = /(?<!\bnot )(?<!\bnot the )\b(?:the )?same (?:stylist|person|lady|guy|girl|hairdresser|hair ?dresser|barber|staff(?: member)?)\b|\bwhoever (?:i(?:'?m| am) (?:booked |seeing )?with|i have|i'?m seeing|is doing (?:mine|me))\b/;

/** The message asks for the person of the booking it names. */
export function asksSameStaff(normalized: string): boolean {
  return SAME_STAFF.test(normalized);
}
