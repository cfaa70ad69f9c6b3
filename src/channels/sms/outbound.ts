import { maskPhone } from '../../log.ts';
import { deliverClaimedRow } from './deliver-claimed.ts';
import type { OutboundRow, SmsDeps } from './ports.ts';
import { newOutboxRow } from './outbox-row.ts';
import { sendBatch, type BatchOutcome } from './send-batch.ts';
import { createTwilioProvider, twilioConfigured, type TwilioHttpClient } from './twilio-provider.ts';

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
export type { OutboundRow } from './ports.ts';
export type { TwilioHttpClient } from './twilio-provider.ts';
export { TWILIO_OPTED_OUT } from './twilio-provider.ts';
export { raiseMessageFailed } from './deliver-claimed.ts';

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
  /** Records and sends many messages in a few round trips (send-batch.ts); outcomes in request order. */
  sendMany(reqs: SmsSendRequest[]): Promise<BatchOutcome[]>;
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

export function createSmsSender(deps: SmsDeps, opts: SmsSenderOptions = {}): SmsSender {
  const provider = twilioConfigured(deps.config) ? createTwilioProvider(deps.config, opts) : null;
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const { outbox } = deps.store;
  const deliverClaimed = (row: OutboundRow, recovering: boolean) => deliverClaimedRow(deps, provider, row, recovering);

  async function deliver(id: string): Promise<OutboundRow> {
    const claimed = await outbox.claimQueued(id, leaseMs);
    if (claimed) await deliverClaimed(claimed, false);
    return outbox.byId(id);
  }

  return {
    mode: provider ? 'twilio' : 'outbox',
    async send(req) {
      const { row, created } = await record(deps, req);
      // A queued duplicate is one a crashed process recorded and never sent.
      if (row.status !== 'queued') return { message: row, created };
      return { message: await deliver(row.id), created };
    },
    sendMany: (reqs) => sendBatch({ deps, provider, leaseMs }, reqs),
    deliver,
    async deliverPending({ limit = 500 } = {}) {
      // Expired claims first: they are the oldest messages.
      const sweeps = [
        { claim: outbox.claimNextExpired, recovering: true },
        { claim: outbox.claimNextQueued, recovering: false },
      ];
      let claimed = 0;
      for (const { claim, recovering } of sweeps) {
        while (claimed < limit) {
          const row = await claim(leaseMs);
          if (!row) break;
          claimed++;
          // A row that cannot be settled now (Twilio unreachable) keeps its claim and
          // is retried when it expires; it must not hold up the rest.
          await deliverClaimed(row, recovering).catch((err) => deps.log.warn({ err, outboxId: row.id }, 'outbox row left for the next sweep'));
        }
      }
      return claimed;
    },
  };
}

/** Inserts the row (suppressed at once for an opted-out recipient) or returns the one with this key. */
async function record(deps: SmsDeps, req: SmsSendRequest): Promise<{ row: OutboundRow; created: boolean }> {
  const customer = await deps.store.customers.byPhone(req.to);
  const suppressed = customer?.optedOut === true;
  const created = await deps.store.outbox.insert(newOutboxRow(req, suppressed));
  if (created) {
    if (suppressed) deps.log.info({ outboxId: created.id, to: maskPhone(req.to), kind: req.kind }, 'sms suppressed: recipient opted out');
    return { row: created, created: true };
  }
  return { row: await deps.store.outbox.byKey(req.idempotencyKey), created: false };
}
