// The SMS channel's SQL statements, each a named builder (text + values) in the
// manner of pg-boss. They run through Prisma's raw-query API (see run.ts).

export interface Statement {
  text: string;
  values: unknown[];
}

/** The outbox row as OutboundRow, its columns read from table alias `t` (needed where a join shares their names). */
const rowOf = (t: string) => `${t}.id::text, ${t}."to", ${t}.body, ${t}.kind, ${t}.status::text AS status, ${t}.provider_message_id AS "providerMessageId",
  ${t}.segments, ${t}.error, ${t}.appointment_id::text AS "appointmentId", ${t}.conversation_id::text AS "conversationId",
  ${t}.attempts, ${t}.created_at AS "createdAt"`;
const ROW = rowOf('outbound_message');

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

/** Claims every listed row still queued with a final body, in one statement; rows another process holds are left to it. */
export const claimQueuedByIds = (ids: string[], leaseMs: number): Statement => ({
  text: `UPDATE outbound_message SET status = 'sending', claimed_until = now() + make_interval(secs => $1::float8 / 1000),
       attempts = attempts + 1, updated_at = now()
     WHERE id IN (SELECT id FROM outbound_message WHERE id = ANY($2::uuid[]) AND status = 'queued' AND ${READY} FOR UPDATE SKIP LOCKED)
     RETURNING ${ROW}`,
  values: [leaseMs, ids],
});

/**
 * Settles many claims in one statement: $1 is a JSON array of {id, attempts, status,
 * error}. As settle does for one row, only the claim a row still holds (sending, the
 * attempt claimed) is settled; the rows settled are returned.
 */
export const settleClaims = (items: Array<{ id: string; attempts: number; status: string; error: string | null }>): Statement => ({
  text: `UPDATE outbound_message m SET status = v.status::"OutboundStatus", error = v.error, claimed_until = NULL, updated_at = now()
     FROM json_to_recordset($1::json) AS v(id uuid, attempts int, status text, error text)
     WHERE m.id = v.id AND m.status = 'sending' AND m.attempts = v.attempts
     RETURNING ${rowOf('m')}`,
  values: [JSON.stringify(items)],
});

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

/**
 * Records the webhook's answer on an inbound message's reply row: the TwiML text sent
 * (status sent) or, with $2 null, nothing to send and why (suppressed).
 */
export const finishInboundReply = (id: string, outcome: { text: string; segments: number } | { why: string }, conversationId: string | null): Statement => ({
  text: `UPDATE outbound_message SET
      body = coalesce($2, ''), status = (CASE WHEN $2::text IS NULL THEN 'suppressed' ELSE 'sent' END)::"OutboundStatus",
      segments = $3, error = CASE WHEN $2::text IS NULL THEN $4 ELSE error END, conversation_id = $5::uuid, updated_at = now()
    WHERE id = $1::uuid`,
  values: 'text' in outcome ? [id, outcome.text, outcome.segments, null, conversationId] : [id, null, 0, outcome.why, conversationId],
});

/** Creates the customer of a phone; a concurrent first contact returns the same row. */
export const ensureCustomer = (phone: string): Statement => ({
  text: `INSERT INTO customer (phone) VALUES ($1)
    ON CONFLICT (phone) DO UPDATE SET phone = EXCLUDED.phone
    RETURNING id::text, opted_out, language`,
  values: [phone],
});
