import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Notifiers } from '../contract/notifier.ts';
import type { OfferableTime, OpsActor } from '../contract/ops.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Scheduler, Slot } from '../engine/api.ts';
import { putStaffOffersOnScreen } from '../conversation/staff-offers.ts';
import { numbered } from '../conversation/templates.ts';
import type { Exception } from '../generated/prisma/client.ts';
import { actorDetails, auditActorOf, recordAudit } from './audit.ts';
import { OpsError } from './errors.ts';
import { replyTarget } from './reply.ts';
import { allowedNext } from './step.ts';

// "Offer new times" for a customer whose request found no slot, or whose provider is
// out: the engine's free times for the same service over the next two weeks (the
// staff member picks some), then one reschedule_offer notice to the customer on their
// channel, written from those slots, never by a model. The times become the
// conversation's numbered offers, so the customer answers as usual ("2", "Wed 10am")
// and books (or, provider out, moves the appointment) through the engine. The offer joins
// the transcript as staff and the audit trail names who offered what.

export interface OfferDeps {
  db: PrismaClient;
  scheduler: Scheduler;
  notifiers: Notifiers;
  clock: () => Date;
}

const WINDOW_DAYS = 14;
const SHOWN = 10;
const DEFAULT_OFFERED = 3;
const OFFERED_MAX = 5;

interface Request {
  serviceId: string;
  serviceName: string;
  customerId: string | null;
}

/** What the customer asked for: the service of the no_slot search, or of the appointment whose provider is out. */
async function requestOf(db: PrismaClient, exception: Exception): Promise<Request> {
  if (exception.type !== 'no_slot' && exception.type !== 'provider_out') {
    throw new OpsError('unsupported', `offer_times is not supported for ${exception.type} exceptions; only for no_slot and provider_out.`);
  }
  const details = (exception.details ?? {}) as { serviceId?: unknown };
  const appointment = exception.appointmentId ? await db.appointment.findUnique({ where: { id: exception.appointmentId }, select: { serviceId: true } }) : null;
  const serviceId = typeof details.serviceId === 'string' ? details.serviceId : appointment?.serviceId;
  const service = serviceId ? await db.service.findUnique({ where: { id: serviceId }, select: { id: true, name: true } }) : null;
  if (!service) throw new OpsError('unsupported', `Exception ${exception.id} does not say which service the customer wanted, so there are no times to offer.`);
  return { serviceId: service.id, serviceName: service.name, customerId: exception.customerId };
}

async function freeSlots(deps: OfferDeps, request: Request): Promise<Slot[]> {
  const from = deps.clock();
  const to = new Date(from.getTime() + WINDOW_DAYS * 24 * 60 * 60 * 1000);
  return deps.scheduler.findSlots({ service: request.serviceId, from, to, customerId: request.customerId ?? undefined, limit: SHOWN });
}

type LabelledSlot = OfferableTime & { slot: Slot };

async function labelled(db: PrismaClient, slots: Slot[]): Promise<LabelledSlot[]> {
  const ids = [...new Set(slots.flatMap((s) => s.resourceIds))];
  const resources = await db.resource.findMany({ where: { id: { in: ids }, kind: 'staff' }, select: { id: true, name: true } });
  const names = new Map(resources.map((r) => [r.id, r.name]));
  return slots.map((s) => {
    const when = DateTime.fromJSDate(s.start, { zone: s.timeZone ?? 'UTC' }).toFormat('ccc LLL d, h:mm a');
    const staff = s.resourceIds.map((id) => names.get(id)).find(Boolean);
    return { start: s.start.toISOString(), label: staff ? `${when} with ${staff}` : when, slot: s };
  });
}

/** The times the engine can offer for this exception's request now. */
export async function offerableTimes(deps: OfferDeps, exception: Exception): Promise<{ serviceName: string; times: OfferableTime[] }> {
  allowedNext(exception, 'offer_times');
  const request = await requestOf(deps.db, exception);
  const times = await labelled(deps.db, await freeSlots(deps, request));
  return { serviceName: request.serviceName, times: times.map(({ start, label }) => ({ start, label })) };
}

export async function offerTimes(deps: OfferDeps, exception: Exception, actor: OpsActor, times: string[] | undefined, at: Date): Promise<Exception> {
  allowedNext(exception, 'offer_times');
  const request = await requestOf(deps.db, exception);
  const free = await labelled(deps.db, await freeSlots(deps, request));
  const wanted = times ?? free.slice(0, DEFAULT_OFFERED).map((t) => t.start);
  if (!wanted.length) throw new OpsError('refused', `There are no free times for ${request.serviceName} in the next ${WINDOW_DAYS} days to offer.`);
  if (wanted.length > OFFERED_MAX) throw new OpsError('refused', `Offer at most ${OFFERED_MAX} times at once.`);
  // Checked again now: a time picked a minute ago may have been booked since.
  const offered = wanted.map((start) => free.find((t) => t.start === new Date(start).toISOString()));
  const gone = wanted.filter((_, i) => !offered[i]);
  if (gone.length) throw new OpsError('refused', `No longer free: ${gone.join(', ')}. Open Offer new times again for the current times.`);
  const target = await replyTarget(deps.db, exception);
  const notifier = deps.notifiers.forChannel(target.recipient.channel);
  if (!notifier) throw new OpsError('unreachable', `This installation cannot send on ${target.recipient.channel}, the customer's channel.`);
  const business = await deps.db.business.findFirst({ orderBy: { createdAt: 'asc' }, select: { name: true } });
  const text = `We can offer you ${request.serviceName} at:\n${numbered(offered.map((t) => t!.label))}\nReply with the time that suits you.`;
  const idempotencyKey = `reschedule_offer:${exception.id}:${randomUUID()}`;
  const notice = await notifier.send({ kind: 'reschedule_offer', to: target.recipient, idempotencyKey, text, from: business?.name });
  return deps.db.$transaction(async (tx) => {
    // First: it takes the conversation's lock, which a turn holds while it writes the same row.
    await putStaffOffersOnScreen(tx, {
      conversationId: target.conversationId,
      serviceId: request.serviceId,
      slots: offered.map((t) => ({ slot: t!.slot, label: t!.label })),
      text,
      forAppointmentId: exception.type === 'provider_out' ? exception.appointmentId : null,
      at,
    });
    const message = await tx.message.create({ data: { conversationId: target.conversationId, direction: 'outbound', role: 'staff', text, externalId: idempotencyKey, createdAt: at }, select: { id: true } });
    await tx.conversation.update({ where: { id: target.conversationId }, data: { lastMessageAt: at } });
    const updated = await tx.exception.update({ where: { id: exception.id }, data: { updatedAt: at } });
    await recordAudit(tx, {
      entityType: 'exception',
      entityId: exception.id,
      action: 'offered_times',
      actor: auditActorOf(actor),
      details: { times: offered.map((t) => t!.start), messageId: message.id, channel: target.recipient.channel, noticeStatus: notice.status, ...actorDetails(actor) },
      at,
    });
    return updated;
  });
}
