// The SMS channel's SQL statements, each a named builder (text + values) in the
// manner of pg-boss. They run through Prisma's raw-query API (see run.ts).

export interface Statement {
  text: string;
  values: unknown[];
}

const ROW = `id::text, "to", body, kind, status::text AS status, provider_message_id AS "providerMessageId", segments, error,
  appointment_id::text AS "appointmentId", conversation_id::text AS "conversationId", attempts, created_at AS "createdAt"`;

/** A row whose body is final (inbound bookkeeping rows have segments NULL until their reply exists). */
const READY = `segments IS NOT NULL AND body <> ''`;

// A claim moves a row to `sending` with a lease (claimed_until) and counts the
// attempt; only the claimer may settle it (settle checks the attempt it claimed).
// Rows are picked with FOR UPDATE SKIP LOCKED so concurrent sweepers and senders
// never take the same row.
function claimWhere(pick: string, leaseMs: number, params: unknown[] = []): Statement {
  return {
    text: `UPDATE outbound_message SET status = 'sending', claimed_until = now() + make_interval(secs => $1::float8 / 1000),
       attempts = attempts + 1, updated_at = now()
     WHERE id = (${pick}) RETURNING ${ROW}`,
    values: [leaseMs, ...params],
  };
}

export const claimQueuedById = (id: string, leaseMs: number) =>
  claimWhere(`SELECT id FROM outbound_message WHERE id = $2::uuid AND status = 'queued' AND ${READY} FOR UPDATE SKIP LOCKED`, leaseMs, [id]);

export const claimOldestQueued = (leaseMs: number) =>
  claimWhere(`SELECT id FROM outbound_message WHERE status = 'queued' AND ${READY} ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`, leaseMs);

export const claimOldestExpired = (leaseMs: number) =>
  claimWhere(`SELECT id FROM outbound_message WHERE status = 'sending' AND claimed_until < now() ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`, leaseMs);

/**
 * Inserts an inbound message's reply row (segments NULL: unfinished) unless its key
 * exists and, in the same round trip, reads the sender's customer.
 */
export const claimInboundReply = (idempotencyKey: string, from: string): Statement => ({
  text: `WITH claimed AS (
      INSERT INTO outbound_message (channel, "to", body, kind, idempotency_key, status, segments)
      VALUES ('sms', $1, '', 'reply', $2, 'queued', NULL)
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id::text)
    SELECT (SELECT id FROM claimed) AS claimed, c.id::text AS customer_id, c.opted_out, c.language
    FROM (SELECT 1) AS one LEFT JOIN customer c ON c.phone = $1`,
  values: [from, idempotencyKey],
});

/** Creates the customer of a phone; a concurrent first contact returns the same row. */
export const ensureCustomer = (phone: string): Statement => ({
  text: `INSERT INTO customer (phone) VALUES ($1)
    ON CONFLICT (phone) DO UPDATE SET phone = EXCLUDED.phone
    RETURNING id::text, opted_out, language`,
  values: [phone],
});
