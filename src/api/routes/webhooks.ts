import { Router } from 'express';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { WebhookAttempt, WebhookDelivery, WebhookEvent, WebhookSubscription } from '../../generated/prisma/client.ts';
import { notFound } from '../../http/problem.ts';
import { newWebhookSecret } from '../../webhooks/secret.ts';
import { instant, page } from '../schemas/common.ts';
import { DeliveryListQuery, DeliveryView, WebhookCreate, WebhookListQuery, WebhookUpdate, WebhookView, WebhookWithSecret } from '../schemas/webhook.ts';
import { parseBody, parseQuery } from '../validate.ts';
import { keyset, listCursor, pathId, route } from './support.ts';

// Outbound webhook subscriptions (admin only). The signing secret is shown once, at
// creation or rotation; deliveries and every attempt of each are listed per subscription.

const tag = 'Webhooks';
const webhooksCursor = listCursor('webhooks', instant);
const deliveriesCursor = listCursor('webhook-deliveries', instant);

const iso = (d: Date | null) => d?.toISOString() ?? null;

const toWebhookView = (s: WebhookSubscription): z.infer<typeof WebhookView> => ({
  id: s.id,
  url: s.url,
  description: s.description,
  eventTypes: s.eventTypes as z.infer<typeof WebhookView>['eventTypes'],
  enabled: s.enabled,
  disabledAt: iso(s.disabledAt),
  disabledReason: s.disabledReason,
  consecutiveFailures: s.consecutiveFailures,
  failingSince: iso(s.failingSince),
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

type DeliveryRow = WebhookDelivery & { event: Pick<WebhookEvent, 'type'>; attemptsLog: WebhookAttempt[] };

const toDeliveryView = (d: DeliveryRow): z.infer<typeof DeliveryView> => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.event.type as z.infer<typeof DeliveryView>['eventType'],
  status: d.status as z.infer<typeof DeliveryView>['status'],
  attemptCount: d.attempts,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
  deliveredAt: iso(d.deliveredAt),
  createdAt: d.createdAt.toISOString(),
  attempts: d.attemptsLog.map((a) => ({
    number: a.number,
    outcome: a.outcome as z.infer<typeof DeliveryView>['attempts'][number]['outcome'],
    responseStatus: a.responseStatus,
    error: a.error,
    durationMs: a.durationMs,
    startedAt: a.startedAt.toISOString(),
    finishedAt: iso(a.finishedAt),
  })),
});

const unique = <T>(items: T[]) => [...new Set(items)];

export function webhooksRouter({ db, clock }: AppContext): Router {
  const router = Router();
  const find = async (id: string) => (await db.webhookSubscription.findUnique({ where: { id } })) ?? Promise.reject(notFound(`Webhook subscription ${id}`));

  route(router, { operationId: 'listWebhooks', method: 'get', path: '/webhooks', summary: 'List webhook subscriptions (never their secrets)', tag, query: WebhookListQuery, response: page(WebhookView) }, async (req) => {
    const q = parseQuery(WebhookListQuery, req);
    const k = keyset('createdAt', webhooksCursor.decode(q.after));
    const rows = await db.webhookSubscription.findMany({ where: k.where, orderBy: k.orderBy, take: q.limit + 1 });
    return webhooksCursor.page(rows, q.limit, (s) => s.createdAt, toWebhookView);
  });

  route(
    router,
    {
      operationId: 'createWebhook',
      method: 'post',
      path: '/webhooks',
      summary: 'Subscribe a URL to events; the signing secret is in this answer only',
      tag,
      body: WebhookCreate,
      response: WebhookWithSecret,
      status: 201,
      example: { url: 'https://example.com/frontdesk/webhooks', eventTypes: ['appointment.created', 'appointment.canceled'] },
    },
    async (req) => {
      const input = parseBody(WebhookCreate, req);
      const now = clock();
      const secret = newWebhookSecret();
      const row = await db.webhookSubscription.create({
        data: { url: input.url, description: input.description ?? null, eventTypes: unique(input.eventTypes), enabled: input.enabled, secret, createdAt: now, updatedAt: now, ...(input.enabled ? {} : { disabledAt: now, disabledReason: 'created disabled' }) },
      });
      return { ...toWebhookView(row), secret };
    },
  );

  route(router, { operationId: 'getWebhook', method: 'get', path: '/webhooks/:id', summary: 'Get a webhook subscription (never its secret)', tag, response: WebhookView }, async (req) =>
    toWebhookView(await find(pathId(req, 'Webhook subscription'))),
  );

  route(
    router,
    { operationId: 'updateWebhook', method: 'patch', path: '/webhooks/:id', summary: 'Change a subscription; enabled: true re-enables a disabled one', tag, body: WebhookUpdate, response: WebhookView },
    async (req) => {
      const id = pathId(req, 'Webhook subscription');
      const input = parseBody(WebhookUpdate, req);
      const old = await find(id);
      const now = clock();
      const toggled = input.enabled === undefined || input.enabled === old.enabled ? {} : input.enabled ? { disabledAt: null, disabledReason: null, consecutiveFailures: 0, failingSince: null } : { disabledAt: now, disabledReason: 'disabled through the API' };
      const row = await db.webhookSubscription.update({
        where: { id },
        data: {
          ...(input.url !== undefined ? { url: input.url } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.eventTypes !== undefined ? { eventTypes: unique(input.eventTypes) } : {}),
          ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
          ...toggled,
          updatedAt: now,
        },
      });
      return toWebhookView(row);
    },
  );

  route(router, { operationId: 'deleteWebhook', method: 'delete', path: '/webhooks/:id', summary: 'Delete a subscription with its delivery log', tag, status: 204 }, async (req) => {
    const id = pathId(req, 'Webhook subscription');
    await find(id);
    await db.webhookSubscription.deleteMany({ where: { id } });
  });

  route(
    router,
    { operationId: 'rotateWebhookSecret', method: 'post', path: '/webhooks/:id/rotate-secret', summary: 'Replace the signing secret (no body): the old one signs nothing more, the new one is shown once', tag, response: WebhookWithSecret },
    async (req) => {
      const id = pathId(req, 'Webhook subscription');
      await find(id);
      const secret = newWebhookSecret();
      const row = await db.webhookSubscription.update({ where: { id }, data: { secret, updatedAt: clock() } });
      return { ...toWebhookView(row), secret };
    },
  );

  route(
    router,
    { operationId: 'listWebhookDeliveries', method: 'get', path: '/webhooks/:id/deliveries', summary: "A subscription's deliveries, oldest first, each with every attempt", tag, query: DeliveryListQuery, response: page(DeliveryView) },
    async (req) => {
      const id = pathId(req, 'Webhook subscription');
      const q = parseQuery(DeliveryListQuery, req);
      const k = keyset('createdAt', deliveriesCursor.decode(q.after));
      await find(id);
      const rows = await db.webhookDelivery.findMany({
        where: { AND: [k.where, { subscriptionId: id }, q.status ? { status: q.status } : {}] },
        orderBy: k.orderBy,
        take: q.limit + 1,
        include: { event: { select: { type: true } }, attemptsLog: { orderBy: { number: 'asc' } } },
      });
      return deliveriesCursor.page(rows, q.limit, (d) => d.createdAt, toDeliveryView);
    },
  );

  return router;
}
