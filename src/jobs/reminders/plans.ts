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

/**
 * The send-time re-check of a claimed batch, one row per appointment in $1 (uuid[]):
 * what a reminder says (the committed record) and whom it reaches, read in one
 * round trip. `rescheduled`: a later appointment replaced this one.
 */
export function sendFacts(): string {
  return `
    SELECT a.id, a.status::text AS status, a.channel::text AS channel,
      (extract(epoch FROM a.starts_at) * 1000)::float8 AS "startsAtMs", (extract(epoch FROM a.ends_at) * 1000)::float8 AS "endsAtMs",
      s.name AS "serviceName", l.name AS "locationName", l.address AS "locationAddress", l.time_zone AS "timeZone",
      coalesce(l.phone, b.phone) AS "contactPhone", b.name AS "businessName",
      c.phone AS "customerPhone", c.time_zone AS "customerTimeZone",
      u.id IS NOT NULL AS "hasRequester", u.slack_user_id AS "slackUserId", u.teams_user_id AS "teamsUserId",
      EXISTS (SELECT 1 FROM appointment n WHERE n.rescheduled_from_id = a.id) AS rescheduled,
      (SELECT r.name FROM reservation v JOIN resource r ON r.id = v.resource_id
        WHERE v.appointment_id = a.id AND r.kind = 'staff' ORDER BY v.id LIMIT 1) AS "staffName"
    FROM appointment a
    JOIN service s ON s.id = a.service_id
    JOIN location l ON l.id = a.location_id
    JOIN business b ON b.id = l.business_id
    LEFT JOIN customer c ON c.id = a.customer_id
    LEFT JOIN app_user u ON u.id = a.requester_user_id
    WHERE a.id = ANY($1::uuid[])`;
}

/**
 * Records a batch's outcomes in one statement: $1 is a JSON array of
 * {id, status, reason, noticeStatus, messageId}; $2 is now. Only rows still pending
 * are settled (a row settled meanwhile keeps what it says).
 */
export function settleBatch(): string {
  return `
    UPDATE reminder_delivery d
    SET status = v.status::"ReminderStatus", reason = v.reason, notice_status = v."noticeStatus", message_id = v."messageId",
      claimed_until = NULL, updated_at = ${at('$2')}
    FROM json_to_recordset($1::json) AS v(id uuid, status text, reason text, "noticeStatus" text, "messageId" text)
    WHERE d.id = v.id AND d.status = 'pending'`;
}
