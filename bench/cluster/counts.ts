import type pg from 'pg';
import type { SmsAnswer } from './sms-load.ts';

// What the cluster run is judged by, read from the shared database after the load.

/** Pairs of live reservations of different sessions overlapping on one resource: must be 0. */
export async function doubleBookings(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM reservation a JOIN reservation b
       ON a.resource_id = b.resource_id AND a.id < b.id AND a.session_key <> b.session_key
     WHERE a.active AND b.active AND a.appointment_id IS NOT NULL AND b.appointment_id IS NOT NULL
       AND tstzrange(a.block_start, a.block_end) && tstzrange(b.block_start, b.block_end)`,
  );
  return rows[0]!.n;
}

export async function confirmedFor(client: pg.Client, phones: string[]): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM appointment a JOIN customer c ON c.id = a.customer_id WHERE a.status = 'confirmed' AND c.phone = ANY($1::text[])`,
    [phones],
  );
  return rows[0]!.n;
}

export interface ReplyCounts {
  /** Inbound MessageSids sent (each answered by one or more webhook deliveries). */
  inbound: number;
  /** Sids whose customer would get more than one reply: must be 0. */
  duplicates: number;
  /** Sids with no reply at all (neither in TwiML nor by REST). */
  missing: number;
  /** Replies that went out through the REST API (slow turns), sent by the workers. */
  viaRest: number;
}

const DELIVERED = new Set(['outbox', 'sent', 'delivered']);

/** One reply per inbound MessageSid, whichever process answered and however often it was delivered. */
export async function replyCounts(client: pg.Client, answers: SmsAnswer[]): Promise<ReplyCounts> {
  const bySid = new Map<string, SmsAnswer[]>();
  for (const a of answers) bySid.set(a.sid, [...(bySid.get(a.sid) ?? []), a]);
  const { rows } = await client.query<{ key: string; kind: string; status: string; n: number }>(
    `SELECT idempotency_key AS key, min(kind) AS kind, min(status::text) AS status, count(*)::int AS n
     FROM outbound_message WHERE idempotency_key = ANY($1::text[]) GROUP BY idempotency_key`,
    [[...bySid.keys()].map((sid) => `sms:reply:${sid}`)],
  );
  const rowBySid = new Map(rows.map((r) => [r.key.slice('sms:reply:'.length), r]));
  const counts: ReplyCounts = { inbound: bySid.size, duplicates: 0, missing: 0, viaRest: 0 };
  for (const [sid, delivered] of bySid) {
    const row = rowBySid.get(sid);
    const texts = new Set(delivered.map((a) => a.message).filter((m) => m !== null));
    const rest = row?.kind === 'reply_rest' && DELIVERED.has(row.status) ? 1 : 0;
    counts.viaRest += rest;
    // Identical TwiML to a retried delivery is one reply (Twilio sends the answer it accepted).
    const replies = texts.size + rest;
    if (replies > 1 || (row?.n ?? 0) > 1) counts.duplicates++;
    if (replies === 0) counts.missing++;
  }
  return counts;
}

/** The reminders the cluster run seeded (the demo's own appointments may have some due too). */
const OURS = `JOIN appointment a ON a.id = d.appointment_id JOIN service s ON s.id = a.service_id AND s.slug = 'cluster-check-in'`;

export interface ReminderCounts {
  /** The seeded reminders' rows, by status. */
  due: number;
  byStatus: Record<string, number>;
  /** Reminder messages (any appointment's) beyond one per appointment: must be 0. */
  duplicates: number;
  /** Reminder messages to the seeded appointments. */
  messages: number;
}

export async function reminderCounts(client: pg.Client): Promise<ReminderCounts> {
  const status = await client.query<{ status: string; n: number }>(
    `SELECT d.status::text, count(*)::int AS n FROM reminder_delivery d ${OURS} GROUP BY d.status`,
  );
  const byStatus = Object.fromEntries(status.rows.map((r) => [r.status, r.n]));
  const m = await client.query<{ rows: number; appointments: number; ours: number }>(
    `SELECT count(*)::int AS rows, count(DISTINCT o.appointment_id)::int AS appointments, count(s.id)::int AS ours
     FROM outbound_message o LEFT JOIN appointment a ON a.id = o.appointment_id LEFT JOIN service s ON s.id = a.service_id AND s.slug = 'cluster-check-in'
     WHERE o.kind = 'reminder'`,
  );
  const { rows, appointments, ours } = m.rows[0]!;
  return { due: status.rows.reduce((sum, r) => sum + r.n, 0), byStatus, duplicates: rows - appointments, messages: ours };
}

/** Waits until `n` reminders are settled and no SMS is queued or mid-send. */
export async function drained(client: pg.Client, opts: { reminders: number; budgetMs: number }): Promise<void> {
  const deadline = Date.now() + opts.budgetMs;
  for (;;) {
    const { rows } = await client.query<{ settled: number; busy: number }>(
      `SELECT (SELECT count(*)::int FROM reminder_delivery d ${OURS} WHERE d.status <> 'pending') AS settled,
              (SELECT count(*)::int FROM outbound_message WHERE status IN ('queued', 'sending') AND segments IS NOT NULL) AS busy`,
    );
    if (rows[0]!.settled >= opts.reminders && rows[0]!.busy === 0) return;
    if (Date.now() > deadline) throw new Error(`not drained after ${opts.budgetMs} ms: ${rows[0]!.settled} of ${opts.reminders} reminders settled, ${rows[0]!.busy} SMS queued or sending`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
