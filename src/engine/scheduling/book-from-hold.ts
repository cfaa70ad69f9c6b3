import type { BookRequest, BookResult } from '../api.ts';
import { MINUTE } from '../time.ts';
import { requireView, rule, type Failure, type SchedulerContext } from './context.ts';
import { snapshotRequest } from './decision.ts';
import { eventAfter, holdSessionKey, newAppointment } from './records.ts';

const HOLD_EXPIRED = 'The hold on that time has expired or was released; please pick a time again.';

/** Turns a live hold into the appointment: the hold's time and resources are used as they are. */
export async function bookFromHold(ctx: SchedulerContext, req: BookRequest & { holdId: string }, now: Date): Promise<BookResult> {
  const id = ctx.newId();
  const guarded = await bookHoldGuarded(ctx, req, now, id);
  if (guarded) return guarded;
  const result = await ctx.store.transaction(async (tx): Promise<{ ok: true } | Failure> => {
    const hold = await tx.lockHold(req.holdId);
    if (!hold || hold.expiresAt.getTime() <= now.getTime()) return rule('hold_expired', HOLD_EXPIRED);
    const at = hold.start.getTime();
    const snap = await tx.loadSnapshot(snapshotRequest(hold.serviceId, { from: at, to: at }, now, { resourceIds: hold.resourceIds, locationId: hold.locationId }));
    if (!snap) return rule('unknown_service', 'The held service no longer exists.');
    if (!snap.service.active) return rule('inactive_service', `The service "${snap.service.name}" is not bookable.`);
    const a = newAppointment(req, snap.service, now, { id, locationId: hold.locationId, start: hold.start, end: hold.end, customerId: req.customerId ?? hold.customerId });
    await tx.insertAppointment(a, []);
    // One-to-one holds are their own session; the appointment takes the session over.
    const renames = new Map(hold.sessionKeys.filter((k) => k === holdSessionKey(hold.id)).map((k) => [k, id] as const));
    await tx.convertHold(hold.id, id, renames);
    await tx.addEvent({
      appointmentId: id,
      actor: req.actor,
      action: a.status === 'requested' ? 'requested' : 'booked',
      before: { holdId: hold.id },
      after: eventAfter({ status: a.status, start: hold.start, end: hold.end, resourceIds: hold.resourceIds }),
      at: now,
    });
    return { ok: true };
  });
  if (!result.ok) return result;
  return { ok: true, appointment: await requireView(ctx, id), replayed: false };
}

/**
 * The same booking in one statement, decided on the cached configuration for the
 * service and time the request names (those its hold was made for): the statement
 * writes only while the hold is that service and time and the configuration has not
 * moved. Null: decide on what the database holds instead (the transaction above).
 */
async function bookHoldGuarded(ctx: SchedulerContext, req: BookRequest & { holdId: string }, now: Date, id: string): Promise<BookResult | null> {
  const at = req.start.getTime();
  // No reservations, counts or customer: the cached configuration alone, without a read.
  const snap = await ctx.store.loadSnapshot({
    ...snapshotRequest(req.service, { from: at, to: at }, now, { withVersions: true, reservations: false }),
    months: [],
  });
  if (!snap?.versions || !snap.service.active) return null;
  const start = new Date(at);
  const end = new Date(at + snap.service.durationMinutes * MINUTE);
  const { locationId: _hold, ...a } = newAppointment(req, snap.service, now, { id, locationId: '', start, end, customerId: req.customerId ?? null });
  const written = await ctx.store.bookHoldGuarded({
    versions: snap.versions,
    now,
    holdId: req.holdId,
    holdSessionKey: holdSessionKey(req.holdId),
    appointment: a,
    event: {
      appointmentId: id,
      actor: req.actor,
      action: a.status === 'requested' ? 'requested' : 'booked',
      before: { holdId: req.holdId },
      // The store fills in the hold's resources.
      after: eventAfter({ status: a.status, start, end, resourceIds: [] }),
      at: now,
    },
  });
  if (written.outcome === 'expired') return rule('hold_expired', HOLD_EXPIRED);
  if (written.outcome === 'stale') return null;
  return { ok: true, appointment: written.appointment, replayed: false };
}
