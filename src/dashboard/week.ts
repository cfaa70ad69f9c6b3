import { DateTime } from 'luxon';
import { addDays, localDate } from '../engine/time.ts';
import { html, type Html } from './html.ts';
import { OPS_BASE } from './layout.ts';
import type { SignedIn } from './session.ts';
import { LEGEND, locationTimeline, renderDay, weekDates, type TimelineDay, type TimelineDeps } from './timeline/index.ts';

// /ops/week?location=&date=: one location's week, Monday to Sunday in the location's
// own zone, as a timeline per resource of appointments, holds, time off and free
// capacity. `date` is any day of the wanted week (default: today there); `location`
// defaults to the staff member's own location, else the first by name.

export const WEEK_PATH = `${OPS_BASE}/week`;

export interface PageResult {
  status: number;
  title: string;
  body: Html;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The query's location id and date, or why they are not acceptable. */
export function parseWeekQuery(query: Record<string, unknown>): { locationId?: string; date?: string } | { problem: string } {
  const location = typeof query.location === 'string' && query.location !== '' ? query.location : undefined;
  const date = typeof query.date === 'string' && query.date !== '' ? query.date : undefined;
  if (location !== undefined && !UUID.test(location)) return { problem: 'The location is not a location id.' };
  if (date !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date).isValid)) return { problem: 'The date must be a calendar date like 2026-12-07.' };
  return { locationId: location, date };
}

const problemPage = (status: number, message: string): PageResult => ({
  status,
  title: status === 404 ? 'Not found' : 'Bad request',
  body: html`<h1>${status === 404 ? 'Not found' : 'Bad request'}</h1><p class="error" role="alert">${message}</p><p><a href="${WEEK_PATH}">Show this week</a></p>`,
});

const dayLabel = (date: string) => DateTime.fromISO(date).toFormat('cccc d LLLL');
const weekHref = (locationId: string, date: string) => `${WEEK_PATH}?${new URLSearchParams({ location: locationId, date })}`;

async function defaultLocationId(deps: TimelineDeps, user: SignedIn): Promise<string | undefined> {
  if (user.resourceId) {
    const own = await deps.db.resource.findUnique({ where: { id: user.resourceId }, select: { locationId: true } });
    if (own) return own.locationId;
  }
  return undefined;
}

export async function weekPage(deps: TimelineDeps, input: { user: SignedIn; query: Record<string, unknown> }): Promise<PageResult> {
  const parsed = parseWeekQuery(input.query);
  if ('problem' in parsed) return problemPage(400, parsed.problem);
  const locations = await deps.db.location.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, timeZone: true } });
  const wanted = parsed.locationId ?? (await defaultLocationId(deps, input.user)) ?? locations[0]?.id;
  const location = locations.find((l) => l.id === wanted);
  if (!location) return locations.length === 0 && !parsed.locationId ? noLocations() : problemPage(404, 'There is no such location.');
  const date = parsed.date ?? localDate(deps.clock().getTime(), location.timeZone);
  const dates = weekDates(date);
  const days = await locationTimeline(deps, { user: input.user, location, dates });
  return { status: 200, title: 'Week', body: renderWeek({ user: input.user, location, locations, dates, days }) };
}

const noLocations = (): PageResult => ({ status: 200, title: 'Week', body: html`<h1>Week</h1><p class="empty">No locations are set up yet.</p>` });

function renderWeek(input: {
  user: SignedIn;
  location: { id: string; name: string; timeZone: string };
  locations: Array<{ id: string; name: string }>;
  dates: string[];
  days: TimelineDay[];
}): Html {
  const { user, location, locations, dates, days } = input;
  const monday = dates[0]!;
  const own = user.role === 'staff';
  const noResource = own && days.every((d) => d.resources.length === 0);
  return html`<h1>${own ? 'Your week' : 'Week'} of ${DateTime.fromISO(monday).toFormat('d LLLL yyyy')} <span class="time">· ${location.name} (${location.timeZone})</span></h1>
<form class="filters" method="get" action="${WEEK_PATH}">
<label>Location <select name="location">${locations.map((l) => html`<option value="${l.id}"${l.id === location.id ? html` selected` : null}>${l.name}</option>`)}</select></label>
<label>Week of <input type="date" name="date" value="${monday}" required></label>
<button type="submit">Show</button>
</form>
<nav class="pager" aria-label="Weeks"><a rel="prev" href="${weekHref(location.id, addDays(monday, -7))}">Previous week</a> <a rel="next" href="${weekHref(location.id, addDays(monday, 7))}">Next week</a></nav>
${
  noResource
    ? html`<p class="empty">${user.resourceId ? 'Your resource is not at this location.' : 'Your user is not linked to a staff resource, so there is no schedule of yours to show.'}</p>`
    : html`${LEGEND}${days.map(
        (day) => html`<section aria-labelledby="day-${day.date}">
<h2 id="day-${day.date}">${dayLabel(day.date)}</h2>
${renderDay({ day, zone: location.timeZone, caption: `${location.name}, ${dayLabel(day.date)}, by resource` })}
</section>`,
      )}`
}`;
}
