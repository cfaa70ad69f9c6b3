import type { OpsActor } from '../contract/ops.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Actor, Scheduler } from '../engine/api.ts';
import type { Exception } from '../generated/prisma/client.ts';
import { auditActorOf } from './audit.ts';
import { OpsError } from './errors.ts';
import { applyStep, allowedNext } from './step.ts';

// approve / decline an approval_needed exception: the `requested` appointment is
// confirmed or canceled through the Scheduler (which enforces the rules and writes
// the appointment's own trail), then the exception is resolved. Nothing else has
// an appointment to approve, so other types are refused, never half-done.

export interface ApprovalDeps {
  db: PrismaClient;
  scheduler: Scheduler;
}

const schedulerActor = (actor: OpsActor): Actor => ({ type: 'user', id: auditActorOf(actor).id ?? undefined, channel: actor.via });

async function requestedAppointment(deps: ApprovalDeps, exception: Exception, kind: 'approve' | 'decline'): Promise<string> {
  allowedNext(exception, kind);
  if (exception.type !== 'approval_needed' || !exception.appointmentId) {
    throw new OpsError('unsupported', `${kind} is not supported for ${exception.type} exceptions; only an approval_needed exception has an appointment to ${kind}.`);
  }
  const appointment = await deps.scheduler.getAppointment(exception.appointmentId);
  if (appointment?.status !== 'requested') {
    throw new OpsError('refused', `Appointment ${exception.appointmentId} is ${appointment?.status ?? 'gone'}, not requested; there is nothing to ${kind}.`);
  }
  return appointment.id;
}

export async function approve(deps: ApprovalDeps, exception: Exception, actor: OpsActor, at: Date): Promise<Exception> {
  const appointmentId = await requestedAppointment(deps, exception, 'approve');
  const result = await deps.scheduler.setStatus(appointmentId, 'confirmed', schedulerActor(actor));
  if (!result.ok) throw new OpsError('refused', result.message);
  return applyStep(deps.db, {
    exception,
    kind: 'approve',
    actor,
    action: 'approved',
    data: { resolution: 'Approved: the appointment is confirmed.', closedBy: auditActorOf(actor).id, resolvedAt: at },
    details: { appointmentId },
    at,
  });
}

export async function decline(deps: ApprovalDeps, exception: Exception, actor: OpsActor, reason: string, at: Date): Promise<Exception> {
  const appointmentId = await requestedAppointment(deps, exception, 'decline');
  const result = await deps.scheduler.cancel(appointmentId, schedulerActor(actor), reason);
  if (!result.ok) throw new OpsError('refused', result.message);
  return applyStep(deps.db, {
    exception,
    kind: 'decline',
    actor,
    action: 'declined',
    data: { resolution: `Declined: ${reason}`, closedBy: auditActorOf(actor).id, resolvedAt: at },
    details: { appointmentId, reason },
    at,
  });
}
