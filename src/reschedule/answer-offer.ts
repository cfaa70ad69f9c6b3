import type { Actor, AppointmentView, Scheduler } from '../engine/api.ts';
import { settle, type FlowDb, type OfferOption } from './db.ts';
import { escalateOffer, type RaiseProviderOut } from './escalate.ts';

// A customer's answer to their reschedule offer: a number moves the appointment to
// that option through the scheduler (atomically: the new time is secured before the
// old one is released, and every rule is checked again at commit), N passes it to a
// person. An offer acts once: only a `messaged` offer moves on, and a number already
// acted on finds the offer `rebooked`.

export type OfferAnswer = { pick: number } | { none: true };

export type OfferResult =
  | { kind: 'rebooked'; appointment: AppointmentView; option: OfferOption }
  | { kind: 'already'; status: string; appointmentId: string | null }
  | { kind: 'out_of_range'; count: number }
  | { kind: 'taken'; message: string }
  | { kind: 'declined' };

export async function answerOffer(
  deps: { db: FlowDb; scheduler: Scheduler; raise: RaiseProviderOut; now: Date },
  input: { offerId: string; answer: OfferAnswer; actor: Actor },
): Promise<OfferResult> {
  const offer = await deps.db.rescheduleOffer.findUnique({ where: { id: input.offerId } });
  if (!offer) return { kind: 'already', status: 'gone', appointmentId: null };
  if (offer.status !== 'messaged') return { kind: 'already', status: offer.status, appointmentId: offer.rebookedAppointmentId };
  // Moved by an earlier answer whose reply was lost (the move commits on its own).
  const successor = await deps.db.appointment.findUnique({ where: { rescheduledFromId: offer.appointmentId }, select: { id: true } });
  if (successor) {
    await settle(deps.db, offer.id, 'messaged', { status: 'rebooked', rebookedAppointmentId: successor.id, settledAt: deps.now });
    return { kind: 'already', status: 'rebooked', appointmentId: successor.id };
  }
  const options = offer.options as unknown as OfferOption[];
  if ('none' in input.answer) {
    await escalateOffer(deps, { offerId: offer.id, from: 'messaged', now: deps.now, why: 'the customer declined the times offered', status: 'declined' });
    return { kind: 'declined' };
  }
  const option = options[input.answer.pick - 1];
  if (!option) return { kind: 'out_of_range', count: options.length };
  const moved = await deps.scheduler.reschedule(offer.appointmentId, new Date(option.start), input.actor, { resourceId: option.resourceIds[0] });
  if (!moved.ok) {
    // Taken since it was offered (or a rule now refuses it): a person finds another time.
    await escalateOffer(deps, { offerId: offer.id, from: 'messaged', now: deps.now, why: `the time picked could not be booked: ${moved.message}`, status: 'escalated' });
    return { kind: 'taken', message: moved.message };
  }
  await settle(deps.db, offer.id, 'messaged', { status: 'rebooked', rebookedAppointmentId: moved.appointment.id, settledAt: deps.now });
  return { kind: 'rebooked', appointment: moved.appointment, option };
}
