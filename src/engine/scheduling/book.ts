import type { AppointmentView, BookRequest, BookResult } from '../api.ts';
import type { Combo } from '../availability.ts';
import { type EventRecord, type NewAppointment, type ServiceRecord } from '../ports.ts';
import { MINUTE } from '../time.ts';
import { bookFromHold } from './book-from-hold.ts';
import { commitAt } from './commit.ts';
import { requireView, type SchedulerContext } from './context.ts';
import { planOf, reservationsFor, sizingOf } from './decision.ts';
import { eventAfter, newAppointment } from './records.ts';

/**
 * Books a time (or a hold); the same idempotency key twice returns the first appointment.
 * The key is looked up only when the booking is not written: a written booking carries
 * the key, whose unique index refuses it when it was used, so a key that exists never
 * gets a second appointment, and the usual first request costs no lookup. A refusal of
 * any kind (the retried request's hold is gone, its time taken by its own first
 * booking, the key itself) returns the first appointment when the key has one.
 */
export async function book(ctx: SchedulerContext, req: BookRequest): Promise<BookResult> {
  const now = ctx.clock();
  let result: BookResult;
  try {
    result = req.holdId ? await bookFromHold(ctx, { ...req, holdId: req.holdId }, now) : await bookAt(ctx, req, now);
  } catch (err) {
    // A lookup that fails too leaves the booking's own error to report.
    const replayed = req.idempotencyKey ? await replay(ctx, req.idempotencyKey).catch(() => null) : null;
    if (replayed) return replayed;
    throw err;
  }
  if (!result.ok && req.idempotencyKey) return (await replay(ctx, req.idempotencyKey)) ?? result;
  return result;
}

async function replay(ctx: SchedulerContext, key: string): Promise<BookResult | null> {
  const existing = await ctx.store.findAppointmentByIdempotencyKey(key);
  return existing ? { ok: true, appointment: existing, replayed: true } : null;
}

/** A new booking at `req.start`: guarded in one statement when it can be, else under a lock. */
async function bookAt(ctx: SchedulerContext, req: BookRequest, now: Date): Promise<BookResult> {
  const start = req.start.getTime();
  const id = ctx.newId();
  const rows = (service: ServiceRecord, combo: Combo) => bookingRows({ req, id, now, service, combo });
  const res = await commitAt<AppointmentView | null>(ctx, {
    service: req.service,
    start,
    now,
    plan: planOf(req),
    sizing: sizingOf(req),
    customerId: req.customerId,
    write: async (tx, service, combo) => {
      const { appointment, event, reservations } = rows(service, combo);
      await tx.insertAppointment(appointment, reservations);
      await tx.addEvent(event);
      return null;
    },
    guarded: (versions, service, combo) => ctx.store.commitGuarded({ versions, now, ...rows(service, combo) }),
  });
  if (!res.ok) return res;
  return { ok: true, appointment: res.value ?? (await requireView(ctx, id)), replayed: false };
}

/** The appointment, its reservations and its audit event that booking `req` on `combo` writes. */
function bookingRows(b: { req: BookRequest; id: string; now: Date; service: ServiceRecord; combo: Combo }) {
  const { req, id, now, service, combo } = b;
  const start = req.start.getTime();
  const appointment: NewAppointment = newAppointment(req, service, now, {
    id,
    locationId: combo.locationId,
    start: new Date(start),
    end: new Date(start + service.durationMinutes * MINUTE),
    customerId: req.customerId ?? null,
  });
  const event: EventRecord = {
    appointmentId: id,
    actor: req.actor,
    action: appointment.status === 'requested' ? 'requested' : 'booked',
    before: null,
    after: eventAfter({ status: appointment.status, start: appointment.start, end: appointment.end, resourceIds: combo.resourceIds }),
    at: now,
  };
  return { appointment, event, reservations: reservationsFor(service, combo, start, combo.sessionKey ?? id) };
}
