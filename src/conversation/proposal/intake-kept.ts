import type { ConversationState, Proposal } from '../state.ts';

// A customer who answered a consultation's questions and then, at its summary, asks for
// another time ("no, 12 instead") is still the same person with the same hair: the booking
// proposed next for that service starts from their answers, and only what is unanswered is
// asked. The answers are kept only until the next booking is proposed.

/** Keeps the answers of a booking being dropped at its summary, for the next booking of its service. */
export function keepIntakeAnswers(state: ConversationState, dropped: Proposal): void {
  if (dropped.kind !== 'book' || Object.keys(dropped.intake).length === 0) return;
  state.intakeKept = { serviceId: dropped.serviceId, intake: { ...dropped.intake }, skipped: [...dropped.intakeSkipped] };
}

/** The answers kept for this service (none for another), taken: a later booking asks afresh. */
export function takeIntakeAnswers(state: ConversationState, serviceId: string): Pick<Proposal, 'intake' | 'intakeSkipped'> {
  const kept = state.intakeKept;
  state.intakeKept = null;
  if (!kept || kept.serviceId !== serviceId) return { intake: {}, intakeSkipped: [] };
  return { intake: kept.intake, intakeSkipped: kept.skipped };
}
