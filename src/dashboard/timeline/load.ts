import type { PrismaClient } from '../../db/client.ts';
import type { Clock } from '../../engine/clock.ts';
import { DAY } from '../../engine/time.ts';
import type { Range } from '../../reports/intervals.ts';
import type { SignedIn } from '../session.ts';
import type { ResourceTimes } from './segments.ts';

// The rows a location's timeline needs over [from, to), one set-based query per
// table whatever the number of resources or days: the resources with their hours,
// their live reservations (appointments and unexpired holds) and their time off.

export interface TimelineDeps {
  db: PrismaClient;
  clock: Clock;
}

/**
 * The resources a user may see on a location's timeline: a staff member only their
 * own linked resource (none when no resource is linked); everyone else all the
 * location's active resources.
 */
function visibleTo(user: SignedIn, locationId: string) {
  if (user.role !== 'staff') return { locationId, active: true };
  return { locationId, active: true, id: user.resourceId ?? { in: [] } };
}

const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const range = (start: Date, end: Date): Range => [start.getTime(), end.getTime()];

export async function loadResourceTimes(deps: TimelineDeps, input: { user: SignedIn; locationId: string; from: Date; to: Date }): Promise<ResourceTimes[]> {
  const { from, to } = input;
  const now = deps.clock();
  // Overrides are local dates: a day either side covers any zone's dates in the window.
  const dates = { gte: utcDate(from.getTime() - DAY), lte: utcDate(to.getTime() + DAY) };
  const resources = await deps.db.resource.findMany({
    where: visibleTo(input.user, input.locationId),
    include: { weeklyHours: true, dateOverrides: { where: { date: dates } } },
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
  });
  const ids = resources.map((r) => r.id);
  const [reservations, timeOff] = await Promise.all([
    deps.db.reservation.findMany({
      where: {
        resourceId: { in: ids },
        active: true,
        blockStart: { lt: to },
        blockEnd: { gt: from },
        OR: [{ appointment: { is: { status: { not: 'canceled' } } } }, { hold: { is: { expiresAt: { gt: now } } } }],
      },
      include: { appointment: { include: { customer: true, service: true } } },
    }),
    deps.db.timeOff.findMany({ where: { resourceId: { in: ids }, startsAt: { lt: to }, endsAt: { gt: from } } }),
  ]);
  return resources.map((r) => {
    const own = reservations.filter((rv) => rv.resourceId === r.id);
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      hours: {
        timeZone: r.timeZone,
        weeklyHours: r.weeklyHours.map((h) => ({ weekday: h.weekday, startTime: h.startTime, endTime: h.endTime })),
        overrides: r.dateOverrides.map((o) => ({ date: o.date, startTime: o.startTime, endTime: o.endTime })),
      },
      reserved: own.filter((rv) => rv.appointment).map((rv) => range(rv.blockStart, rv.blockEnd)),
      holds: own.filter((rv) => !rv.appointment).map((rv) => range(rv.blockStart, rv.blockEnd)),
      timeOff: timeOff.filter((t) => t.resourceId === r.id).map((t) => ({ start: t.startsAt.getTime(), end: t.endsAt.getTime(), reason: t.reason })),
      appointments: own.flatMap((rv) =>
        rv.appointment
          ? [
              {
                id: rv.appointment.id,
                start: rv.appointment.startsAt.getTime(),
                end: rv.appointment.endsAt.getTime(),
                customer: rv.appointment.customer?.name ?? 'Customer without a name',
                service: rv.appointment.service.name,
                status: rv.appointment.status,
              },
            ]
          : [],
      ),
    };
  });
}
