import { DateTime } from 'luxon';
import type { Proposal } from '../state.ts';
import type { Understanding } from '../understanding/index.ts';

// "1pm", "9 works", "10 with lee" at a summary of that very time: customers often say the
// time again instead of yes (they read the summary as one more offer). It is no yes, so
// nothing is committed, and no change either: the same summary is asked again, its hold
// kept, where discarding it would send them back to a list they had already picked from.

/** The message names the proposal's own clock time (and nothing the proposal does not have). */
export function restatesProposal(u: Understanding, p: Proposal, zone: string): boolean {
  if (p.kind === 'cancel' || !p.start) return false;
  if (u.intent === 'decline' || u.intent === 'cancel' || u.answer === 'no') return false;
  if (u.shift || u.also || u.abandons || u.forSomeoneElse) return false;
  if (u.serviceId && u.serviceId !== p.serviceId) return false;
  if (u.staffId && !p.resourceIds.includes(u.staffId)) return false;
  const start = DateTime.fromISO(p.start, { zone });
  return saysClockTime(u, start, zone) || saysBareHour(u, start) || picksItsTime(u, start);
}

/** "the 2pm", "10:30 one": a pick by time that is the start's. */
function picksItsTime(u: Understanding, start: DateTime): boolean {
  return u.choiceTime !== undefined && u.choiceTime.hour === start.hour && u.choiceTime.minute === start.minute;
}

/** "4:30", "1pm", "monday at 1": an exact time equal to the start, on its day when a day is named. */
function saysClockTime(u: Understanding, start: DateTime, zone: string): boolean {
  if (!u.when?.exactTime) return false;
  const at = DateTime.fromJSDate(u.when.from, { zone });
  const sameClock = at.hour === start.hour && at.minute === start.minute;
  return sameClock && (u.when.dayNamed === false || at.hasSame(start, 'day'));
}

/** "9", "12 is good": a bare number that is the start's hour on a 12-hour clock, on the hour. */
function saysBareHour(u: Understanding, start: DateTime): boolean {
  if (u.when || u.number === undefined || start.minute !== 0) return false;
  return u.number === (start.hour % 12 || 12);
}
