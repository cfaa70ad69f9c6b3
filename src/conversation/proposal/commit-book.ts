import type { Actor, AppointmentView, BookRequest } from '../../engine/api.ts';
import { locationZone, staffName } from '../catalog.ts';
import type { TurnEnv } from '../env.ts';
import { raiseException } from '../escalate.ts';
import { engineSize, offersFromAlternatives } from '../offers.ts';
import type { Proposal } from '../state.ts';
import { RULE_TEXT, T, formatSlotLabel } from '../templates.ts';
import type { Committed } from './committed.ts';

/** Books the proposed time, through its hold when the hold is still there. */
export async function commitBook(env: TurnEnv, p: Proposal, actor: Actor): Promise<Committed> {
  const request = await bookRequest(env, p, actor);
  let booked = await env.scheduler.book({ ...request, holdId: p.holdId ?? undefined });
  // The hold ran out while the customer answered: book the same time directly if it is still free.
  if (!booked.ok && booked.kind === 'rule' && booked.rule === 'hold_expired') booked = await env.scheduler.book(request);
  if (booked.ok) return announceBooking(env, p, booked.appointment);
  if (booked.kind === 'conflict') {
    return { result: { ok: false, kind: 'conflict' }, display: offersFromAlternatives(env, p.serviceId, booked.alternatives, T.slotTaken, p).display! };
  }
  return {
    result: { ok: false, kind: 'rule', rule: booked.rule },
    display: { messages: [T.commitFailed(RULE_TEXT[booked.rule] ?? 'that time cannot be booked.')], expecting: null },
  };
}

/** The booking as the engine takes it, for the sender's Customer (created now if new). */
async function bookRequest(env: TurnEnv, p: Proposal, actor: Actor): Promise<BookRequest> {
  const customerId = await env.ensureCustomer();
  actor.id = customerId ?? actor.id;
  return {
    service: p.serviceId,
    start: new Date(p.start!),
    resourceId: p.resourceIds[0],
    locationId: p.locationId ?? undefined,
    customerId: customerId ?? undefined,
    requesterUserId: env.identity.userId ?? undefined,
    channel: env.identity.channel,
    intake: p.intake,
    attachments: p.attachments,
    forceRequested: p.intakeMissing.length > 0,
    // A retried yes books once.
    idempotencyKey: `conversation:${env.conversationId}:${p.id}`,
    ...engineSize(p),
    actor,
  };
}

/** Booked: staff hear of intake left unanswered, and the customer is told whether it is confirmed or requested. */
async function announceBooking(env: TurnEnv, p: Proposal, a: AppointmentView): Promise<Committed> {
  const c = env.catalog;
  const label = formatSlotLabel(a.start, locationZone(c, a.locationId), staffName(c, a.resourceIds));
  if (p.intakeMissing.length) {
    await raiseException(env.db, {
      type: 'intake_incomplete',
      summary: `Intake incomplete for ${a.serviceName}`,
      conversationId: env.conversationId,
      customerId: env.identity.customerId,
      appointmentId: a.id,
      details: { missing: p.intakeMissing },
    });
  }
  env.state.offers = [];
  env.state.providerMemory = {};
  const message =
    a.status === 'confirmed'
      ? T.withCalendar(T.booked(a.serviceName, label), await env.calendarLink(a.id))
      : p.intakeMissing.length
        ? T.requestedIncomplete(a.serviceName, label)
        : T.requested(a.serviceName, label);
  return { result: { ok: true, appointmentId: a.id, status: a.status }, display: { messages: [message], expecting: null }, locationId: a.locationId };
}
