import type { BookedOnResource } from '../engine/impact.ts';
import type { ResourceRecord } from '../engine/ports.ts';
import type { AppointmentStatus } from '../engine/api.ts';
import type { FlowDb } from './db.ts';

// What impact detection needs about one resource, read in two queries: the resource's
// record as the engine sees it, and the live future appointments that reserve it.

export async function loadResourceRecord(db: FlowDb, resourceId: string): Promise<ResourceRecord | null> {
  const r = await db.resource.findUnique({
    where: { id: resourceId },
    include: { weeklyHours: true, dateOverrides: true },
  });
  if (!r) return null;
  return {
    id: r.id,
    locationId: r.locationId,
    kind: r.kind,
    name: r.name,
    timeZone: r.timeZone,
    skills: r.skills,
    languages: r.languages,
    capacity: r.capacity,
    maxDailyBookings: r.maxDailyBookings,
    routingWeight: r.routingWeight,
    active: r.active,
    weeklyHours: r.weeklyHours.map((h) => ({ weekday: h.weekday, startTime: h.startTime, endTime: h.endTime })),
    overrides: r.dateOverrides.map((o) => ({ date: o.date, startTime: o.startTime, endTime: o.endTime })),
  };
}

/** Live appointments starting after `now` with a reservation on the resource, and the range each blocks there. */
export async function loadBookedOnResource(db: FlowDb, resourceId: string, now: Date): Promise<BookedOnResource[]> {
  const rows = await db.reservation.findMany({
    where: { resourceId, active: true, appointment: { status: { in: ['requested', 'confirmed'] }, startsAt: { gt: now } } },
    select: { blockStart: true, blockEnd: true, appointment: { select: { id: true, status: true, startsAt: true, endsAt: true } } },
  });
  return rows.flatMap((r) =>
    r.appointment
      ? [
          {
            appointmentId: r.appointment.id,
            status: r.appointment.status as AppointmentStatus,
            start: r.appointment.startsAt,
            end: r.appointment.endsAt,
            blockStart: r.blockStart,
            blockEnd: r.blockEnd,
          },
        ]
      : [],
  );
}
