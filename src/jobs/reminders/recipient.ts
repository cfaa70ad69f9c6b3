import type { ConversationChannel } from '../../contract/conversation.ts';

// Whom an appointment's reminders go to, and on which channel: its customer by text
// (customers are known by phone), otherwise the colleague who booked it from Slack or
// Teams, by direct message there. Quiet hours are the recipient's night: the
// customer's zone when known, else the location's.

export interface ReminderAudience {
  channel: string;
  timeZone: string;
  customer: { phone: string; timeZone: string | null } | null;
  requester: { slackUserId: string | null; teamsUserId: string | null } | null;
}

export interface ReminderRecipient {
  channel: ConversationChannel;
  /** Null: nobody reachable on that channel (the reminder is recorded as skipped). */
  address: string | null;
  timeZone: string;
}

export function reminderRecipient(a: ReminderAudience): ReminderRecipient {
  if (a.customer) return { channel: 'sms', address: a.customer.phone, timeZone: a.customer.timeZone ?? a.timeZone };
  if (a.channel === 'slack') return { channel: 'slack', address: a.requester?.slackUserId ?? null, timeZone: a.timeZone };
  if (a.channel === 'teams') return { channel: 'teams', address: a.requester?.teamsUserId ?? null, timeZone: a.timeZone };
  return { channel: 'sms', address: null, timeZone: a.timeZone };
}
