import type { AppointmentView, Scheduler } from '../engine/api.ts';
import type { Identity } from './identity.ts';
import { upcomingRequestedBy } from './requester.ts';
import type { Tx } from './store.ts';

// Which appointments are the sender's: a customer's by customer id; a Slack/Teams user's
// by who requested them.

export function isOwn(identity: Identity, appt: AppointmentView, requesterUserId?: string | null): boolean {
  if (identity.customerId && appt.customerId === identity.customerId) return true;
  return Boolean(identity.userId && requesterUserId === identity.userId);
}

/** The sender's upcoming active appointments, soonest first (at most ten). */
export async function myAppointments(env: { db: Tx; scheduler: Scheduler; identity: Identity; now: Date }): Promise<AppointmentView[]> {
  const { identity, scheduler, now } = env;
  if (identity.customerId) {
    const page = await scheduler.listAppointments({ customerId: identity.customerId, status: ['requested', 'confirmed'], from: now, limit: 10 });
    return page.items.filter((a) => a.customerId === identity.customerId);
  }
  if (identity.userId) {
    // Slack/Teams staff booking for themselves: the engine filters by customer, so find their own ids first.
    const ids = await upcomingRequestedBy(env.db, identity.userId, now, 10);
    const views = await Promise.all(ids.map((id) => scheduler.getAppointment(id)));
    return views.filter((v): v is AppointmentView => v !== null);
  }
  return [];
}
