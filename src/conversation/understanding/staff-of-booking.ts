// "is this w dana?", "is my appt with lee", "am i seeing dana friday", "is lee doing my cut":
// who the customer's own booking is with, asked about one person by name. It is answered from
// the booking (its person, day and time); without this the name alone reads as a request to book
// with that person. Read on the simplified text with the person said as "the stylist"
// (services.ts staffAsStylist), so any team member's name reads the same.
import { answersOnScreen } from './types.ts';

const WITH = String.raw`(with|w|w/|seeing|booked with|going to|gonna be with)`;
// "it", "this", "mine", "my appt", "my cut tmrw", "the appointment": the booking had.
const BOOKING = String.raw`(it|this|that|mine|this one|that one|my [\w']+( [\w']+)?|the (appt|appointment|booking))`;
// "doing", "taking", "cutting": the person at work on it.
const AT_WORK = String.raw`(doing|taking|cutting|coloring|colouring|seeing me (for|on))`;

const STAFF_OF_BOOKING = new RegExp(
  [
    // "is this w dana?", "is my appt with lee", "was my cut with dana", "is it still w lee tmrw"
    String.raw`\b(is|was|isn'?t|wasn'?t) ${BOOKING} (still )?${WITH} the stylist\b`,
    // "am i with lee friday", "are we seeing dana", "will i be w lee"
    String.raw`\b(am|are|will|r) (i|we)( be| still be| still)? ${WITH} the stylist\b(?! (on|for|at|tomorrow|tmrw|today|next) (a|an|some)\b)`,
    // "will it be with dana", "would that be w lee"
    String.raw`\b(will|would) ${BOOKING} be ${WITH} the stylist\b`,
    // "is lee doing my cut", "will dana be taking my appt", "is it dana doing it"
    String.raw`\b(is|will|isn'?t) (it( be)? )?the stylist( be)? ${AT_WORK} (it|mine|my|this|that|our)\b`,
  ].join('|'),
);

/**
 * The message asks whether the customer's own booking is with the person it names. With a
 * summary, offers or an intake question on screen, its words are about those instead.
 */
export function asksStaffOfBooking(toStaff: string, expecting: string | null): boolean {
  if (answersOnScreen(expecting)) return false;
  return STAFF_OF_BOOKING.test(toStaff);
}
