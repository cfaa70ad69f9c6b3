import type { PrismaClient } from '../db/client.ts';
import { DateTime } from 'luxon';
import type { FlowDb, OfferOption, OfferStatus } from './db.ts';
import { optionLabel } from './offer-notice.ts';

// An affected appointment a person must finish: the customer did not answer in time,
// said none of the times suit them, could not be reached, or there was nothing to
// offer. It becomes a `provider_out` exception carrying the options offered, raised
// through the ops core (one per appointment however often this runs).

export type RaiseProviderOut = (input: {
  type: 'provider_out';
  summary: string;
  appointmentId: string;
  customerId: string | null;
  details: Record<string, unknown>;
  at: Date;
}) => Promise<{ id: string }>;

type Escalation = 'escalated' | 'unreachable' | 'declined';

export async function escalateOffer(
  deps: { db: FlowDb; raise: RaiseProviderOut },
  input: { offerId: string; from: OfferStatus; now: Date; why: string; status: Escalation },
): Promise<boolean> {
  const offer = await deps.db.rescheduleOffer.findUnique({
    where: { id: input.offerId },
    include: { flow: { select: { id: true, resourceId: true } } },
  });
  if (!offer || offer.status !== input.from) return false;
  const appt = await deps.db.appointment.findUnique({
    where: { id: offer.appointmentId },
    select: { customerId: true, startsAt: true, service: { select: { name: true } }, location: { select: { timeZone: true } } },
  });
  if (!appt) return false;
  const zone = appt.location.timeZone;
  const options = (offer.options as unknown as OfferOption[]).map((o, i) => ({ number: i + 1, label: optionLabel(o, zone), ...o }));
  const when = DateTime.fromJSDate(appt.startsAt, { zone }).toFormat('ccc LLL d, h:mm a');
  const raised = await deps.raise({
    type: 'provider_out',
    summary: `Provider out: ${appt.service.name} on ${when} needs a new time (${input.why}).`,
    appointmentId: offer.appointmentId,
    customerId: appt.customerId,
    details: { flowId: offer.flow.id, offerId: offer.id, resourceId: offer.flow.resourceId, reason: offer.reason, why: input.why, options },
    at: input.now,
  });
  const { count } = await deps.db.rescheduleOffer.updateMany({
    where: { id: input.offerId, status: input.from },
    data: { status: input.status, exceptionId: raised.id, settledAt: input.now },
  });
  return count === 1;
}

/** Offers whose answer time has passed: each goes to ops with its options. */
export async function escalateOverdueOffers(deps: { db: PrismaClient; raise: RaiseProviderOut }, now: Date): Promise<number> {
  const overdue = await deps.db.rescheduleOffer.findMany({ where: { status: 'messaged', answerBy: { lte: now } }, select: { id: true }, take: 100 });
  let escalated = 0;
  for (const { id } of overdue) {
    if (await escalateOffer(deps, { offerId: id, from: 'messaged', now, why: 'no answer in time', status: 'escalated' })) escalated++;
  }
  return escalated;
}
