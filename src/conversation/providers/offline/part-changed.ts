import { keepsTheTime, type Understanding } from '../../understanding/index.ts';

// "no, change it to a color" or "lee instead, same time" at the summary of a booking under
// way: the words of a change ("change it", "instead") with no appointment named change that
// booking, not one already made. The service or person said replaces its own; the day and
// time, said or not, stay what the customer asked.

// "reschedule my color", "move our 3pm": a booking already made is what changes.
const NAMES_APPOINTMENT = /\b(re-?schedul\w*|move|postpone|push|bump|my|our)\b/;

/** What the provider remembers of the booking under way. */
export interface RequestUnderWay {
  serviceId?: string;
  staffId?: string;
}

/** A change of mind that replaces the service or the person of the booking under way and names no appointment. */
export function changesPartOfRequest(u: Understanding, kept: RequestUnderWay, text: string): boolean {
  if (NAMES_APPOINTMENT.test(text.toLowerCase().replace(/\bchanged? (my|our) minds?\b/g, ' '))) return false;
  if (u.apptWhen || u.order !== undefined || u.changesBooked || u.forSomeoneElse) return false;
  // A new day or a shift is a move of its own; only "same time" leaves the slot as it is.
  if (u.shift && !keepsTheTime(u.shift)) return false;
  const otherService = Boolean(u.serviceId && u.serviceId !== kept.serviceId);
  const otherPerson = Boolean(u.staffId && u.staffId !== kept.staffId);
  return otherService || otherPerson;
}
