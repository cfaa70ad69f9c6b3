import type { Actor, AppointmentStatus, ChangeResult } from '../api.ts';
import { canTransition } from '../status.ts';
import { cancel } from './cancel.ts';
import { requireView, rule, type SchedulerContext } from './context.ts';

/** Moves an appointment along its lifecycle (status.ts says which moves exist); canceling is cancel(). */
export async function setStatus(ctx: SchedulerContext, appointmentId: string, status: AppointmentStatus, actor: Actor): Promise<ChangeResult> {
  if (status === 'canceled') return cancel(ctx, appointmentId, actor);
  const now = ctx.clock();
  const res = await ctx.store.transaction(async (tx) => {
    const appt = await tx.lockAppointment(appointmentId);
    if (!appt) return rule('not_found', `No appointment ${appointmentId}.`);
    if (!canTransition(appt.status, status)) {
      return rule('invalid_transition', `An appointment cannot go from ${appt.status} to ${status}.`);
    }
    await tx.updateAppointment(appt.id, status === 'confirmed' ? { status, confirmedAt: now } : { status });
    await tx.addEvent({ appointmentId: appt.id, actor, action: 'status', before: { status: appt.status }, after: { status }, at: now });
    return { ok: true as const };
  });
  if (!res.ok) return res;
  return { ok: true, appointment: await requireView(ctx, appointmentId) };
}
