import type { BookRequest, BookResult } from '../api.ts';
import { requireView, rule, type Failure, type SchedulerContext } from './context.ts';
import { snapshotRequest } from './decision.ts';
import { eventAfter, holdSessionKey, newAppointment } from './records.ts';

/** Turns a live hold into the appointment: the hold's time and resources are used as they are. */
export async function bookFromHold(ctx: SchedulerContext, req: BookRequest & { holdId: string }, now: Date): Promise<BookResult> {
  const id = ctx.newId();
  const result = await ctx.store.transaction(async (tx): Promise<{ ok: true } | Failure> => {
    const hold = await tx.lockHold(req.holdId);
    if (!hold || hold.expiresAt.getTime() <= now.getTime()) {
      return rule('hold_expired', 'The hold on that time has expired or was released; please pick a time again.');
    }
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
