// The audit trail's SQL (pg-boss style named builders): one ordered list over both
// trails, appointment_event (every change to an appointment) and audit_event (every
// other record: exception steps today), so "who changed what" is one query.

/**
 * $1 entity type, $2 entity id, $3 actor id, $4 from, $5 to (half-open), $6/$7 the
 * cursor (at, id) to continue after, $8 limit; every filter null for "any".
 * Appointment events carry the rule version the appointment was booked under.
 */
export const auditTrail = () => `
SELECT t.* FROM (
  SELECT e.id, 'appointment'::text AS entity_type, e.appointment_id::text AS entity_id, e.action, e.actor_type::text AS actor_type,
         e.actor_id, e.at, jsonb_build_object('channel', e.channel, 'before', e.before, 'after', e.after) AS details, a.rule_version
  FROM appointment_event e JOIN appointment a ON a.id = e.appointment_id
  UNION ALL
  SELECT ae.id, ae.entity_type, ae.entity_id, ae.action, ae.actor_type::text, ae.actor_id, ae.at, ae.details, NULL::int
  FROM audit_event ae
) t
WHERE ($1::text IS NULL OR t.entity_type = $1::text)
  AND ($2::text IS NULL OR t.entity_id = $2::text)
  AND ($3::text IS NULL OR t.actor_id = $3::text)
  AND ($4::timestamptz IS NULL OR t.at >= $4::timestamptz)
  AND ($5::timestamptz IS NULL OR t.at < $5::timestamptz)
  AND ($6::timestamptz IS NULL OR (t.at, t.id) > ($6::timestamptz, $7::uuid))
ORDER BY t.at, t.id
LIMIT $8::int`;
