// The SQL behind calendar feeds, as named builders (pg-boss style): which appointments
// a feed holds, and each one's place in its reschedule chain.
//
// A reschedule writes a new appointment (rescheduled_from_id → the old one) and cancels
// the old one. To a calendar both are one event: the chain's first appointment gives
// the UID, and the number of changes recorded along the chain (appointment_event rows,
// one per booking, move, cancel or status change) gives SEQUENCE, so a client that
// already has the event replaces it instead of showing a second copy.

/** Which appointments a feed selects; $1 is the subject's id, $2 and $3 the window. */
export type FeedFilter = 'resource' | 'location' | 'appointment';

const SUBJECT: Record<FeedFilter, string> = {
  // Released reservations count too: a canceled appointment stays in its staff member's
  // and room's feeds as STATUS:CANCELLED instead of vanishing without a word.
  resource: `EXISTS (SELECT 1 FROM reservation r WHERE r.appointment_id = a.id AND r.resource_id = $1::uuid)`,
  location: `a.location_id = $1::uuid`,
  appointment: `a.id = $1::uuid`,
};

/**
 * The feed's events: per reschedule chain, the newest appointment the subject has
 * (a chain moved to another staff member leaves its last appointment here, canceled
 * as rescheduled), with the chain's root id and change count. The window is over
 * start times (half-open). Names come as stored; what a subject may see is decided
 * in calendar.ts, not here.
 */
export const feedEvents = (filter: FeedFilter) => `
WITH RECURSIVE picked AS (
  SELECT a.id FROM appointment a
  WHERE ${SUBJECT[filter]} AND a.starts_at >= $2::timestamptz AND a.starts_at < $3::timestamptz
),
up AS (
  SELECT p.id AS appointment_id, a.id AS member_id, a.rescheduled_from_id AS parent_id
  FROM picked p JOIN appointment a ON a.id = p.id
  UNION ALL
  SELECT up.appointment_id, a.id, a.rescheduled_from_id
  FROM up JOIN appointment a ON a.id = up.parent_id
),
lineage AS (
  SELECT up.appointment_id,
         (array_agg(up.member_id) FILTER (WHERE up.parent_id IS NULL))[1] AS root_id,
         (SELECT count(*) FROM appointment_event e WHERE e.appointment_id = ANY (array_agg(up.member_id)))::int AS changes
  FROM up GROUP BY up.appointment_id
),
newest AS (
  SELECT DISTINCT ON (l.root_id) l.appointment_id, l.root_id, l.changes
  FROM lineage l ORDER BY l.root_id, l.changes DESC, l.appointment_id
)
SELECT a.id, n.root_id, n.changes, a.status::text AS status, a.starts_at, a.ends_at, a.cancel_reason,
       a.created_at, a.updated_at,
       s.name AS service_name, loc.name AS location_name, loc.address AS location_address,
       cu.name AS customer_name,
       coalesce((SELECT array_agg(rs.name ORDER BY rs.name) FROM reservation r JOIN resource rs ON rs.id = r.resource_id
                 WHERE r.appointment_id = a.id AND rs.kind = 'staff'), '{}') AS staff_names,
       coalesce((SELECT array_agg(rs.name ORDER BY rs.name) FROM reservation r JOIN resource rs ON rs.id = r.resource_id
                 WHERE r.appointment_id = a.id AND rs.kind <> 'staff'), '{}') AS room_names
FROM newest n
JOIN appointment a ON a.id = n.appointment_id
JOIN service s ON s.id = a.service_id
JOIN location loc ON loc.id = a.location_id
LEFT JOIN customer cu ON cu.id = a.customer_id
ORDER BY a.starts_at, a.id`;

/** $1: an appointment id. The newest appointment of the chain it started or belongs to (it, when never moved). */
export const newestInChain = () => `
WITH RECURSIVE down AS (
  SELECT a.id, 0 AS depth FROM appointment a WHERE a.id = $1::uuid
  UNION ALL
  SELECT a.id, down.depth + 1 FROM down JOIN appointment a ON a.rescheduled_from_id = down.id
)
SELECT id FROM down ORDER BY depth DESC LIMIT 1`;
