import type { AppointmentView, Scheduler } from '../engine/api.ts';
import type { Identity } from './identity.ts';

// Which appointments are the sender's: a customer's by customer id; a Slack/Teams user's
// by who requested them. Both read through the Scheduler's views.

export function isOwn(identity: Identity, appt: AppointmentView): boolean {
  if (identity.customerId && appt.customerId === identity.customerId) return true;
  return Boolean(identity.userId && appt.requesterUserId === identity.userId);
}

/** The sender's upcoming active appointments, soonest first (at most ten). */
export async function myAppointments(env: { scheduler: Scheduler; identity: Identity; now: Date }): Promise<AppointmentView[]> {
  const { identity, scheduler, now } = env;
  const whose = identity.customerId ? { customerId: identity.customerId } : identity.userId ? { requesterUserId: identity.userId } : null;
  if (!whose) return [];
  const page = await scheduler.listAppointments({ ...whose, status: ['requested', 'confirmed'], from: now, limit: 10 });
  return page.items.filter((a) => isOwn(identity, a));
}
