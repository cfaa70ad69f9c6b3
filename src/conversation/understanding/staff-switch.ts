// "can i switch to dana, same time?", "change me over to lee", "switch him to lee" (a family member's booking,
// the customer's own in the books), "could i see dana instead": the
// customer keeps what is booked and changes who does it. That is a move of the booking (to
// the same time unless another is said), never a second booking with the other person.
// Read on the text with the person named replaced by "the stylist" (services.ts staffAsStylist).

/**
 * The switch verb, with at most what is switched, then the person: "switch it over to the stylist";
 * "i usually see dana, can i switch to her": the person named once, then said by a pronoun.
 */
const SWITCH_TO_PERSON =
  /\b(switch|change|swap|move)( (it|that|this|me|us|mine|it over|me over|over|my (appt|appointment|booking)|the (appt|appointment|booking)|(him|her|them)( over)?|(his|her|their) (appt|appointment|booking|cut|haircut|color)))? (to|with) (the stylist|her|him)\b(?! (for|to)\b)/;
/** The person asked in place of the one booked: "could i see the stylist instead", "have the stylist do it instead". */
const PERSON_INSTEAD = /\b(see|have|get|go with|book with) the stylist( do (it|mine|my \w+))? instead\b(?! of)/;
/** A new booking beside the one had ("book my son with dana instead") is no switch. */
const NEW_BOOKING = /\b(book|another|also|new|second|extra|too|as well|both|for (my|her|him|them))\b/;

/** The message changes who does the booking had (with the person already read as `staffId`). */
export function switchesStaff(toStaff: string): boolean {
  const withoutBooking = toStaff.replace(/\bbook with the stylist instead\b/, 'the stylist instead');
  return (SWITCH_TO_PERSON.test(toStaff) || PERSON_INSTEAD.test(toStaff)) && !NEW_BOOKING.test(withoutBooking.replace(/\bthe stylist instead\b/, ''));
}
