// The SQL behind the KPIs, as named builders (pg-boss style). Each selects the plain
// rows one definition in kpis.ts works on; no figure is computed here.
//
// The appointment builders take the same first five parameters, the report's filter:
// $1 from, $2 to (timestamptz, half-open), $3 location id, $4 service id, $5 channel
// (each of the last three null for "any").

const filtered = (a: string) =>
  `($3::uuid IS NULL OR ${a}.location_id = $3::uuid) AND ($4::uuid IS NULL OR ${a}.service_id = $4::uuid) AND ($5::text IS NULL OR ${a}.channel::text = $5::text)`;

/** Same customer (or, for a person booking on someone's behalf, same requester) on the same channel. */
const sameRequester = (x: string, a: string) =>
  `${x}.channel = ${a}.channel AND (${x}.customer_id = ${a}.customer_id OR (${a}.requester_user_id IS NOT NULL AND ${x}.${x === 'c' ? 'user_id' : 'requester_user_id'} = ${a}.requester_user_id))`;

/**
 * Appointments confirmed in the period that were new requests (not moves of an
 * earlier appointment), with the first inbound message of their request: the first
 * message from the customer on that channel after their previous confirmation.
 * Appointments with no such message (booked through the API) come back without one.
 */
export const speedRows = () => `
SELECT a.service_id, s.name AS service_name, a.confirmed_at, fm.first_at
FROM appointment a
JOIN service s ON s.id = a.service_id
CROSS JOIN LATERAL (
  SELECT min(m.created_at) AS first_at
  FROM conversation c
  JOIN message m ON m.conversation_id = c.id AND m.direction = 'inbound'
  WHERE ${sameRequester('c', 'a')}
    AND m.created_at <= a.confirmed_at
    AND m.created_at > coalesce(
      (SELECT max(p.confirmed_at) FROM appointment p WHERE p.id <> a.id AND p.confirmed_at < a.confirmed_at AND ${sameRequester('p', 'a')}),
      '-infinity'::timestamptz)
) fm
WHERE a.confirmed_at >= $1::timestamptz AND a.confirmed_at < $2::timestamptz
  AND a.rescheduled_from_id IS NULL AND fm.first_at IS NOT NULL
  AND ${filtered('a')}
ORDER BY a.confirmed_at, a.id`;

/**
 * Appointments starting in the period with their outcome. An appointment that was
 * moved to another time is left out: the customer kept their business, and the
 * appointment it was moved to stands for it.
 */
export const outcomeRows = () => `
SELECT a.status::text AS status, a.channel::text AS channel, s.name AS service_name, s.reminder_offsets_minutes,
       a.starts_at, a.confirmed_at, a.canceled_at
FROM appointment a
JOIN service s ON s.id = a.service_id
WHERE a.starts_at >= $1::timestamptz AND a.starts_at < $2::timestamptz
  AND NOT EXISTS (SELECT 1 FROM appointment n WHERE n.rescheduled_from_id = a.id)
  AND ${filtered('a')}
ORDER BY a.starts_at, a.id`;

/**
 * $1: location id or null. Active resources (of the location, when given) with their
 * location. Service and channel do not narrow utilization: a resource's hours are not
 * split by service or channel.
 */
export const utilizationResources = () => `
SELECT r.id, r.name, r.time_zone, r.location_id, l.name AS location_name
FROM resource r JOIN location l ON l.id = r.location_id
WHERE r.active AND ($1::uuid IS NULL OR r.location_id = $1::uuid)
ORDER BY r.name, r.id`;

/** $1: resource ids. Weekly hours of those resources. */
export const weeklyHours = () => `SELECT resource_id, weekday, start_time, end_time FROM weekly_hours WHERE resource_id = ANY($1::uuid[])`;

/** $1: resource ids. Date overrides of those resources. */
export const dateOverrides = () => `SELECT resource_id, date, start_time, end_time FROM date_override WHERE resource_id = ANY($1::uuid[])`;

/** $1 from, $2 to, $3 resource ids. Time off overlapping the period. */
export const timeOff = () =>
  `SELECT resource_id, starts_at, ends_at FROM time_off WHERE resource_id = ANY($3::uuid[]) AND starts_at < $2::timestamptz AND ends_at > $1::timestamptz`;

/** $1 from, $2 to, $3 resource ids. Appointment times (no buffers) of live appointments on those resources overlapping the period. */
export const bookedTimes = () => `
SELECT rv.resource_id, a.starts_at, a.ends_at
FROM reservation rv JOIN appointment a ON a.id = rv.appointment_id
WHERE rv.active AND a.status <> 'canceled' AND rv.resource_id = ANY($3::uuid[])
  AND a.starts_at < $2::timestamptz AND a.ends_at > $1::timestamptz`;

/** Exception types that mean a person had to step in to get the appointment scheduled. */
export const SCHEDULING_EXCEPTION_TYPES = ['no_slot', 'intake_incomplete', 'approval_needed', 'human_requested'] as const;

/**
 * Appointments booked (created) in the period with their scheduling exceptions and
 * the changes people made: appointment events and the audit steps of the
 * appointment's exceptions whose actor is a user.
 */
export const humanWorkRows = () => `
SELECT a.id,
  (SELECT count(*) FROM exception x WHERE x.appointment_id = a.id AND x.type::text IN (${SCHEDULING_EXCEPTION_TYPES.map((t) => `'${t}'`).join(', ')}))::int AS scheduling_exceptions,
  ((SELECT count(*) FROM appointment_event e WHERE e.appointment_id = a.id AND e.actor_type = 'user')
   + (SELECT count(*) FROM audit_event ae JOIN exception x ON ae.entity_type = 'exception' AND ae.entity_id = x.id::text
      WHERE x.appointment_id = a.id AND ae.actor_type = 'user'))::int AS human_touches
FROM appointment a
WHERE a.created_at >= $1::timestamptz AND a.created_at < $2::timestamptz AND ${filtered('a')}
ORDER BY a.created_at, a.id`;
