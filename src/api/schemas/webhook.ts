import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../../webhooks/events.ts';
import { webhookUrlProblem } from '../../webhooks/url.ts';
import { pageQuery, timestamps, uuid, withoutDefaults } from './common.ts';

// Outbound webhook subscriptions and their delivery log (src/webhooks).

const url = z
  .string()
  .max(2048)
  .superRefine((raw, ctx) => {
    const problem = webhookUrlProblem(raw);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ description: 'Where events are POSTed: https, or http only for localhost / 127.0.0.1', example: 'https://example.com/frontdesk/webhooks' });

const eventType = z.enum(WEBHOOK_EVENT_TYPES);

const fields = {
  url,
  eventTypes: z.array(eventType).min(1, { message: 'must name at least one event type' }).max(WEBHOOK_EVENT_TYPES.length * 2).meta({ description: 'The events to receive' }),
  description: z.string().trim().max(500).nullable().optional(),
  enabled: z.boolean().default(true).meta({ description: 'Re-enabling a disabled subscriber clears its run of failures' }),
};

export const WebhookCreate = z.strictObject(fields);
export const WebhookUpdate = z.strictObject(withoutDefaults(fields)).partial();
export const WebhookListQuery = z.strictObject({ ...pageQuery });

export const WebhookView = z.strictObject({
  id: uuid,
  url: z.string(),
  description: z.string().nullable(),
  eventTypes: z.array(eventType),
  enabled: z.boolean(),
  disabledAt: z.iso.datetime().nullable(),
  disabledReason: z.string().nullable(),
  consecutiveFailures: z.int().meta({ description: 'Failed attempts in a row since the last success' }),
  failingSince: z.iso.datetime().nullable(),
  ...timestamps,
});

export const WebhookWithSecret = WebhookView.extend({
  secret: z.string().meta({ description: 'The signing secret, shown only now: keep it with the receiver' }),
});

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'abandoned'] as const;

export const DeliveryListQuery = z.strictObject({ ...pageQuery, status: z.enum(DELIVERY_STATUSES).optional() });

const AttemptView = z.strictObject({
  number: z.int(),
  outcome: z.enum(['in_flight', 'succeeded', 'failed', 'interrupted']),
  responseStatus: z.int().nullable(),
  error: z.string().nullable(),
  durationMs: z.int().nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

export const DeliveryView = z.strictObject({
  id: uuid,
  eventId: uuid.meta({ description: 'The Frontdesk-Event-Id header and the body’s id' }),
  eventType: eventType,
  status: z.enum(DELIVERY_STATUSES).meta({
    description: 'pending: not yet delivered (next attempt at nextAttemptAt) | delivered | failed: every attempt failed | abandoned: the subscriber was disabled first',
  }),
  attemptCount: z.int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  attempts: z.array(AttemptView),
});
