import type { Notifiers } from '../contract/notifier.ts';
import type { Prisma, PrismaClient } from '../db/client.ts';
import type { Scheduler } from '../engine/api.ts';
import { MINUTE } from '../engine/time.ts';
import { readAppointmentFacts } from '../notices/appointment-facts.ts';
import { settle, type OfferOption } from './db.ts';
import { escalateOffer, type RaiseProviderOut } from './escalate.ts';
import { offerNotice } from './offer-notice.ts';
import { offerOptions } from './options.ts';
import { customerRecipient } from './recipient.ts';

// Messages each pending offer: its options are decided once and stored BEFORE the
// notice is sent (a second worker or a rerun after a crash sends the stored options,
// and the notifier delivers the notice's key once), then the offer is `messaged` with
// the time by which an answer is expected. An offer nobody can be told about, or with
// no new time to offer, goes to ops at once.

export interface OfferDeps {
  db: PrismaClient;
  scheduler: Scheduler;
  notifiers: Notifiers;
  raise: RaiseProviderOut;
  /** Minutes a customer has to answer before ops take over (never later than the appointment). */
  answerMinutes: number;
}

const BATCH = 50;

export async function sendPendingOffers(deps: OfferDeps, now: Date): Promise<{ messaged: number; escalated: number }> {
  const pending = await deps.db.rescheduleOffer.findMany({ where: { status: 'pending' }, orderBy: { createdAt: 'asc' }, take: BATCH, select: { id: true } });
  const result = { messaged: 0, escalated: 0 };
  for (const { id } of pending) {
    const outcome = await sendOffer(deps, id, now);
    if (outcome === 'messaged') result.messaged++;
    else if (outcome === 'escalated') result.escalated++;
  }
  return result;
}

type SendOutcome = 'messaged' | 'escalated' | 'skipped';

async function sendOffer(deps: OfferDeps, offerId: string, now: Date): Promise<SendOutcome> {
  const offer = await deps.db.rescheduleOffer.findUnique({ where: { id: offerId } });
  if (!offer || offer.status !== 'pending') return 'skipped';
  const appt = await deps.scheduler.getAppointment(offer.appointmentId);
  if (!appt || (appt.status !== 'confirmed' && appt.status !== 'requested')) {
    // Canceled or moved meanwhile: nothing left to offer.
    await settle(deps.db, offerId, 'pending', { status: 'declined', settledAt: now });
    return 'skipped';
  }
  const options = await storedOrNewOptions(deps, offer, appt, now);
  const to = await customerRecipient(deps.db, appt.id);
  const notifier = to && deps.notifiers.forChannel(to.channel);
  const subject = await readAppointmentFacts(deps.db, appt.id);
  if (!options.length || !to || !notifier || !subject) {
    const why = !options.length ? 'no new time to offer' : 'no channel to reach the customer on';
    await escalateOffer(deps, { offerId, from: 'pending', now, why, status: options.length ? 'unreachable' : 'escalated' });
    return 'escalated';
  }
  const sent = await notifier.send(offerNotice({ offerId, to, appointment: subject.facts, options }));
  if (sent.status === 'suppressed' || sent.status === 'failed') {
    const why = sent.status === 'suppressed' ? 'the customer opted out of messages' : 'the message could not be sent';
    await escalateOffer(deps, { offerId, from: 'pending', now, why, status: 'unreachable' });
    return 'escalated';
  }
  const answerBy = new Date(Math.min(now.getTime() + deps.answerMinutes * MINUTE, appt.start.getTime()));
  await settle(deps.db, offerId, 'pending', { status: 'messaged', channel: to.channel, address: to.address, messagedAt: now, answerBy });
  return 'messaged';
}

/** The options stored on the offer, or new ones stored now unless another run stored its own first. */
async function storedOrNewOptions(
  deps: OfferDeps,
  offer: { id: string; options: Prisma.JsonValue },
  appt: Parameters<typeof offerOptions>[1],
  now: Date,
): Promise<OfferOption[]> {
  const stored = offer.options as unknown as OfferOption[];
  if (stored.length) return stored;
  const fresh = await offerOptions({ db: deps.db, scheduler: deps.scheduler, now }, appt);
  if (!fresh.length) return fresh;
  const { count } = await deps.db.rescheduleOffer.updateMany({
    where: { id: offer.id, status: 'pending', options: { equals: [] } },
    data: { options: fresh as unknown as Prisma.InputJsonValue },
  });
  if (count) return fresh;
  const again = await deps.db.rescheduleOffer.findUniqueOrThrow({ where: { id: offer.id }, select: { options: true } });
  return again.options as unknown as OfferOption[];
}
