// "my daughter's cut at 10:30 sat has to move, she has a game. can she do 3pm instead", "his 2:30
// on the 12th needs to be changed, anything after 4?", "the sat appt has to be moved": a
// booking said to have to move, with no move verb asked of the salon. The words before name the
// booking (its day, its time, whose it is); a request after them asks its new time. Read as a
// new booking, the customer would get a second one at the booking's own time.
//
// Said of a booking only: "i have to move" or "my lease is up and we have to move" tell of the
// customer's life, and "my son has to move his cut" is a move verb already (moves.ts). "the color
// needs to change to highlights" changes the service, so "change" counts only as "be changed".
import { RELATIVES } from './relatives.ts';

// Words between the owner and "has to move": "cut at 10:30 sat", "2:30 on the 12th"; never a new
// clause ("and i", "so we").
const WORD = String.raw`(?!(?:i|we|and|so|but|because|cause|cuz|since|im|i'm)\b)[\w':]+`;
// One of them names a booking: a time or date, a day, a booking's or a service's word, someone's
// ("my daughter's has to move"). "the salon has to move locations" names none.
const NAMES_BOOKING = String.raw`(?:[\w':]*\d[\w':]*|[\w]+'s|(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?|today|tomorrow|tmrw|tonight|appts?|appointments?|bookings?|reservations?|slots?|time|one|session|visit|cut|haircut|trim|colou?r|consult|consultation|highlights|blowout|mine|ours)\b`;
const BOOKING_WORDS = String.raw`(?:${WORD} ){0,4}?${NAMES_BOOKING} (?:${WORD} ){0,4}?`;
// The owner: "my", "the", "her", "his"; a relative said alone ("my daughter has to move") is the person, not a booking.
const OWNER = String.raw`\b(?:my|our|the|his|her|their)\b (?!(?:${RELATIVES})\b(?!'))`;
const HAS_TO = String.raw`(?:has|have|needs?|will need|must|gotta|got|is going|'s going|is gonna|'s gonna) (?:to )?`;
const BE_MOVED = String.raw`(?:move|be moved|be changed|shift|be shifted|be rescheduled|be pushed|be switched)\b(?! (?:out|in|on|away|house|home|over)\b)`;

/** A booking said to have to move: "my cut at 10:30 sat has to move", "her 2:30 needs to be changed". */
export const MUST_MOVE = new RegExp(`${OWNER}${BOOKING_WORDS}${HAS_TO}${BE_MOVED}`);

/**
 * "my cut sat has to move, can i do 3pm instead": the words up to "has to move" name the booking,
 * what follows them the time asked in its place. Undefined without "has to move".
 */
export function mustMoveThenAsks(raw: string): { booking: string; asked: string } | undefined {
  const m = MUST_MOVE.exec(raw);
  if (!m) return undefined;
  return { booking: raw.slice(0, m.index + m[0].length), asked: raw.slice(m.index + m[0].length) };
}
