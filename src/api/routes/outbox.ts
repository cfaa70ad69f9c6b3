import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { instant, page, pageQuery, phone } from '../schemas/common.ts';
import { parseQuery } from '../validate.ts';
import { keyset, listCursor, route } from './support.ts';

// The local outbox: every outbound SMS (sent through Twilio or, without
// credentials, only recorded here with status `outbox`), oldest first so a
// conversation reads top to bottom. Rows without a body are the SMS webhook's
// inbound bookkeeping for a message that got no reply (e.g. from an opted-out
// number) and are not listed.

const tag = 'Outbox';
const outboxCursor = listCursor('outbox', instant);

const OutboxQuery = z.strictObject({
  to: phone.optional().meta({ description: 'Recipient in international format (E.164)' }),
  ...pageQuery,
});

const OutboundView = z.strictObject({
  id: z.string(),
  channel: z.string(),
  to: z.string(),
  body: z.string(),
  kind: z.string().meta({ description: 'reply | reply_rest | confirmation | reminder | notice' }),
  status: z.enum(['queued', 'sending', 'sent', 'delivered', 'failed', 'undelivered', 'suppressed', 'outbox']).meta({
    description:
      'queued: recorded, not yet sent | sending: handed to Twilio, outcome pending | sent: accepted by Twilio (or answered in the webhook reply) | ' +
      'delivered / undelivered / failed: as reported by Twilio | suppressed: not sent, recipient opted out | outbox: recorded locally only, not sent (Twilio not configured)',
  }),
  segments: z.number().int().nullable(),
  providerMessageId: z.string().nullable(),
  error: z.string().nullable(),
  appointmentId: z.string().nullable(),
  conversationId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function outboxRouter(ctx: AppContext): Router {
  const router = Router();
  route(
    router,
    { operationId: 'listOutbox', method: 'get', path: '/outbox', summary: 'List outbound messages (newest last) with their delivery status', tag, query: OutboxQuery, response: page(OutboundView) },
    async (req) => {
      const q = parseQuery(OutboxQuery, req);
      const cursor = outboxCursor.decode(q.after);
      const ks = keyset('createdAt', cursor);
      const rows = await ctx.db.outboundMessage.findMany({
        where: { AND: [ks.where, { segments: { not: null } }, { body: { not: '' } }, ...(q.to ? [{ to: q.to }] : [])] },
        orderBy: ks.orderBy,
        take: q.limit + 1,
      });
      return outboxCursor.page(rows, q.limit, (r) => r.createdAt, (r) => ({
        id: r.id,
        channel: r.channel,
        to: r.to,
        body: r.body,
        kind: r.kind,
        status: r.status,
        segments: r.segments,
        providerMessageId: r.providerMessageId,
        error: r.error,
        appointmentId: r.appointmentId,
        conversationId: r.conversationId,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      }));
    },
  );
  return router;
}
