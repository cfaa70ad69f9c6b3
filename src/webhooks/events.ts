// What a webhook subscriber can subscribe to, and the body every delivery carries.
// The events are produced in the database (migration 20261203050000_webhooks maps each
// audit-trail row to its types), so this list and those SQL functions name the same set.

export const WEBHOOK_EVENT_TYPES = [
  'appointment.created',
  'appointment.confirmed',
  'appointment.rescheduled',
  'appointment.canceled',
  'appointment.completed',
  'appointment.no_show',
  'exception.raised',
  'exception.resolved',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The JSON body of a delivery; `id` is the same on every retry, for the receiver's dedupe. */
export interface WebhookEventBody {
  id: string;
  type: string;
  created_at: string;
  /** The appointment or the exception, as the admin API shows it. */
  data: Record<string, unknown>;
}

export const isAppointmentEvent = (type: string) => type.startsWith('appointment.');
