import type { PrismaClient } from '../db/client.ts';
import type { AppointmentView, Scheduler } from '../engine/api.ts';
import { formatLocal } from '../engine/time.ts';
import { isAppointmentEvent } from './events.ts';

// An event's `data`: the appointment or the exception in the same shape as the admin
// API's GET /appointments/:id (without its history) and GET /exceptions/:id (without
// its context), so a subscriber parses one shape wherever the record comes from.
// tests/webhooks/payload.test.ts holds the two side by side.

export function appointmentData(a: AppointmentView): Record<string, unknown> {
  const zone = a.timeZone ?? 'UTC';
  return {
    id: a.id,
    status: a.status,
    start: a.start.toISOString(),
    end: a.end.toISOString(),
    localStart: formatLocal(a.start, zone),
    timeZone: zone,
    serviceId: a.serviceId,
    serviceName: a.serviceName,
    locationId: a.locationId,
    resourceIds: a.resourceIds,
    resourceNames: a.resourceNames,
    customerId: a.customerId,
    customerPhone: a.customerPhone ?? null,
    customerName: a.customerName ?? null,
    channel: a.channel,
    intake: a.intake,
    notes: a.notes ?? null,
    rescheduledFromId: a.rescheduledFromId,
    ruleVersion: a.ruleVersion,
    canceledAt: a.canceledAt?.toISOString() ?? null,
    cancelReason: a.cancelReason ?? null,
    canceledBy: a.canceledBy ?? null,
    lateCancel: a.lateCancel ?? null,
    createdAt: a.createdAt?.toISOString() ?? null,
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function exceptionData(db: PrismaClient, id: string): Promise<Record<string, unknown> | null> {
  const e = await db.exception.findUnique({ where: { id } });
  if (!e) return null;
  return {
    id: e.id,
    type: e.type,
    status: e.status,
    summary: e.summary,
    details: e.details ?? {},
    appointmentId: e.appointmentId,
    conversationId: e.conversationId,
    customerId: e.customerId,
    assigneeUserId: e.assigneeUserId,
    assignedAt: iso(e.assignedAt),
    resolution: e.resolution,
    closedBy: e.closedBy,
    resolvedAt: iso(e.resolvedAt),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** The record an event is about, as it is now; null when it no longer exists. */
export async function eventData(deps: { db: PrismaClient; scheduler: Pick<Scheduler, 'getAppointment'> }, event: { type: string; entityId: string }) {
  if (!isAppointmentEvent(event.type)) return exceptionData(deps.db, event.entityId);
  const appointment = await deps.scheduler.getAppointment(event.entityId);
  return appointment ? appointmentData(appointment) : null;
}
