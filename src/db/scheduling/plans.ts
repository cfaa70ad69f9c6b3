// Every statement the scheduling store runs besides the snapshot (./snapshot.ts), each
// a small named builder in the way pg-boss keeps its plans. Rows go in as ONE JSON
// parameter each, read with json_to_record(set) against the column lists below, so no
// statement counts parameter positions; ./rows.ts builds those JSON rows. The store
// (./store.ts, ./tx.ts, ./commit.ts) only says which plan runs with which data.

/**
 * Instants leave raw queries as epoch milliseconds: the driver's own parsing of
 * timestamptz text depends on the process time zone, and the engine must not.
 */
const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

/** Columns and types of an appointment as ./rows.ts appointmentRow writes it. */
const APPOINTMENT_FIELDS = [
  ['id', 'uuid'],
  ['service_id', 'uuid'],
  ['location_id', 'uuid'],
  ['customer_id', 'uuid'],
  ['requester_user_id', 'uuid'],
  ['starts_at', 'timestamptz'],
  ['ends_at', 'timestamptz'],
  ['status', '"AppointmentStatus"'],
  ['channel', '"Channel"'],
  ['intake', 'jsonb'],
  ['attachments', 'jsonb'],
  ['notes', 'text'],
  ['rescheduled_from_id', 'uuid'],
  ['idempotency_key', 'text'],
  ['rule_version', 'int'],
  ['confirmed_at', 'timestamptz'],
] as const;

const APPOINTMENT_COLUMNS = APPOINTMENT_FIELDS.map(([name]) => name).join(', ');
const appointmentRecord = (json: string) => `json_to_record(${json}::json) AS x(${APPOINTMENT_FIELDS.map(([n, t]) => `${n} ${t}`).join(', ')})`;
/** The appointment's columns read from record x, its customer taken from CTE c when the booking named one. */
const APPOINTMENT_VALUES = APPOINTMENT_FIELDS.map(([name]) => (name === 'customer_id' ? 'coalesce((SELECT id FROM c), x.customer_id)' : `x.${name}`)).join(', ');

const RESERVATION_COLUMNS = 'resource_id, session_key, block_start, block_end';
const reservationRecords = (json: string) => `json_to_recordset(${json}::json) AS rsv(resource_id uuid, session_key text, block_start timestamptz, block_end timestamptz)`;

const EVENT_COLUMNS = 'actor_type, actor_id, channel, action, before, after';
const EVENT_VALUES = EVENT_COLUMNS.split(', ').map((c) => `ev.${c}`).join(', ');
const eventRecord = (json: string) =>
  `json_to_record(${json}::json) AS ev(appointment_id uuid, actor_type "ActorType", actor_id text, channel "Channel", action text, before jsonb, after jsonb, at timestamptz)`;

/**
 * The booking's customer as CTE `c` of the appointment's own statement: found by phone
 * or created, and named if it had no name, only when `gate` yields a row. A refused
 * booking therefore leaves no customer behind. Empty when the booking names no contact.
 */
function customerCte(contact: string, gate: string): string {
  return `c AS (
  INSERT INTO customer (phone, name)
  SELECT k.phone, k.name FROM json_to_record(${contact}::json) AS k(phone text, name text), ${gate} WHERE k.phone IS NOT NULL
  ON CONFLICT (phone) DO UPDATE SET name = coalesce(customer.name, EXCLUDED.name),
    updated_at = CASE WHEN customer.name IS NULL AND EXCLUDED.name IS NOT NULL THEN now() ELSE customer.updated_at END
  RETURNING id, phone, name
)`;
}

/** An appointment as the engine sees it, with its resources (staff, then rooms, then equipment) and their session keys. */
const APPOINTMENT_VIEW = `
SELECT a.id, a.service_id, s.name AS service_name, a.location_id, l.time_zone, a.customer_id, cu.phone AS customer_phone,
       cu.name AS customer_name, a.status::text AS status, ${epochMs('a.starts_at')} AS starts_at, ${epochMs('a.ends_at')} AS ends_at,
       a.channel::text AS channel, a.intake, a.attachments, a.notes, a.rescheduled_from_id, a.rule_version,
       ${epochMs('a.canceled_at')} AS canceled_at, a.cancel_reason, a.canceled_by,
       a.late_cancel, ${epochMs('a.created_at')} AS created_at, a.requester_user_id, s.cancellation_window_minutes,
       coalesce((SELECT json_agg(json_build_array(r.id, r.name, rv.session_key)
                   ORDER BY CASE r.kind WHEN 'staff' THEN 0 WHEN 'room' THEN 1 ELSE 2 END, r.id)
                 FROM reservation rv JOIN resource r ON r.id = rv.resource_id WHERE rv.appointment_id = a.id), '[]') AS res
FROM appointment a
JOIN service s ON s.id = a.service_id
JOIN location l ON l.id = a.location_id
LEFT JOIN customer cu ON cu.id = a.customer_id
`;

/** $1: appointment id. */
export const appointmentById = () => `${APPOINTMENT_VIEW} WHERE a.id = $1::uuid`;

/** $1: appointment id; the row stays locked until the transaction ends. */
export const lockAppointment = () => `${APPOINTMENT_VIEW} WHERE a.id = $1::uuid FOR UPDATE OF a`;

/** $1: idempotency key. */
export const appointmentByIdempotencyKey = () => `${APPOINTMENT_VIEW} WHERE a.idempotency_key = $1`;

/** Which filters a listing applies; the values come in as one JSON filter ($1, ./rows.ts listFilter). */
export interface ListConditions {
  status: boolean;
  resourceId: boolean;
  customerId: boolean;
  customerPhone: boolean;
  requesterUserId: boolean;
  from: boolean;
  to: boolean;
  after: boolean;
}

const LIST_CONDITIONS: Record<keyof ListConditions, string> = {
  status: `a.status::text IN (SELECT json_array_elements_text($1::json->'status'))`,
  resourceId: `EXISTS (SELECT 1 FROM reservation rv WHERE rv.appointment_id = a.id AND rv.resource_id = ($1::json->>'resourceId')::uuid)`,
  customerId: `a.customer_id = ($1::json->>'customerId')::uuid`,
  customerPhone: `cu.phone = $1::json->>'customerPhone'`,
  requesterUserId: `a.requester_user_id = ($1::json->>'requesterUserId')::uuid`,
  // An appointment is in [from, to) when its time overlaps the range.
  from: `a.ends_at > ($1::json->>'from')::timestamptz`,
  to: `a.starts_at < ($1::json->>'to')::timestamptz`,
  after: `(a.starts_at, a.id) > (SELECT c.starts_at, c.id FROM appointment c WHERE c.id = ($1::json->>'after')::uuid)`,
};

/** $1: the filter as JSON, with the page size; one row more than `limit` tells whether another page follows. */
export function listAppointments(on: ListConditions): string {
  const where = (Object.keys(LIST_CONDITIONS) as Array<keyof ListConditions>).filter((k) => on[k]).map((k) => LIST_CONDITIONS[k]);
  return `${APPOINTMENT_VIEW} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.starts_at, a.id LIMIT ($1::json->>'limit')::int + 1`;
}

/** $1: appointment id. */
export const eventsOf = () =>
  `SELECT action, actor_type::text AS actor_type, actor_id, channel::text AS channel, before, after, ${epochMs('at')} AS at
   FROM appointment_event WHERE appointment_id = $1::uuid ORDER BY at, id`;

/** $1: resource ids, $2: now. Expired holds with time on these resources, so they never trip the exclusion constraint. */
export const deleteExpiredHoldsOn = () =>
  `DELETE FROM hold h WHERE h.expires_at <= $2::timestamptz
     AND EXISTS (SELECT 1 FROM reservation rv WHERE rv.hold_id = h.id AND rv.resource_id = ANY($1::uuid[]))`;

/** $1: serialization keys. The inner ORDER BY fixes the order the locks are taken in. */
export const lockSerializationKeys = () =>
  `SELECT pg_advisory_xact_lock(k)::text FROM (SELECT DISTINCT hashtextextended(x, 0) AS k FROM unnest($1::text[]) AS x ORDER BY 1) s`;

/** $1: appointment row, $2: its reservations, $3: the contact ({ phone, name }). */
export const insertAppointment = () =>
  `WITH ${customerCte('$3', '(SELECT 1) AS always')},
   a AS (
     INSERT INTO appointment (${APPOINTMENT_COLUMNS})
     SELECT ${APPOINTMENT_VALUES} FROM ${appointmentRecord('$1')}
     RETURNING id)
   INSERT INTO reservation (appointment_id, ${RESERVATION_COLUMNS})
   SELECT a.id, rsv.* FROM a, ${reservationRecords('$2')}`;

/** $1: hold row, $2: its reservations. */
export const insertHold = () =>
  `WITH h AS (
     INSERT INTO hold (id, service_id, location_id, customer_id, conversation_id, starts_at, ends_at, expires_at)
     SELECT x.* FROM json_to_record($1::json)
       AS x(id uuid, service_id uuid, location_id uuid, customer_id uuid, conversation_id uuid, starts_at timestamptz, ends_at timestamptz, expires_at timestamptz)
     RETURNING id)
   INSERT INTO reservation (hold_id, ${RESERVATION_COLUMNS})
   SELECT h.id, rsv.* FROM h, ${reservationRecords('$2')}`;

/** $1: hold id; the hold stays locked until the transaction ends. */
export const lockHold = () =>
  `SELECT h.id, h.service_id, h.location_id, h.customer_id, h.conversation_id,
          ${epochMs('h.starts_at')} AS starts_at, ${epochMs('h.ends_at')} AS ends_at, ${epochMs('h.expires_at')} AS expires_at,
          coalesce((SELECT json_agg(json_build_array(rv.resource_id, rv.session_key) ORDER BY rv.created_at, rv.id)
                         FROM reservation rv WHERE rv.hold_id = h.id), '[]') AS res
   FROM hold h WHERE h.id = $1::uuid FOR UPDATE`;

/** $1: hold id, $2: appointment id, $3: session key renames as [{ old, new }]. */
export const moveHoldReservations = () =>
  `UPDATE reservation rv SET appointment_id = $2::uuid, hold_id = NULL,
     session_key = coalesce((SELECT m.new FROM json_to_recordset($3::json) AS m(old text, new text) WHERE m.old = rv.session_key), rv.session_key)
   WHERE rv.hold_id = $1::uuid`;

/** $1: hold id. Its reservations go by cascade. */
export const deleteHold = () => `DELETE FROM hold WHERE id = $1::uuid`;

/** $1: appointment id, $2: the columns to change as JSON; columns it does not name keep their value. */
export const updateAppointment = () =>
  `UPDATE appointment a SET (status, confirmed_at, canceled_at, cancel_reason, canceled_by, late_cancel, updated_at) =
     (SELECT p.status, p.confirmed_at, p.canceled_at, p.cancel_reason, p.canceled_by, p.late_cancel, now() FROM json_populate_record(a, $2::json) p)
   WHERE a.id = $1::uuid`;

/** $1: appointment id. Frees its time (canceled or moved). */
export const releaseReservations = () => `UPDATE reservation SET active = false WHERE appointment_id = $1::uuid AND active`;

/**
 * $1: event row. History reads in order of `at`: an event is never stamped before the
 * previous one of its appointment, even when the injected clock stands still.
 */
export const insertEvent = () =>
  `INSERT INTO appointment_event (appointment_id, ${EVENT_COLUMNS}, at)
   SELECT ev.appointment_id, ${EVENT_VALUES}, GREATEST(ev.at, (SELECT max(e.at) + interval '1 millisecond' FROM appointment_event e WHERE e.appointment_id = ev.appointment_id))
   FROM ${eventRecord('$1')}`;

/**
 * A one-to-one booking in ONE call of the server-side function scheduling_book
 * (migration 20261206010000_scheduling_book): it writes the customer, the appointment,
 * its reservations and its event only while the configuration is at the guard's
 * version (no row back otherwise), sweeping expired holds out of the way first.
 * $1: guard ({ version, now, block_from, block_to }), $2: appointment row, $3: reservations, $4: event row, $5: contact.
 */
export const commitGuarded = () => `SELECT * FROM scheduling_book($1::json, $2::json, $3::json, $4::json, $5::json)`;

/**
 * A booking from a live hold in ONE call of the server-side function
 * scheduling_book_hold (migration 20261208010000_scheduling_book_hold): it locks the
 * hold and writes the appointment, moves the hold's reservations to it and writes its
 * event only while the hold is the decided service and time and the configuration is at
 * the guard's version; its first column says what happened ('booked', 'expired', 'stale').
 * $1: guard ({ version, now, hold_id, service_id, starts_at, ends_at, session_key }),
 * $2: appointment row, $3: event row, $4: contact.
 */
export const bookHoldGuarded = () => `SELECT * FROM scheduling_book_hold($1::json, $2::json, $3::json, $4::json)`;
