import type { AppContext } from '../../context.ts';
import type { Prisma } from '../../db/client.ts';

// The outbox's claims, each one statement. A claim moves a row to `sending` with
// a lease (claimed_until) and counts the attempt; only the claimer may settle the
// row (settle checks the attempt it claimed). Rows are picked with FOR UPDATE
// SKIP LOCKED so concurrent sweepers and senders never take the same row.

export type OutboundStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'undelivered' | 'suppressed' | 'outbox';

export interface OutboundRow {
  id: string;
  to: string;
  body: string;
  kind: string;
  status: OutboundStatus;
  providerMessageId: string | null;
  segments: number | null;
  error: string | null;
  appointmentId: string | null;
  conversationId: string | null;
  attempts: number;
  createdAt: Date;
}

export const rowSelect = {
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
  attempts: true,
  createdAt: true,
} as const;

type Db = AppContext['db'];

const RETURNING = `RETURNING id::text, "to", body, kind, status::text AS status, provider_message_id AS "providerMessageId", segments, error,
  appointment_id::text AS "appointmentId", conversation_id::text AS "conversationId", attempts, created_at AS "createdAt"`;

/** A row whose body is final (inbound bookkeeping rows have segments NULL until their reply exists). */
const READY = `segments IS NOT NULL AND body <> ''`;

function claimWhere(db: Db, where: string, params: unknown[], leaseMs: number): Promise<OutboundRow[]> {
  return db.$queryRawUnsafe<OutboundRow[]>(
    `UPDATE outbound_message SET status = 'sending', claimed_until = now() + make_interval(secs => $1::float8 / 1000),
       attempts = attempts + 1, updated_at = now()
     WHERE id = (${where}) ${RETURNING}`,
    leaseMs,
    ...params,
  );
}

/** Claims one row by id if it is still queued. */
export async function claimQueued(db: Db, id: string, leaseMs: number): Promise<OutboundRow | null> {
  const [row] = await claimWhere(db, `SELECT id FROM outbound_message WHERE id = $2::uuid AND status = 'queued' AND ${READY} FOR UPDATE SKIP LOCKED`, [id], leaseMs);
  return row ?? null;
}

/** Claims the oldest queued row no one holds. */
export async function claimNextQueued(db: Db, leaseMs: number): Promise<OutboundRow | null> {
  const [row] = await claimWhere(
    db,
    `SELECT id FROM outbound_message WHERE status = 'queued' AND ${READY} ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
    [],
    leaseMs,
  );
  return row ?? null;
}

/** Takes over the oldest `sending` row whose claimer's lease ran out (it crashed or hung). */
export async function claimNextExpired(db: Db, leaseMs: number): Promise<OutboundRow | null> {
  const [row] = await claimWhere(
    db,
    `SELECT id FROM outbound_message WHERE status = 'sending' AND claimed_until < now() ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
    [],
    leaseMs,
  );
  return row ?? null;
}

/** Records the outcome of the claim `row` holds; false when another process took the row over meanwhile. */
export async function settle(db: Db, row: Pick<OutboundRow, 'id' | 'attempts'>, data: Prisma.OutboundMessageUpdateManyMutationInput): Promise<boolean> {
  const { count } = await db.outboundMessage.updateMany({ where: { id: row.id, status: 'sending', attempts: row.attempts }, data: { claimedUntil: null, ...data } });
  return count === 1;
}

/** Which of these provider sids are already recorded on a row. */
export async function recordedSids(db: Db, sids: string[]): Promise<Set<string>> {
  const rows = await db.outboundMessage.findMany({ where: { providerMessageId: { in: sids } }, select: { providerMessageId: true } });
  return new Set(rows.map((r) => r.providerMessageId!));
}
