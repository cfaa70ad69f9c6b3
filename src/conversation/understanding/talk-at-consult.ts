// Talking with a stylist is what a consultation is: "can i come in and just talk to someone
// about options? like a consultation. wednesday at 11?", "want to chat with a stylist first.
// consult tues at 4:30", "my son wants to talk to someone about his hair, can he do a consult
// at 3:30 after my cut". Said with a consultation asked for (by a day or time, by the booking
// it goes next to, or in so many words: "book me a consult"), the talk is the booking; only
// a person asked to reach the customer, or the team asked for by name, stays a hand-off.
// Read on the simplified text.

const CONSULT = /\bconsult(ation)?s?\b/;
// Words that ask for the team itself, not for a talk at the salon.
const FOR_THE_TEAM = /\b(agent|human|representative|operator|receptionist|manager|owner|real person|live person|actual person)\b|\b(call|text|phone|ring|email|e-mail|contact|reach) me\b|\bgive me a (call|ring)\b/;

// "can he do a consult", "book me a consultation": a consultation asked for without a time yet.
const CONSULT_ASKED = /\b(book|schedule|set up|get|do|have|come in for|come for)( (me|him|her|them|us|my \w+))? (a|an|the) consult(ation)?\b/;

/** The wish to talk is the consultation being booked: `timed` when the message says when (a time, a day, next to a booking). */
export function talkIsTheConsult(s: string, timed: boolean): boolean {
  return CONSULT.test(s) && !FOR_THE_TEAM.test(s) && (timed || CONSULT_ASKED.test(s));
}
