import type { Actor, BookRequest } from '../../engine/api.ts';
import { locationZone, staffName } from '../catalog.ts';
import type { TurnEnv } from '../env.ts';
import { raiseException } from '../escalate.ts';
import { offersFromAlternatives } from '../offers.ts';
import type { Proposal } from '../state.ts';
import { RULE_TEXT, T, formatSlotLabel } from '../templates.ts';
import type { Committed } from './committed.ts';

/** Books the proposed time, through its hold when the hold is still there. */
export async function commitBook(env: TurnEnv, p: Proposal, actor: Actor): Promise<Committed> {
  const customerId = await env.ensureCustomer();
  actor.id = customerId ?? actor.id;
  const request: BookRequest = {
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
    actor,
  };
  let booked = await env.scheduler.book({ ...request, holdId: p.holdId ?? undefined });
  // The hold ran out while the customer answered: book the same time directly if it is still free.
  if (!booked.ok && booked.kind === 'rule' && booked.rule === 'hold_expired') booked = await env.scheduler.book(request);
  if (booked.ok) {
    const a = booked.appointment;
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
    const message = a.status === 'confirmed' ? T.booked(a.serviceName, label) : p.intakeMissing.length ? T.requestedIncomplete(a.serviceName, label) : T.requested(a.serviceName, label);
    return { result: { ok: true, appointmentId: a.id, status: a.status }, display: { messages: [message], expecting: null }, locationId: a.locationId };
  }
  if (booked.kind === 'conflict') {
    return { result: { ok: false, kind: 'conflict' }, display: offersFromAlternatives(env, p.serviceId, booked.alternatives, T.slotTaken).display! };
  }
  return {
    result: { ok: false, kind: 'rule', rule: booked.rule },
    display: { messages: [T.commitFailed(RULE_TEXT[booked.rule] ?? 'that time cannot be booked.')], expecting: null },
  };
}
