import { DateTime } from 'luxon';
import type { DateRange, Understanding } from '../../understanding/index.ts';

/**
 * "actually i already have one on the 8th, can u just move that one to the 15th instead of
 * booking another" at the summary of a new booking on the 15th at 10: the customer wants the
 * booking they have at the time just proposed, not a second one. A move that names its booking
 * and says no new time, or only the proposed time's day, goes to the proposed time itself.
 */
export function movedToProposed(u: Understanding, proposedAt: string | undefined, timeZone: string): Understanding {
  if (u.intent !== 'reschedule' || !u.apptWhen || !proposedAt || u.shift || u.forSomeoneElse) return u;
  const start = DateTime.fromISO(proposedAt, { zone: timeZone });
  if (!start.isValid || (u.when && !onDayOf(u.when, start))) return u;
  const at: DateRange = { from: start.toJSDate(), to: start.plus({ minutes: 1 }).toJSDate(), exactTime: true, dayNamed: true, description: '' };
  return { ...u, when: at };
}

/** The window said is a day (no clock time) that holds the proposed start. */
function onDayOf(when: DateRange, start: DateTime): boolean {
  const t = start.toMillis();
  return !when.exactTime && when.from.getTime() <= t && t < when.to.getTime();
}
