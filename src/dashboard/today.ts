import { DateTime } from 'luxon';
import type { PrismaClient } from '../db/client.ts';
import type { Clock } from '../engine/clock.ts';
import { html, type Html } from './html.ts';
import { OPS_BASE } from './layout.ts';
import type { SignedIn } from './session.ts';

// Today's appointments, per location in that location's own time zone. A staff
// member sees only the appointments reserved on their own resource; everyone else
// sees all of them (reading is every role's right in src/access/matrix.ts).

export interface TodayEntry {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  service: string;
  customer: string;
  resources: string[];
}

export interface TodayLocation {
  name: string;
  timeZone: string;
  day: string;
  appointments: TodayEntry[];
}

/** The locations the Today page shows, read once for both its parts. */
export interface PageLocation {
  id: string;
  name: string;
  timeZone: string;
}

export function loadPageLocations(db: PrismaClient): Promise<PageLocation[]> {
  return db.location.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, timeZone: true } });
}

export async function loadToday(deps: { db: PrismaClient; clock: Clock }, { user, locations }: { user: SignedIn; locations: PageLocation[] }): Promise<TodayLocation[]> {
  return Promise.all(
    locations.map(async (location) => {
      const start = DateTime.fromJSDate(deps.clock(), { zone: location.timeZone }).startOf('day');
      const rows = await deps.db.appointment.findMany({
        where: {
          locationId: location.id,
          startsAt: { gte: start.toJSDate(), lt: start.plus({ days: 1 }).toJSDate() },
          ...(user.role === 'staff' ? { reservations: { some: { resourceId: user.resourceId ?? '00000000-0000-0000-0000-000000000000' } } } : {}),
        },
        include: { service: true, customer: true, reservations: { where: { active: true }, include: { resource: true } } },
        orderBy: { startsAt: 'asc' },
      });
      const appointments = rows.map((a) => ({
        id: a.id,
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        status: a.status,
        service: a.service.name,
        customer: a.customer?.name ?? 'Customer without a name',
        resources: [...new Set(a.reservations.map((r) => r.resource.name))],
      }));
      return { name: location.name, timeZone: location.timeZone, day: start.toFormat('cccc d LLLL yyyy'), appointments };
    }),
  );
}

const clockTime = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat('HH:mm');

export function renderToday(locations: TodayLocation[], user: SignedIn): Html {
  const scope = user.role === 'staff' ? 'Your appointments today' : 'Today';
  return html`<h1>${scope}</h1>
${locations.length === 0 ? html`<p class="empty">No locations are set up yet.</p>` : null}
${locations.map(
  (l, i) => html`<section aria-labelledby="location-${i}">
<h2 id="location-${i}">${l.name} <span class="time">· ${l.day} (${l.timeZone})</span></h2>
${
  l.appointments.length === 0
    ? html`<p class="empty">No appointments today.</p>`
    : html`<ol class="timeline">${l.appointments.map(
        (a) => html`<li data-appointment="${a.id}"><span class="time">${clockTime(a.startsAt, l.timeZone)}–${clockTime(a.endsAt, l.timeZone)}</span>
<span><a href="${OPS_BASE}/appointments/${a.id}"><strong>${a.customer}</strong></a> · ${a.service}${a.resources.length ? html` · ${a.resources.join(', ')}` : null}${a.status === 'confirmed' ? null : html` · <em>${a.status}</em>`}</span></li>`,
      )}</ol>`
}
</section>`,
)}`;
}
