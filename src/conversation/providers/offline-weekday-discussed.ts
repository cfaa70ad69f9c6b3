import { DateTime } from 'luxon';
import type { Understanding } from '../understanding/index.ts';
import type { ProviderView } from './types.ts';

// "ok 4:30 monday then" to openings on Mon Dec 14: a weekday said alone names the nearest such
// day, but while offers on a later day of that weekday are on screen, the customer means that
// day (they would say "this monday" or a date for another). Only a few weeks ahead: further
// off, the offers are no longer the day being talked about.
const MAX_WEEKS_AHEAD = 4;

/** `u` with a day said by its weekday alone moved onto the later day of that weekday on screen. */
export function onWeekdayDiscussed(view: ProviderView, u: Understanding): Understanding {
  const day = view.offers[0]?.local.slice(0, 10);
  if (!u.when?.weekdayOnly || !day) return u;
  const shown = DateTime.fromISO(day, { zone: view.timeZone }).startOf('day');
  const said = DateTime.fromJSDate(u.when.from, { zone: view.timeZone }).startOf('day');
  const days = Math.round(shown.diff(said, 'days').days);
  if (days <= 0 || days % 7 !== 0 || days > 7 * MAX_WEEKS_AHEAD) return u;
  const move = (d: Date) => DateTime.fromJSDate(d, { zone: view.timeZone }).plus({ days }).toJSDate();
  return { ...u, when: { ...u.when, from: move(u.when.from), to: move(u.when.to) } };
}
