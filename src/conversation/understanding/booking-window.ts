// "how far ahead can i book?", "how many weeks out do you schedule", "can i book that far
// out?": how far ahead bookings open, which is no rule for changing a booking. Its words
// ("how far in advance") are also those of a notice question (policy-question.ts), so this
// reading goes first: only a booking asked for, not a change, makes it the booking window.

const AHEAD = String.raw`(?: (?:out|ahead|in advance|in the future|into the future|forward))`;
const WHO = String.raw`(?:i|we|you|u|y'?all|ppl|people|one)`;

const BOOKING_WINDOW = new RegExp(
  [
    // "how far ahead can i book", "how many weeks out can we schedule", "how long in advance do you book"
    String.raw`\bhow (?:far|long|many (?:days|weeks|months))${AHEAD}?(?: (?:can|could|do|should|may|will) ${WHO})? (?:book|schedule|reserve|make (?:an? )?(?:appt|appointment|booking))\b`,
    // "how far out are you booking", "how far ahead r u taking appts"
    String.raw`\bhow far${AHEAD} (?:are|r|is|do) (?:you|u|y'?all|the salon)(?: guys)? (?:booking|taking|book|take|scheduling)\b`,
    // "can i book that far out?", "could we schedule so far ahead"
    String.raw`\b(?:can|could) ${WHO} (?:book|schedule|reserve)(?: (?:it|that|one|an? \w+))? (?:that|this|so) far${AHEAD}\b`,
    // "how far out does your calendar go", "how far ahead do the bookings open"
    String.raw`\bhow far${AHEAD} (?:does|do|can) (?:your|the|ur) (?:calendar|schedule|booking|bookings|books) (?:go|open|run)\b`,
  ].join('|'),
);

/** The message asks how far ahead bookings can be made. */
export function asksBookingWindow(s: string): boolean {
  return BOOKING_WINDOW.test(s);
}
