import { DateTime } from 'luxon';
import type { Understanding } from '../../understanding/index.ts';
import type { ProviderView } from '../types.ts';

// "ok 4:30 monday then" to openings on Mon Dec 14: a weekday said alone names the nearest such
// day, but while offers on a later day of that weekday are on screen, the customer means that
// day (they would say "this monday" or a date for another). Only a few weeks ahead: further
// off, the offers are no longer the day being talked about.
const MAX_WEEKS_AHEAD = 4;

/**
 * `u` with a day said by its weekday alone moved onto the later day of that weekday on screen,
 * or else onto the later day of that weekday said earlier in the conversation (`daysSaid`,
 * "thursday dec 10 ... friday the 11th ... no, thursday is better"), or onto the day right
 * after the one on screen when the customer named that day ("thurs dec 10 morning?" ...
 * "none of those, fri morning?"): offers they did not ask the day of keep the nearest.
 */
export function onWeekdayDiscussed(view: ProviderView, u: Understanding, daysSaid: string[] = []): Understanding {
  if (!u.when?.weekdayOnly) return u;
  const said = DateTime.fromJSDate(u.when.from, { zone: view.timeZone }).startOf('day');
  const day = view.offers[0]?.local.slice(0, 10);
  const shown = day ? DateTime.fromISO(day, { zone: view.timeZone }).startOf('day') : undefined;
  const candidates = [...(shown ? [shown] : []), ...[...daysSaid].reverse().map((d) => DateTime.fromISO(d, { zone: view.timeZone }).startOf('day'))];
  const days = candidates.map((c) => Math.round(c.diff(said, 'days').days)).find((d) => d > 0 && d % 7 === 0 && d <= 7 * MAX_WEEKS_AHEAD)
    ?? (shown && day && daysSaid.includes(day) ? dayAfter(shown, said) : undefined);
  if (days === undefined) return u;
  const move = (d: Date) => DateTime.fromJSDate(d, { zone: view.timeZone }).plus({ days }).toJSDate();
  return { ...u, when: { ...u.when, from: move(u.when.from), to: move(u.when.to) } };
}

/** The days (yyyy-MM-dd) said so far with the one of this message's window added, when it is one day; the last few only. */
export function withDaySaid(view: ProviderView, daysSaid: string[] | undefined, u: Understanding): string[] | undefined {
  if (!u.when || u.when.dayNamed === false) return daysSaid;
  // "how much notice to move my thursday appt?": a day naming a booking is the booking's, which the weekday alone may not be.
  if (u.apptWhen || u.moveAsked || u.intent === 'reschedule' || u.intent === 'cancel' || u.intent === 'my_appointments') return daysSaid;
  const from = DateTime.fromJSDate(u.when.from, { zone: view.timeZone });
  if (DateTime.fromJSDate(u.when.to, { zone: view.timeZone }).diff(from, 'hours').hours > 24) return daysSaid;
  const day = from.toISODate()!;
  return [...(daysSaid ?? []).filter((d) => d !== day), day].slice(-4);
}

/** Days from `said` to the day after `shown` when that day is of the weekday said and later. */
function dayAfter(shown: DateTime, said: DateTime): number | undefined {
  const next = shown.plus({ days: 1 });
  return next.weekday === said.weekday && next > said ? Math.round(next.diff(said, 'days').days) : undefined;
}
