import { DateTime } from 'luxon';
import { localDate } from '../../engine/time.ts';
import { html, type Html } from '../html.ts';
import type { SignedIn } from '../session.ts';
import type { PageLocation } from '../today.ts';
import { locationTimeline } from './index.ts';
import type { TimelineDeps } from './load.ts';
import { LEGEND, renderDay } from './render.ts';
import type { TimelineDay } from './segments.ts';

// The Today page's per-resource timeline: today's date in each location's own zone.
// A location where the user sees no resource (a staff member's other locations) is left out.

export interface LocationDay {
  name: string;
  timeZone: string;
  day: TimelineDay;
}

export async function loadTodayTimelines(deps: TimelineDeps, { user, locations }: { user: SignedIn; locations: PageLocation[] }): Promise<LocationDay[]> {
  const now = deps.clock().getTime();
  const days = await Promise.all(
    locations.map(async (location) => {
      const [day] = await locationTimeline(deps, { user, location, dates: [localDate(now, location.timeZone)] });
      return { name: location.name, timeZone: location.timeZone, day: day! };
    }),
  );
  return days.filter((d) => d.day.resources.length > 0);
}

export function renderTodayTimelines(days: LocationDay[]): Html {
  if (days.length === 0) return html``;
  return html`<h2 id="by-resource">By resource</h2>
${LEGEND}
${days.map((d) => renderDay({ day: d.day, zone: d.timeZone, caption: `${d.name}, ${DateTime.fromISO(d.day.date).toFormat('cccc d LLLL')}, by resource` }))}`;
}
