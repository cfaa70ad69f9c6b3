import { locationZone, staffName } from '../catalog.ts';
import type { TurnEnv } from '../env.ts';
import { actorFor } from '../identity.ts';
import { serviceQuestions } from '../intake.ts';
import { engineSize, liveOffer, offersFromAlternatives } from '../offers.ts';
import { fail, type ToolOutcome } from '../outcome.ts';
import { discardProposal } from '../proposal/discard.ts';
import { takeIntakeAnswers } from '../proposal/intake-kept.ts';
import { fromOffer, newProposal, propose } from '../proposal/propose.ts';
import { advanceIntake } from '../proposal/show.ts';
import type { Offer } from '../state.ts';
import { T, T2, formatSlotLabel } from '../templates.ts';
import type { ToolArgs } from './definitions.ts';

/** Holds the chosen offer and proposes booking it; intake questions come first when the service has them. */
export async function bookOffer(env: TurnEnv, args: ToolArgs<'book_offer'>): Promise<ToolOutcome> {
  const found = liveOffer(env, args.offer_id);
  if (!found.ok) return found.outcome;
  const offer = found.offer;
  if (offer.forAppointmentId) return fail('wrong_tool', 'This offer is for rescheduling; use reschedule_appointment.');
  const service = env.catalog.services.find((s) => s.id === offer.serviceId);
  if (!service) return fail('unknown_service', 'That service is no longer offered.');
  if (!env.identity.phone && !env.identity.userId) return fail('no_identity', 'This sender cannot book through chat.', false);
  discardProposal(env);
  // The released hold may be on this very time: let it go before holding again.
  await Promise.all(env.releases);
  const held = await holdOffer(env, offer, service.id);
  if (!held.ok) {
    if (held.kind === 'conflict') return offersFromAlternatives(env, service.id, held.alternatives, T.slotTaken, offer);
    return fail(held.rule, held.message, false);
  }
  const zone = locationZone(env.catalog, offer.locationId);
  const where = env.catalog.locations.find((l) => l.id === offer.locationId)?.name ?? env.catalog.business.name;
  const label = formatSlotLabel(new Date(offer.start), zone, staffName(env.catalog, offer.resourceIds));
  const proposal = propose(env.state, {
    ...newProposal(env, 'book', service.id),
    ...fromOffer(offer),
    ...takeIntakeAnswers(env.state, service.id),
    holdId: held.holdId,
    summary: T.proposeBook(service.name, label, where),
  });
  // Proposed from offers never shown (the time the customer named): the questions say what they are for.
  const unlisted = env.state.offersShown ? undefined : T2.holding(service.name, label, where);
  return advanceIntake(proposal, serviceQuestions(service.intakeQuestions), true, unlisted);
}

/** Keeps the time for the customer while they answer intake and confirm. */
async function holdOffer(env: TurnEnv, offer: Offer, serviceId: string) {
  const customerId = await env.ensureCustomer();
  return env.scheduler.hold({
    service: serviceId,
    start: new Date(offer.start),
    resourceId: offer.resourceIds[0],
    locationId: offer.locationId,
    customerId: customerId ?? undefined,
    requesterUserId: env.identity.userId ?? undefined,
    channel: env.identity.channel,
    actor: actorFor(env.identity),
    conversationId: env.conversationId,
    minutes: env.holdMinutes,
    ...engineSize(offer),
  });
}
