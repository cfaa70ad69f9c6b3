import twilio from 'twilio';
import type { AppContext } from '../../context.ts';
import { maskPhone } from '../../log.ts';
import { raiseException } from './exceptions.ts';
import { markOptedOut } from './optout.ts';
import { MAX_SEGMENTS } from './render.ts';
import { countSegments, fitToSegments } from './segments.ts';

// Every SMS Frontdesk sends is an OutboundMessage row first, keyed by its
// idempotencyKey: a second send with the same key returns the first row and sends
// nothing. With Twilio credentials the row is then sent through the REST API;
// without them it stays in the local outbox (GET /api/v1/outbox) with one log
// line, so the product works end to end on the embedded defaults.
// An opted-out recipient gets a `suppressed` row and no send, whatever the kind.

export type OutboundKind = 'reply' | 'reply_rest' | 'confirmation' | 'reminder' | 'notice';

export interface SmsSendRequest {
  to: string;
  body: string;
  kind: OutboundKind;
  idempotencyKey: string;
  appointmentId?: string | null;
  conversationId?: string | null;
}

export interface OutboundRow {
  id: string;
  to: string;
  body: string;
  kind: string;
  status: 'queued' | 'sent' | 'delivered' | 'failed' | 'undelivered' | 'suppressed';
  providerMessageId: string | null;
  segments: number | null;
  error: string | null;
  appointmentId: string | null;
  conversationId: string | null;
}

/**
 * The part of Twilio's RequestClient the REST client calls. Tests pass one that
 * answers like api.twilio.com, so the real client code (parameters, errors) runs
 * without the network.
 */
export interface TwilioHttpClient {
  request(opts: { method: string; uri: string; data?: Record<string, unknown>; params?: Record<string, unknown>; headers?: Record<string, string> }): Promise<{
    statusCode: number;
    body: unknown;
    headers?: Record<string, unknown>;
  }>;
}

export interface SmsSender {
  readonly mode: 'twilio' | 'outbox';
  /** Records and sends one message; the same idempotencyKey twice sends once. */
  send(req: SmsSendRequest): Promise<{ message: OutboundRow; created: boolean }>;
  /** Sends a row that was recorded earlier and is still queued (replies that missed the webhook budget). */
  deliver(id: string): Promise<OutboundRow>;
}

const select = {
  id: true,
  to: true,
  body: true,
  kind: true,
  status: true,
  providerMessageId: true,
  segments: true,
  error: true,
  appointmentId: true,
  conversationId: true,
} as const;

/** Twilio: the recipient replied STOP to this sender; sending is refused until START. */
export const TWILIO_OPTED_OUT = 21610;

export function createSmsSender(ctx: AppContext, opts: { httpClient?: TwilioHttpClient } = {}): SmsSender {
  const c = ctx.config;
  const configured = Boolean(c.TWILIO_ACCOUNT_SID && c.TWILIO_AUTH_TOKEN && (c.TWILIO_FROM_NUMBER || c.TWILIO_MESSAGING_SERVICE_SID));
  const client = configured
    ? twilio(c.TWILIO_ACCOUNT_SID, c.TWILIO_AUTH_TOKEN, opts.httpClient ? { httpClient: opts.httpClient as unknown as twilio.RequestClient } : {})
    : null;
  // Status callbacks need an address Twilio can reach; without PUBLIC_URL there is none.
  const statusCallback = c.PUBLIC_URL ? `${c.PUBLIC_URL.replace(/\/+$/, '')}/webhooks/twilio/status` : undefined;

  async function deliverRow(row: OutboundRow): Promise<OutboundRow> {
    if (row.status !== 'queued') return row;
    const optedOut = await ctx.db.customer.findUnique({ where: { phone: row.to }, select: { optedOut: true } });
    if (optedOut?.optedOut) {
      return ctx.db.outboundMessage.update({ where: { id: row.id }, data: { status: 'suppressed', error: 'recipient opted out' }, select }) as Promise<OutboundRow>;
    }
    if (!client) {
      ctx.log.info({ outboxId: row.id, to: maskPhone(row.to), kind: row.kind, segments: row.segments }, 'sms written to the local outbox (Twilio not configured)');
      return ctx.db.outboundMessage.update({ where: { id: row.id }, data: { status: 'sent' }, select }) as Promise<OutboundRow>;
    }
    try {
      const msg = await client.messages.create({
        to: row.to,
        body: row.body,
        ...(c.TWILIO_MESSAGING_SERVICE_SID ? { messagingServiceSid: c.TWILIO_MESSAGING_SERVICE_SID } : { from: c.TWILIO_FROM_NUMBER! }),
        ...(statusCallback ? { statusCallback } : {}),
      });
      const segments = Number.parseInt(String(msg.numSegments ?? ''), 10);
      ctx.log.info({ outboxId: row.id, to: maskPhone(row.to), kind: row.kind, sid: msg.sid }, 'sms sent via Twilio');
      return (await ctx.db.outboundMessage.update({
        where: { id: row.id },
        data: { status: 'sent', providerMessageId: msg.sid, ...(Number.isFinite(segments) && segments > 0 ? { segments } : {}) },
        select,
      })) as OutboundRow;
    } catch (err) {
      const code = (err as { code?: number }).code;
      const error = `${code ?? 'error'}: ${(err as Error).message}`.slice(0, 500);
      if (code === TWILIO_OPTED_OUT) {
        await markOptedOut(ctx, row.to, 'Twilio error 21610');
        return (await ctx.db.outboundMessage.update({ where: { id: row.id }, data: { status: 'suppressed', error }, select })) as OutboundRow;
      }
      ctx.log.warn({ outboxId: row.id, to: maskPhone(row.to), kind: row.kind, code }, 'sms send failed');
      const failed = (await ctx.db.outboundMessage.update({ where: { id: row.id }, data: { status: 'failed', error }, select })) as OutboundRow;
      if (failed.appointmentId) await raiseMessageFailed(ctx, failed, error);
      return failed;
    }
  }

  return {
    mode: client ? 'twilio' : 'outbox',
    async send(req) {
      const body = fitToSegments(req.body, MAX_SEGMENTS);
      const customer = await ctx.db.customer.findUnique({ where: { phone: req.to }, select: { optedOut: true } });
      const suppressed = customer?.optedOut === true;
      const [created] = await ctx.db.outboundMessage.createManyAndReturn({
        data: [
          {
            channel: 'sms',
            to: req.to,
            body,
            kind: req.kind,
            idempotencyKey: req.idempotencyKey,
            status: suppressed ? 'suppressed' : 'queued',
            error: suppressed ? 'recipient opted out' : null,
            segments: countSegments(body).segments,
            appointmentId: req.appointmentId ?? null,
            conversationId: req.conversationId ?? null,
          },
        ],
        skipDuplicates: true,
        select,
      });
      if (!created) {
        const existing = await ctx.db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: req.idempotencyKey }, select });
        return { message: existing as OutboundRow, created: false };
      }
      if (suppressed) {
        ctx.log.info({ outboxId: created.id, to: maskPhone(req.to), kind: req.kind }, 'sms suppressed: recipient opted out');
        return { message: created as OutboundRow, created: true };
      }
      return { message: await deliverRow(created as OutboundRow), created: true };
    },
    async deliver(id) {
      const row = await ctx.db.outboundMessage.findUniqueOrThrow({ where: { id }, select });
      return deliverRow(row as OutboundRow);
    },
  };
}

export async function raiseMessageFailed(ctx: AppContext, row: Pick<OutboundRow, 'id' | 'kind' | 'appointmentId' | 'conversationId' | 'to'>, error: string): Promise<void> {
  const customer = await ctx.db.customer.findUnique({ where: { phone: row.to }, select: { id: true } });
  await raiseException(ctx.db, {
    type: 'message_failed',
    appointmentId: row.appointmentId,
    conversationId: row.conversationId,
    customerId: customer?.id ?? null,
    summary: `An SMS ${row.kind} about this appointment could not be delivered (${error}); contact the customer another way.`,
    details: { outboundMessageId: row.id, error },
    dedupeKey: `outbound:${row.id}`,
  });
}
