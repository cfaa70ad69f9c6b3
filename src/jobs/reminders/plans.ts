// The reminder statements Prisma cannot express (a claim with SKIP LOCKED), each a
// small named builder in the way pg-boss keeps its plans. Instants go in as epoch
// milliseconds, so neither the driver's nor the server's time zone is involved.

const at = (param: string) => `to_timestamp(${param}::float8 / 1000)`;

/**
 * Claims up to $3 due reminders no live worker holds, oldest first, until $1 (the
 * lease); $2 is now. SKIP LOCKED: two workers claiming at once get different rows.
 */
export function claimDue(): string {
  return `
    UPDATE reminder_delivery d
    SET claimed_until = ${at('$1')}, attempts = d.attempts + 1, updated_at = ${at('$2')}
    WHERE d.id IN (
      SELECT id FROM reminder_delivery
      WHERE status = 'pending' AND (claimed_until IS NULL OR claimed_until < ${at('$2')})
      ORDER BY send_at, id
      LIMIT $3::int
      FOR UPDATE SKIP LOCKED
    )
    RETURNING d.id, d.appointment_id AS "appointmentId", d.offset_minutes AS "offsetMinutes", d.channel::text AS channel,
      d.recipient, (extract(epoch FROM d.due_at) * 1000)::float8 AS "dueAtMs", d.attempts`;
}

/** When the next lease held on a pending reminder runs out (null: none held), to wait for a crashed worker's batch. */
export function nextLeaseExpiry(): string {
  return `SELECT (extract(epoch FROM min(claimed_until)) * 1000)::float8 AS "ms" FROM reminder_delivery WHERE status = 'pending' AND claimed_until IS NOT NULL`;
}
