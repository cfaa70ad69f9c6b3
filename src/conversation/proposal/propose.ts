import type { Clock } from '../../engine/clock.ts';
import { shortId } from '../short-id.ts';
import type { ConversationState, Offer, Proposal } from '../state.ts';

// A proposal is what the customer is asked to say yes to: a booking (held), a new time for
// one of their appointments, or a cancellation. Tools make it; only the customer's yes to
// exactly this proposal commits it (commit.ts).

/** A proposal with nothing chosen yet; its id differs from the offers on screen, so "confirm:ID" is unambiguous. */
export function newProposal(env: { state: ConversationState; clock: Clock }, kind: Proposal['kind'], serviceId: string): Proposal {
  return {
    id: shortId(new Set(env.state.offers.map((o) => o.id))),
    kind,
    awaiting: 'confirmation',
    offerId: null,
    appointmentId: null,
    alsoAppointmentIds: [],
    holdId: null,
    serviceId,
    start: null,
    resourceIds: [],
    locationId: null,
    intake: {},
    intakeMissing: [],
    intakeSkipped: [],
    intakeQuestionId: null,
    intakeAttempts: 0,
    attachments: [],
    summary: '',
    createdAt: env.clock().toISOString(),
    durationMinutes: null,
    minCapacity: null,
  };
}

/** Makes `p` the conversation's pending proposal (the previous one was discarded first). */
export function propose(state: ConversationState, p: Proposal): Proposal {
  state.proposal = p;
  return p;
}

/** What a proposal takes from the offer the customer picked: the time and who, where. */
export function fromOffer(offer: Offer): Pick<Proposal, 'offerId' | 'start' | 'resourceIds' | 'locationId' | 'durationMinutes' | 'minCapacity'> {
  return {
    offerId: offer.id,
    start: offer.start,
    resourceIds: offer.resourceIds,
    locationId: offer.locationId,
    durationMinutes: offer.durationMinutes,
    minCapacity: offer.minCapacity,
  };
}
