import type { DateRange, Understanding } from '../../understanding/index.ts';

// "is it too late to move my friday appt?" is answered with the rules; "cool, 3pm same day
// then" right after is the move it was about, with the booking the question named. Without
// this the bare time reads as a new booking with no service. Kept apart from the booking
// flow: it only turns the next words into the move the question already asked about.

/** The booking a rules question about a move named, remembered (as ISO strings) for the next message. */
export interface MoveAsked {
  apptWhen?: { from: string; to: string; exactTime: boolean; dayNamed?: boolean; weekdayOnly?: boolean };
  serviceId?: string;
}

/** What to remember of "is it too late to move my friday appt?", or undefined when it asks about no move. */
export function rememberMoveAsked(u: Understanding): MoveAsked | undefined {
  if (!u.moveAsked) return undefined;
  const day = u.apptWhen ?? (u.when?.dayNamed && !u.when.exactTime ? u.when : undefined);
  const apptWhen = day && { from: day.from.toISOString(), to: day.to.toISOString(), exactTime: day.exactTime, dayNamed: day.dayNamed, weekdayOnly: day.weekdayOnly };
  return { ...(apptWhen ? { apptWhen } : {}), ...(u.serviceId ? { serviceId: u.serviceId } : {}) };
}

/**
 * "3pm same day then", "ok thursday at 11 instead": a new time with no service of its own after
 * the rules question, read as the move of the booking that question named. Anything else
 * (another service, someone else's booking, a question) is left as it was said.
 */
export function moveAfterPolicy(u: Understanding, asked: MoveAsked | undefined): Understanding | undefined {
  // "ok then 2pm same day" reads as a yes with a time: the time is what counts.
  if (!asked || !(u.intent === 'book' || u.intent === 'confirm') || !(u.when || u.shift) || u.forSomeoneElse || u.othersBooking || u.nextTo) return undefined;
  if (u.serviceId && asked.serviceId && u.serviceId !== asked.serviceId) return undefined;
  if (u.serviceId && !asked.serviceId) return undefined;
  const apptWhen: DateRange | undefined = asked.apptWhen && {
    from: new Date(asked.apptWhen.from),
    to: new Date(asked.apptWhen.to),
    exactTime: asked.apptWhen.exactTime,
    description: '',
    ...(asked.apptWhen.dayNamed !== undefined ? { dayNamed: asked.apptWhen.dayNamed } : {}),
    ...(asked.apptWhen.weekdayOnly ? { weekdayOnly: true } : {}),
  };
  const { answer: _ok, ...said } = u;
  return { ...said, intent: 'reschedule', ...(asked.serviceId ? { serviceId: asked.serviceId } : {}), ...(apptWhen ? { apptWhen } : {}) };
}
