import { maskPhone } from '../../log.ts';
import type { SmsDeps, UpcomingAppointment } from './ports.ts';
import { formatWhenWithZone } from './render.ts';

// Opt-out state lives on the Customer (one row per E.164 phone). Whoever learns of
// an opt-out (the STOP keyword, or Twilio refusing a send with 21610) calls
// markOptedOut; staff get an Exception for every upcoming appointment, because
// the customer can no longer be reminded or asked by text.

type OptOutDeps = Pick<SmsDeps, 'store' | 'ops' | 'log' | 'clock'>;

/** Records the opt-out; returns the customer's upcoming appointments, which stay booked. */
export async function markOptedOut(deps: OptOutDeps, phone: string, reason: string): Promise<UpcomingAppointment[]> {
  const now = deps.clock();
  const customer = await deps.store.customers.ensure(phone);
  if (!customer.optedOut) {
    await deps.store.customers.setOptedOut(customer.id, now);
    deps.log.info({ to: maskPhone(phone), reason }, 'sms opt-out recorded');
  }
  const upcoming = await deps.store.customers.upcomingAppointments(customer.id, now);
  for (const a of upcoming) {
    await deps.ops.raise({
      type: 'opted_out_upcoming',
      appointmentId: a.id,
      customerId: customer.id,
      summary: `Customer opted out of SMS (${reason}) with an upcoming ${a.serviceName} on ${formatWhenWithZone(a.startsAt, a.timeZone)}; reach them another way.`,
      details: { reason },
      raisedBy: { type: 'customer', id: customer.id },
    });
  }
  return upcoming;
}

export async function markOptedIn(deps: OptOutDeps, phone: string): Promise<void> {
  const customer = await deps.store.customers.ensure(phone);
  if (customer.optedOut) {
    await deps.store.customers.setOptedOut(customer.id, null);
    deps.log.info({ to: maskPhone(phone) }, 'sms opt-in recorded');
  }
}
