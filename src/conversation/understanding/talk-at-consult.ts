// Talking with a stylist is what a consultation is: "can i come in and just talk to someone
// about options? like a consultation. wednesday at 11?", "want to chat with a stylist first.
// consult tues at 4:30". Said with a consultation and a day, the talk is the booking; only
// a person asked to reach the customer, or the team asked for by name, stays a hand-off.
// Read on the simplified text.

const CONSULT = /\bconsult(ation)?s?\b/;
// Words that ask for the team itself, not for a talk at the salon.
const FOR_THE_TEAM = /\b(agent|human|representative|operator|receptionist|manager|owner|real person|live person|actual person)\b|\b(call|text|phone|ring|email|e-mail|contact|reach) me\b|\bgive me a (call|ring)\b/;

/** The wish to talk is the consultation being booked for a day the message names. */
export function talkIsTheConsult(s: string, namesDay: boolean): boolean {
  return namesDay && CONSULT.test(s) && !FOR_THE_TEAM.test(s);
}
