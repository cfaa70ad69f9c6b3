import type { AppContext } from '../../context.ts';
import { maskPhone } from '../../log.ts';
import { raiseException } from './exceptions.ts';
import { markOptedOut } from './optout.ts';
import { claimNextExpired, claimNextQueued, claimQueued, recordedSids, rowSelect, settle, type OutboundRow } from './outbox-store.ts';
import { MAX_SEGMENTS } from './render.ts';
import { countSegments, fitToSegments } from './segments.ts';
import { createTwilioProvider, twilioConfigured, TWILIO_OPTED_OUT, type SmsProvider, type TwilioHttpClient } from './twilio-provider.ts';

// Every SMS Frontdesk sends is an OutboundMessage row first (a transactional
// outbox), keyed by its idempotencyKey: a second send with the same key returns
// the first row and sends nothing.
//
// Delivery claims the row (queued → sending, with a lease) before calling the
// provider and settles it after (sent / failed / suppressed). A crash therefore
// leaves either a queued row, which the sweeper (deliverPending, run by a job
// every minute and at start) sends, or a sending row whose lease runs out.
// Twilio has no idempotency key, so a sending row may or may not have reached
// Twilio: recovery asks Twilio for a message to that recipient with that body
// created since the row (findAccepted) and only re-sends when there is none.
// The lease (60 s) outlasts the Twilio client's request timeout (30 s), so when
// it runs out the first call is over and the answer is final. Network errors
// and 5xx/429 leave the row sending for the same recovery; Twilio's 4xx
// refusals are final (failed, or suppressed for 21610).
//
// Without Twilio credentials a claimed row becomes `outbox`: recorded in the
// local outbox (GET /api/v1/outbox), not sent. An opted-out recipient gets a
// `suppressed` row and no send, whatever the kind.

export type OutboundKind = 'reply' | 'reply_rest' | 'confirmation' | 'reminder' | 'notice';
export type { OutboundRow } from './outbox-store.ts';
export type { TwilioHttpClient } from './twilio-provider.ts';
export { TWILIO_OPTED_OUT } from './twilio-provider.ts';

export interface SmsSendRequest {
  to: string;
  body: string;
  kind: OutboundKind;
  idempotencyKey: string;
  appointmentId?: string | null;
  conversationId?: string | null;
}

export interface SmsSender {
  readonly mode: 'twilio' | 'outbox';
  /** Records and sends one message; the same idempotencyKey twice sends once. */
  send(req: SmsSendRequest): Promise<{ message: OutboundRow; created: boolean }>;
  /** Sends a row that was recorded earlier and is still queued (REST replies). */
  deliver(id: string): Promise<OutboundRow>;
  /** The sweeper: recovers expired claims, then sends every queued row. Returns how many rows it claimed. */
  deliverPending(opts?: { limit?: number }): Promise<number>;
}

export interface SmsSenderOptions {
  httpClient?: TwilioHttpClient;
  /** How long a claim lasts; must outlast one provider call. Default 60 s. */
  leaseMs?: number;
}

const DEFAULT_LEASE_MS = 60_000;
/** After this many provider calls a message that still has no answer is failed for ops to follow up. */
const MAX_ATTEMPTS = 5;

export function createSmsSender(ctx: AppContext, opts: SmsSenderOptions = {}): SmsSender {
  const provider = twilioConfigured(ctx.config) ? createTwilioProvider(ctx.config, opts) : null;
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const deliverClaimed = (row: OutboundRow, recovering: boolean) => deliverClaimedRow(ctx, provider, row, recovering);

  async function reread(id: string): Promise<OutboundRow> {
    return (await ctx.db.outboundMessage.findUniqueOrThrow({ where: { id }, select: rowSelect })) as OutboundRow;
  }

  async function deliver(id: string): Promise<OutboundRow> {
    const claimed = await claimQueued(ctx.db, id, leaseMs);
    if (claimed) await deliverClaimed(claimed, false);
    return reread(id);
  }

  return {
    mode: provider ? 'twilio' : 'outbox',
    async send(req) {
      const { row, created } = await record(ctx, req);
      // A queued duplicate is one a crashed process recorded and never sent.
      if (row.status !== 'queued') return { message: row, created };
      return { message: await deliver(row.id), created };
    },
    deliver,
    async deliverPending({ limit = 500 } = {}) {
      // Expired claims first: they are the oldest messages.
      const sweeps = [
        { claim: claimNextExpired, recovering: true },
        { claim: claimNextQueued, recovering: false },
      ];
      let claimed = 0;
      for (const { claim, recovering } of sweeps) {
        while (claimed < limit) {
          const row = await claim(ctx.db, leaseMs);
          if (!row) break;
          claimed++;
          // A row that cannot be settled now (Twilio unreachable) keeps its claim and
          // is retried when it expires; it must not hold up the rest.
          await deliverClaimed(row, recovering).catch((err) => ctx.log.warn({ err, outboxId: row.id }, 'outbox row left for the next sweep'));
        }
      }
      return claimed;
    },
  };
}

/** Inserts the row (suppressed at once for an opted-out recipient) or returns the one with this key. */
async function record(ctx: AppContext, req: SmsSendRequest): Promise<{ row: OutboundRow; created: boolean }> {
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
    select: rowSelect,
  });
  if (created) {
    if (suppressed) ctx.log.info({ outboxId: created.id, to: maskPhone(req.to), kind: req.kind }, 'sms suppressed: recipient opted out');
    return { row: created as OutboundRow, created: true };
  }
  const existing = await ctx.db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: req.idempotencyKey }, select: rowSelect });
  return { row: existing as OutboundRow, created: false };
}

/** One claimed row to its outcome. `recovering`: an earlier claim expired, the provider may already have it. */
async function deliverClaimedRow(ctx: AppContext, provider: SmsProvider | null, row: OutboundRow, recovering: boolean): Promise<void> {
  const log = { outboxId: row.id, to: maskPhone(row.to), kind: row.kind, attempt: row.attempts };
  if (provider && recovering) {
    const sid = await provider.findAccepted(row, (sids) => recordedSids(ctx.db, sids));
    if (sid) {
      ctx.log.info({ ...log, sid }, 'sms recovered: Twilio had accepted it before the sender stopped');
      await settle(ctx.db, row, { status: 'sent', providerMessageId: sid, error: null });
      return;
    }
  }
  const recipient = await ctx.db.customer.findUnique({ where: { phone: row.to }, select: { optedOut: true } });
  if (recipient?.optedOut) {
    await settle(ctx.db, row, { status: 'suppressed', error: 'recipient opted out' });
    return;
  }
  if (!provider) {
    ctx.log.info({ ...log, segments: row.segments }, 'sms written to the local outbox (Twilio not configured), not sent');
    await settle(ctx.db, row, { status: 'outbox' });
    return;
  }
  try {
    const { sid, segments } = await provider.send(row);
    ctx.log.info({ ...log, sid }, 'sms sent via Twilio');
    await settle(ctx.db, row, { status: 'sent', providerMessageId: sid, error: null, ...(segments ? { segments } : {}) });
  } catch (err) {
    await settleFailure(ctx, row, err);
  }
}

async function settleFailure(ctx: AppContext, row: OutboundRow, err: unknown): Promise<void> {
  const { code, status } = err as { code?: number; status?: number };
  const error = `${code ?? status ?? 'error'}: ${(err as Error).message}`.slice(0, 500);
  const log = { outboxId: row.id, to: maskPhone(row.to), kind: row.kind, code, status, attempt: row.attempts };
  if (code === TWILIO_OPTED_OUT) {
    await markOptedOut(ctx, row.to, 'Twilio error 21610');
    await settle(ctx.db, row, { status: 'suppressed', error });
    return;
  }
  const final = typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
  if (!final && row.attempts < MAX_ATTEMPTS) {
    // Unknown outcome (network, timeout, 5xx) or try-again-later (429): the claim
    // stays; when it expires the sweeper checks with Twilio and re-sends if needed.
    ctx.log.warn(log, 'sms send did not complete; the outbox sweeper will check and retry');
    await ctx.db.outboundMessage.updateMany({ where: { id: row.id, status: 'sending', attempts: row.attempts }, data: { error } });
    return;
  }
  ctx.log.warn(log, 'sms send failed');
  if ((await settle(ctx.db, row, { status: 'failed', error })) && row.appointmentId) await raiseMessageFailed(ctx, row, error);
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
