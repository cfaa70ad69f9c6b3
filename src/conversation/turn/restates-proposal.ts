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

// "8th sorry fat fingers lol", "i meant the 8th, typo" after "cancel my appt on the 8rh": a day
// said again to set a typo right, the summary's own day. Nothing changes: the summary is asked
// again. The apology must be there: a bare "8th" may still be a pick or another request.
const SETS_TYPO_RIGHT = /\b(sorry|soz|typo|fat ?fingers?|oops|whoops|autocorrect|auto ?correct|i meant|meant)\b|^\s*\*/;
const ORDINAL_DAY = /\b(\d{1,2})(?:st|nd|rd|th)\b/g;

/** The message only sets the day of the summary right: one day of the month, the start's, said with an apology. */
export function restatesDay(text: string, p: Proposal, zone: string): boolean {
  const day = summaryDay(p, zone);
  if (day === undefined) return false;
  const said = text.toLowerCase();
  if (!SETS_TYPO_RIGHT.test(said)) return false;
  const days = [...said.matchAll(ORDINAL_DAY)];
  if (days.length !== 1) return false;
  // Any other number (a time, a count) asks something more than the day.
  if (/\d/.test(said.replace(ORDINAL_DAY, ' '))) return false;
  if (/\b(not|no|instead|move|change|book|switch)\b/.test(said)) return false;
  return Number(days[0]![1]) === day;
}

/** The day of the month the summary is about: its start's, or for a cancel (no start kept) the one its text shows ("Tue Dec 8"). */
function summaryDay(p: Proposal, zone: string): number | undefined {
  if (p.start) return DateTime.fromISO(p.start, { zone }).day;
  const shown = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})\b/.exec(p.summary);
  return shown ? Number(shown[1]) : undefined;
}
