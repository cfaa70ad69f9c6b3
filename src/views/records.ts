import type { AppointmentView } from '../engine/api.ts';
import { formatLocal } from '../engine/time.ts';
import type { Exception } from '../generated/prisma/client.ts';

// The JSON shape of an appointment and of an exception wherever Frontdesk hands one out:
// the admin API (GET /appointments/:id, GET /exceptions/:id) and webhook events' `data`,
// so a client parses one shape wherever the record comes from.

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

export function appointmentRecord(a: AppointmentView) {
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
    canceledAt: iso(a.canceledAt),
    cancelReason: a.cancelReason ?? null,
    canceledBy: a.canceledBy ?? null,
    lateCancel: a.lateCancel ?? null,
    createdAt: iso(a.createdAt),
  };
}

export function exceptionRecord(e: Exception) {
  return {
    id: e.id,
    type: e.type,
    status: e.status,
    summary: e.summary,
    details: (e.details ?? {}) as Record<string, unknown>,
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
