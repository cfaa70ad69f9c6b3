import type { Actor, AppointmentStatus, BookRequest } from '../api.ts';
import type { NewAppointment, ServiceRecord } from '../ports.ts';

// The rows and audit entries the scheduling steps write, built from their requests.

export function holdSessionKey(holdId: string): string {
  return `hold:${holdId}`;
}

export function actorLabel(actor: Actor): string {
  return actor.id ? `${actor.type}:${actor.id}` : actor.type;
}

/** An audit event's picture of an appointment's time and state. */
export function eventAfter(a: { status: AppointmentStatus; start: Date; end: Date; resourceIds: string[] }) {
  return { status: a.status, start: a.start.toISOString(), end: a.end.toISOString(), resourceIds: a.resourceIds };
}

/** The appointment row a booking request becomes; approval (or forceRequested) leaves it `requested`. */
export function newAppointment(
  req: BookRequest,
  service: Pick<ServiceRecord, 'id' | 'requiresApproval' | 'ruleVersion'>,
  now: Date,
  at: { id: string; locationId: string; start: Date; end: Date; customerId: string | null },
): NewAppointment {
  const status: AppointmentStatus = service.requiresApproval || req.forceRequested ? 'requested' : 'confirmed';
  return {
    ...at,
    customer: req.customer ?? null,
    serviceId: service.id,
    requesterUserId: req.requesterUserId ?? null,
    status,
    channel: req.channel,
    intake: req.intake ?? {},
    attachments: req.attachments ?? [],
    notes: req.notes ?? null,
    rescheduledFromId: null,
    idempotencyKey: req.idempotencyKey ?? null,
    ruleVersion: service.ruleVersion,
    confirmedAt: status === 'confirmed' ? now : null,
  };
}
