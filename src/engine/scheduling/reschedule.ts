import type { Actor, ChangeResult, RuleName } from '../api.ts';
import type { Combo } from '../availability.ts';
import type { AppointmentRecord, NewAppointment, SchedulingTx, ServiceRecord } from '../ports.ts';
import { isLive } from '../status.ts';
import { MINUTE } from '../time.ts';
import { commitAt, type CommitResult } from './commit.ts';
import { requireView, rule, type Failure, type SchedulerContext } from './context.ts';
import { reservationsFor, type Plan } from './decision.ts';
import { actorLabel, eventAfter } from './records.ts';

// Failures that another provider might not have; a reschedule then lets routing pick.
const PROVIDER_SPECIFIC = new Set<RuleName | 'conflict'>(['conflict', 'not_eligible', 'outside_hours', 'off_grid', 'daily_limit', 'language']);

/** Moves an appointment to `start`: a new appointment replaces it, and the old one is canceled as rescheduled. */
export async function reschedule(ctx: SchedulerContext, appointmentId: string, start: Date, actor: Actor, opts: { resourceId?: string } = {}): Promise<ChangeResult> {
  const now = ctx.clock();
  const current = await ctx.store.getAppointment(appointmentId);
  if (!current) return rule('not_found', `No appointment ${appointmentId}.`);
  if (!isLive(current.status)) return rule('invalid_transition', `A ${current.status} appointment cannot be rescheduled.`);
  const move: Move = { appointmentId, id: ctx.newId(), start, now, actor };
  const base = { locationId: current.locationId };
  // Keep the same provider when they are free; otherwise routing picks.
  const tries: Plan[] = opts.resourceId ? [{ ...base, resourceId: opts.resourceId }] : [{ ...base, resourceId: current.resourceIds[0] }, base];
  let outcome: CommitResult<AppointmentRecord> | null = null;
  for (const plan of tries) {
    outcome = await commitAt<AppointmentRecord>(ctx, {
      service: current.serviceId,
      start: start.getTime(),
      now,
      plan,
      // The booked length stays while the service still allows it; the room may change, its size is not kept.
      sizing: { durationMinutes: (current.end.getTime() - current.start.getTime()) / MINUTE, orDefaultDuration: true },
      customerId: current.customerId ?? undefined,
      ignoreOwner: appointmentId,
      write: (tx, service, combo) => writeMove(tx, move, service, combo),
      beforeLock: (tx) => stillMovable(tx, appointmentId),
    });
    if (outcome.ok || !PROVIDER_SPECIFIC.has(outcome.kind === 'rule' ? outcome.rule : 'conflict')) break;
  }
  if (!outcome!.ok) return outcome!;
  return { ok: true, appointment: await requireView(ctx, move.id) };
}

interface Move {
  appointmentId: string;
  /** The replacing appointment's id. */
  id: string;
  start: Date;
  now: Date;
  actor: Actor;
}

/** Under the transaction's lock: the appointment still exists and is live. */
async function stillMovable(tx: SchedulingTx, appointmentId: string): Promise<Failure | null> {
  const old = await tx.lockAppointment(appointmentId);
  if (!old) return rule('not_found', `No appointment ${appointmentId}.`);
  if (!isLive(old.status)) return rule('invalid_transition', `A ${old.status} appointment cannot be rescheduled.`);
  return null;
}

async function writeMove(tx: SchedulingTx, m: Move, service: ServiceRecord, combo: Combo): Promise<AppointmentRecord> {
  const old = (await tx.lockAppointment(m.appointmentId))!;
  const moved = successor(old, m, service, combo.locationId);
  // One-to-one: the new booking shares the old one's session key, so it may
  // overlap the old time while both exist; the old is released right after.
  const sessionKey = combo.sessionKey ?? old.sessionKeys[0] ?? m.id;
  await tx.insertAppointment(moved, reservationsFor(service, combo, m.start.getTime(), sessionKey));
  await tx.updateAppointment(old.id, { status: 'canceled', canceledAt: m.now, cancelReason: 'rescheduled', canceledBy: actorLabel(m.actor), lateCancel: false });
  await tx.releaseReservations(old.id);
  await tx.addEvent({ appointmentId: old.id, actor: m.actor, action: 'rescheduled', before: eventAfter(old), after: { rescheduledTo: m.id, status: 'canceled' }, at: m.now });
  await tx.addEvent({
    appointmentId: m.id,
    actor: m.actor,
    action: 'rescheduled_in',
    before: { rescheduledFrom: old.id, ...eventAfter(old) },
    after: eventAfter({ status: old.status, start: m.start, end: moved.end, resourceIds: combo.resourceIds }),
    at: m.now,
  });
  return old;
}

/** The appointment that replaces `old` at the new time: the same customer, state and answers, on the current rules. */
function successor(old: AppointmentRecord, m: Move, service: ServiceRecord, locationId: string): NewAppointment {
  return {
    id: m.id,
    serviceId: service.id,
    locationId,
    customerId: old.customerId,
    customer: null,
    requesterUserId: old.requesterUserId,
    start: m.start,
    end: new Date(m.start.getTime() + service.durationMinutes * MINUTE),
    status: old.status,
    channel: old.channel,
    intake: old.intake,
    attachments: old.attachments,
    notes: old.notes,
    rescheduledFromId: old.id,
    idempotencyKey: null,
    ruleVersion: service.ruleVersion,
    confirmedAt: old.status === 'confirmed' ? m.now : null,
  };
}
