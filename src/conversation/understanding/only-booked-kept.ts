// "ehh actually nvm, just the cut", "only the haircut then", "i'll stick with just my cut" at the
// summary of a color placed beside the customer's cut: the booking they already have is all they
// want. "the cut" names that booking, kept as it is; it never asks for a new cut, so the new
// booking is dropped and nothing else is looked for.
import type { Understanding } from './types.ts';
import { normalize } from './text.ts';

// "just the cut", "only my haircut", "just keep the cut", "stick with only the cut", "the cut only".
const JUST_THE = /\b(?:just|only)(?: (?:keep|keeping|leave|stick with|stay with|want|need|do|have))? (?:the|my)\b|\b(?:the|my) [a-z]+ (?:only|is enough|will do)\b/;
// "just the cut, and a trim for my son", "only the cut, book it at 3": more is asked than the booking kept.
const ASKS_MORE = /\b(?:book|add|also|another|new|and|plus|instead of)\b/;

/**
 * The message keeps only the booking the new one was placed beside (`besideServiceId`, the
 * service of that booking), while another service is being booked: the new one is not wanted.
 */
export function keepsOnlyBooked(u: Understanding, memory: { flow?: string; serviceId?: string; besideServiceId?: string }, text: string): boolean {
  const beside = memory.besideServiceId;
  if (!beside || memory.flow !== 'book' || memory.serviceId === beside) return false;
  if (u.serviceId !== beside || u.when || u.staffId || u.choiceIndex !== undefined || u.choiceTime) return false;
  const s = normalize(text);
  return JUST_THE.test(s) && !ASKS_MORE.test(s);
}
