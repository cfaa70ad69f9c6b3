import { affectedAppointments, type ImpactReason, type ResourceChange } from '../engine/impact.ts';
import type { FlowDb } from './db.ts';
import { loadBookedOnResource, loadResourceRecord } from './facts.ts';

// A change to a resource, judged before or while it is saved: which booked
// appointments it would make impossible. The engine decides (src/engine/impact.ts);
// this reads its inputs and says who the appointments are for.

export interface AffectedAppointment {
  appointmentId: string;
  reason: ImpactReason;
  startsAt: Date;
  endsAt: Date;
  status: string;
  serviceName: string;
  customerName: string | null;
  customerPhone: string | null;
}

/** Null when there is no such resource. */
export async function assessChange(db: FlowDb, input: { resourceId: string; change: ResourceChange; now: Date }): Promise<AffectedAppointment[] | null> {
  const resource = await loadResourceRecord(db, input.resourceId);
  if (!resource) return null;
  const booked = await loadBookedOnResource(db, input.resourceId, input.now);
  const impacts = affectedAppointments({ resource, change: input.change, booked, now: input.now });
  if (!impacts.length) return [];
  const rows = await db.appointment.findMany({
    where: { id: { in: impacts.map((i) => i.appointmentId) } },
    select: { id: true, startsAt: true, endsAt: true, status: true, service: { select: { name: true } }, customer: { select: { name: true, phone: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return impacts.map((i) => {
    const a = byId.get(i.appointmentId)!;
    return {
      appointmentId: i.appointmentId,
      reason: i.reason,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      status: a.status,
      serviceName: a.service.name,
      customerName: a.customer?.name ?? null,
      customerPhone: a.customer?.phone ?? null,
    };
  });
}
