import type { Actor, ChangeResult } from '../api.ts';
import { canTransition } from '../status.ts';
import { MINUTE } from '../time.ts';
import { requireView, rule, type SchedulerContext } from './context.ts';
import { actorLabel } from './records.ts';

/** Cancels and frees the time; inside the service's cancellation window it is marked late. */
export async function cancel(ctx: SchedulerContext, appointmentId: string, actor: Actor, reason?: string): Promise<ChangeResult & { lateCancel?: boolean }> {
  const now = ctx.clock();
  const res = await ctx.store.transaction(async (tx) => {
    const appt = await tx.lockAppointment(appointmentId);
    if (!appt) return rule('not_found', `No appointment ${appointmentId}.`);
    if (!canTransition(appt.status, 'canceled')) return rule('invalid_transition', `A ${appt.status} appointment cannot be canceled.`);
    const lateCancel = appt.start.getTime() - now.getTime() < appt.cancellationWindowMinutes * MINUTE;
    await tx.updateAppointment(appt.id, { status: 'canceled', canceledAt: now, cancelReason: reason ?? null, canceledBy: actorLabel(actor), lateCancel });
    await tx.releaseReservations(appt.id);
    await tx.addEvent({
      appointmentId: appt.id,
      actor,
      action: 'canceled',
      before: { status: appt.status },
      after: { status: 'canceled', reason: reason ?? null, lateCancel },
      at: now,
    });
    return { ok: true as const, lateCancel };
  });
  if (!res.ok) return res;
  return { ok: true as const, appointment: await requireView(ctx, appointmentId), lateCancel: res.lateCancel };
}
