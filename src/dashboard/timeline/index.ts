import type { SignedIn } from '../session.ts';
import { loadResourceTimes, type TimelineDeps } from './load.ts';
import { dayBounds, timelineDays, type TimelineDay } from './segments.ts';

// The per-resource timeline of appointments and free capacity that the Week and
// Today pages show: rows loaded once per location (load.ts), cut into days (segments.ts),
// drawn as accessible tables (render.ts).

export { LEGEND, renderDay } from './render.ts';
export { weekDates, type TimelineDay } from './segments.ts';
export type { TimelineDeps } from './load.ts';

/** The timelines of consecutive `dates` at one location, for what `user` may see. */
export async function locationTimeline(deps: TimelineDeps, input: { user: SignedIn; location: { id: string; timeZone: string }; dates: string[] }): Promise<TimelineDay[]> {
  const { location, dates } = input;
  const from = dayBounds(dates[0]!, location.timeZone)[0];
  const to = dayBounds(dates.at(-1)!, location.timeZone)[1];
  const resources = await loadResourceTimes(deps, { user: input.user, locationId: location.id, from: new Date(from), to: new Date(to) });
  return timelineDays({ dates, zone: location.timeZone, resources });
}
