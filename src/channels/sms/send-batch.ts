import { maskPhone } from '../../log.ts';
import { deliverClaimedRow } from './deliver-claimed.ts';
import type { NewOutboundRow, OutboundRow, SmsDeps } from './ports.ts';
import { newOutboxRow, type OutboxRequest } from './outbox-row.ts';
import type { SmsProvider } from './twilio-provider.ts';

// Many messages through the outbox at once (a worker's batch of reminders), with the
// guarantees of sending them one by one (outbound.ts) but the outbox's bookkeeping
// done for the whole batch: one opt-out read and one insert to record them, one claim,
// and, without a provider, one opt-out re-check and one statement to settle them. With
// Twilio each claimed row still goes to the provider on its own (deliverClaimedRow),
// a few at a time. A crash anywhere leaves rows queued or claimed for the sweeper,
// exactly as a crash in the one-by-one path does.

export type BatchRequest = OutboxRequest;

export type BatchOutcome = { message: OutboundRow; created: boolean } | { error: unknown };

export interface BatchDeps {
  deps: SmsDeps;
  provider: SmsProvider | null;
  leaseMs: number;
}

/** Provider calls in flight at once within a batch. */
const PROVIDER_CONCURRENCY = 10;

/** Each request's row, suppressed for a recipient the one opt-out read found opted out. */
async function optedOutRows(customers: SmsDeps['store']['customers'], reqs: BatchRequest[]): Promise<NewOutboundRow[]> {
  const optedOut = await customers.optedOutAmong(reqs.map((r) => r.to));
  return reqs.map((req) => newOutboxRow(req, optedOut.has(req.to)));
}

/** Records every request (or finds the row its key already has); returns each key's row and whether it is new. */
async function recordAll(deps: SmsDeps, reqs: BatchRequest[]): Promise<Map<string, { row: OutboundRow; created: boolean }>> {
  const { outbox, customers } = deps.store;
  const created = await outbox.insertMany(await optedOutRows(customers, reqs));
  for (const row of created.values()) {
    if (row.status === 'suppressed') deps.log.info({ outboxId: row.id, to: maskPhone(row.to), kind: row.kind }, 'sms suppressed: recipient opted out');
  }
  const existing = await outbox.byKeys(reqs.map((r) => r.idempotencyKey).filter((k) => !created.has(k)));
  const recorded = new Map<string, { row: OutboundRow; created: boolean }>();
  for (const [key, row] of created) recorded.set(key, { row, created: true });
  for (const [key, row] of existing) recorded.set(key, { row, created: false });
  return recorded;
}

/** Without a provider: every claimed row recorded in the local outbox, or suppressed if its recipient opted out meanwhile. */
async function settleLocally(deps: SmsDeps, claimed: OutboundRow[]): Promise<void> {
  const optedOut = await deps.store.customers.optedOutAmong(claimed.map((r) => r.to));
  const items = claimed.map((row) =>
    optedOut.has(row.to) ? { row, status: 'suppressed' as const, error: 'recipient opted out' } : { row, status: 'outbox' as const, error: null },
  );
  const settled = await deps.store.outbox.settleMany(items);
  const suppressed = items.filter((i) => i.status === 'suppressed').length;
  deps.log.info({ outbox: items.length - suppressed, suppressed, settled: settled.size }, 'sms written to the local outbox (Twilio not configured), not sent');
}

/** With a provider: each claimed row sent on its own; a row that throws is left claimed for the sweeper. */
async function sendEach({ deps, provider }: BatchDeps, claimed: OutboundRow[]): Promise<Map<string, unknown>> {
  const errors = new Map<string, unknown>();
  let next = 0;
  const lane = async () => {
    while (next < claimed.length) {
      const row = claimed[next++]!;
      await deliverClaimedRow(deps, provider, row, false).catch((err) => errors.set(row.id, err));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PROVIDER_CONCURRENCY, claimed.length) }, lane));
  return errors;
}

/** Records and sends every request; the same idempotency key twice (here or ever before) sends once. Outcomes in request order. */
export async function sendBatch(b: BatchDeps, reqs: BatchRequest[]): Promise<BatchOutcome[]> {
  const { outbox } = b.deps.store;
  const recorded = await recordAll(b.deps, reqs);
  // A queued row with an old key is one a crashed process recorded and never sent: sent now too.
  const queued = [...recorded.values()].filter(({ row }) => row.status === 'queued').map(({ row }) => row.id);
  const claimed = await outbox.claimQueuedMany(queued, b.leaseMs);
  let errors = new Map<string, unknown>();
  if (!b.provider) await settleLocally(b.deps, claimed);
  else errors = await sendEach(b, claimed);
  // Each row as it is now (settled here, or held by another sender that claimed it first).
  const now = await outbox.byIds(queued);
  const seen = new Set<string>();
  return reqs.map((req) => {
    const r = recorded.get(req.idempotencyKey);
    if (!r) return { error: new Error(`no outbox row for ${req.idempotencyKey}`) };
    const error = errors.get(r.row.id);
    if (error !== undefined) return { error };
    // A key given twice in one batch is recorded once: the second is a duplicate.
    const created = r.created && !seen.has(req.idempotencyKey);
    seen.add(req.idempotencyKey);
    return { message: now.get(r.row.id) ?? r.row, created };
  });
}
