// "so what else do i have?", "what do i have left", "anything else booked for me?" (often right
// after a cancel): the customer's remaining bookings asked about. Only a question about what the
// customer holds counts: "what else do you have" asks for openings or services, and "what else do
// i have to bring" asks about something else.

const TO_DO = String.raw`(?! (to|for (the|my|a)|i need|i should)\b)`;

const ASKS_LEFT = new RegExp(
  [
    // "what else do i have", "what else have we got booked"
    String.raw`\bwhat else (do|did|have|will) (i|we) (still )?(have|got)\b${TO_DO}`,
    // "what do i have left", "what have we got remaining", "what do i still have"
    String.raw`\bwhat (do|have) (i|we) (still )?(have|got) (left|remaining)\b`,
    String.raw`\bwhat (do|have) (i|we) still (have|got)\b${TO_DO}`,
    // "what's left for me", "what is still booked under my name", "whats left on my calendar"
    String.raw`\bwhat('?s| is) (left|remaining|still booked|still on) (for (me|us)|on (my|our|the) (calendar|schedule|books|account)|under (me|us|my name))\b`,
    // "anything else booked for me?", "is there something else on the books"
    String.raw`\b(anything|something) else (booked|scheduled|coming up|on the books|on my (calendar|schedule|account))\b`,
    // "do i have anything else coming up", "do we still have something left"
    String.raw`\b(do|did) (i|we) (still )?(have|got) (anything|something|any ?thing|any (appts?|appointments?|bookings?)) (else|left|more|remaining)\b${TO_DO}`,
    // "which appts do i have left", "which ones are still on"
    String.raw`\bwhich (ones?|appts?|appointments?|bookings?) (do (i|we) (still )?have|are) (left|remaining|still (on|booked))\b`,
  ].join('|'),
);

/** The text asks which of the customer's bookings are left. */
export function asksBookingsLeft(s: string): boolean {
  return ASKS_LEFT.test(s);
}
