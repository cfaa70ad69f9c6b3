import type { Recipient } from '../contract/notifier.ts';
import type { FlowDb } from './db.ts';

/**
 * Where a customer is told about their appointment: by text when the customer has a
 * phone (as confirmations and reminders are), else by Slack DM when a Slack user
 * booked it for themselves. Null: there is no channel to reach them on.
 */
export async function customerRecipient(db: FlowDb, appointmentId: string): Promise<Recipient | null> {
  const a = await db.appointment.findUnique({
    where: { id: appointmentId },
    select: { channel: true, customer: { select: { phone: true } }, requester: { select: { slackUserId: true } } },
  });
  if (a?.customer?.phone) return { channel: 'sms', address: a.customer.phone };
  if (a?.channel === 'slack' && a.requester?.slackUserId) return { channel: 'slack', address: a.requester.slackUserId };
  return null;
}
