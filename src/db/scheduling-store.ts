import type { AppointmentEventView, AppointmentFilter, AppointmentStatus, AppointmentView, Channel } from '../engine/api.ts';
import {
  DuplicateIdempotencyKeyError,
  SlotTakenError,
  type AppointmentRecord,
  type EventRecord,
  type GuardedBooking,
  type HoldRecord,
  type NewAppointment,
  type NewHold,
  type NewReservation,
  type SchedulingStore,
  type SchedulingTx,
} from '../engine/ports.ts';
import type pg from 'pg';
import { SQLSTATE, sqlState } from './client.ts';
import { LONGEST_BLOCK, ScheduleCache, isUuid, loadSnapshot } from './scheduling/snapshot.ts';
import { sqlFor, type Sql } from './scheduling/sql.ts';

// The Postgres side of the engine's storage port. The scheduling configuration is
// cached in memory by version (scheduling/config.ts); what changes with bookings is
// read in ONE set-based statement with that version (scheduling/snapshot.ts) whatever
// the number of resources. Writes are plain inserts; the exclusion constraint
// `reservation_no_overlap` and the unique idempotency key are reported as typed
// errors. A one-to-one booking is written in ONE statement guarded by the
// configuration version its decision used (commitGuarded).

/**
 * Instants leave raw queries as epoch milliseconds: the driver's own parsing of
 * timestamptz text depends on the process time zone, and the engine must not.
 */
const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

const VIEW_SQL = `
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

interface ViewRow {
  id: string;
  service_id: string;
  service_name: string;
  location_id: string;
  time_zone: string;
  customer_id: string | null;
  customer_phone: string | null;
  customer_name: string | null;
  status: AppointmentStatus;
  starts_at: number;
  ends_at: number;
  channel: Channel;
  intake: Record<string, unknown>;
  attachments: unknown[];
  notes: string | null;
  rescheduled_from_id: string | null;
  rule_version: number;
  canceled_at: number | null;
  cancel_reason: string | null;
  canceled_by: string | null;
  late_cancel: boolean | null;
  created_at: number;
  requester_user_id: string | null;
  cancellation_window_minutes: number;
  res: Array<[string, string, string]>;
}

function toRecord(r: ViewRow): AppointmentRecord {
  return {
    id: r.id,
    serviceId: r.service_id,
    serviceName: r.service_name,
    locationId: r.location_id,
    timeZone: r.time_zone,
    customerId: r.customer_id,
    customerPhone: r.customer_phone,
    customerName: r.customer_name,
    status: r.status,
    start: new Date(r.starts_at),
    end: new Date(r.ends_at),
    resourceIds: r.res.map((x) => x[0]),
    resourceNames: r.res.map((x) => x[1]),
    channel: r.channel,
    intake: r.intake ?? {},
    rescheduledFromId: r.rescheduled_from_id,
    ruleVersion: r.rule_version,
    notes: r.notes,
    canceledAt: r.canceled_at === null ? null : new Date(r.canceled_at),
    cancelReason: r.cancel_reason,
    canceledBy: r.canceled_by,
    lateCancel: r.late_cancel,
    createdAt: new Date(r.created_at),
    sessionKeys: [...new Set(r.res.map((x) => x[2]))],
    cancellationWindowMinutes: r.cancellation_window_minutes,
    requesterUserId: r.requester_user_id,
    attachments: r.attachments ?? [],
  };
}

function toView(r: ViewRow): AppointmentView {
  const { sessionKeys: _s, cancellationWindowMinutes: _c, requesterUserId: _u, attachments: _a, ...view } = toRecord(r);
  return view;
}

/** Maps the database's refusals to the port's typed errors. */
function translate(err: unknown): never {
  const state = sqlState(err);
  // Concurrent inserts of overlapping reservations wait on each other's exclusion
  // check; Postgres may break such a cycle by aborting one of them. Nothing of that
  // write remains, and the other writer holds the time: the race is lost as usual.
  if (state === SQLSTATE.exclusionViolation || state === SQLSTATE.deadlockDetected) throw new SlotTakenError();
  if (state === SQLSTATE.uniqueViolation && /idempotency/i.test(String((err as Error)?.message ?? '') + JSON.stringify((err as { meta?: unknown })?.meta ?? {}))) {
    throw new DuplicateIdempotencyKeyError('');
  }
  throw err;
}

/** A statement with positional parameters; hot statements pass a name to be prepared. */
function run<T = unknown>(sql: Sql, text: string, ...values: unknown[]): Promise<T[]> {
  return sql.query<T>({ text, values });
}

function createTx(tx: Sql, cache: ScheduleCache): SchedulingTx {
  return {
    async prepareResources(resourceIds, now, serializeOn) {
      await run(tx, 
        `DELETE FROM hold h WHERE h.expires_at <= $2::timestamptz
           AND EXISTS (SELECT 1 FROM reservation rv WHERE rv.hold_id = h.id AND rv.resource_id = ANY($1::uuid[]))`,
        resourceIds,
        now.toISOString(),
      );
      if (serializeOn.length === 0) return;
      // The inner ORDER BY fixes the order the locks are taken in.
      await run(tx, 
        `SELECT pg_advisory_xact_lock(k)::text FROM (SELECT DISTINCT hashtextextended(x, 0) AS k FROM unnest($1::text[]) AS x ORDER BY 1) s`,
        serializeOn,
      );
    },

    loadSnapshot: (req) => loadSnapshot(cache, tx, req),

    async insertAppointment(a: NewAppointment, reservations: NewReservation[]) {
      try {
        await run(
          tx,
          `WITH ${customerCte('$21', '$22', '(SELECT 1) AS always')},
           a AS (
             INSERT INTO appointment (id, service_id, location_id, customer_id, requester_user_id, starts_at, ends_at, status, channel,
                                      intake, attachments, notes, rescheduled_from_id, idempotency_key, rule_version, confirmed_at)
             VALUES ($1::uuid, $2::uuid, $3::uuid, coalesce((SELECT id FROM c), $4::uuid), $5::uuid, $6::timestamptz, $7::timestamptz,
                     $8::"AppointmentStatus", $9::"Channel", $10::jsonb, $11::jsonb, $12, $13::uuid, $14, $15, $16::timestamptz)
             RETURNING id)
           INSERT INTO reservation (resource_id, appointment_id, session_key, block_start, block_end)
           SELECT x.resource_id, a.id, x.session_key, x.block_start, x.block_end
           FROM a, unnest($17::uuid[], $18::text[], $19::timestamptz[], $20::timestamptz[]) AS x(resource_id, session_key, block_start, block_end)`,
          ...appointmentValues(a, reservations),
          ...contactValues(a),
        );
      } catch (err) {
        translate(err);
      }
    },

    async insertHold(h: NewHold, reservations: NewReservation[]) {
      try {
        await run(
          tx,
          `WITH h AS (
             INSERT INTO hold (id, service_id, location_id, customer_id, conversation_id, starts_at, ends_at, expires_at)
             VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::timestamptz, $7::timestamptz, $8::timestamptz)
             RETURNING id)
           INSERT INTO reservation (resource_id, hold_id, session_key, block_start, block_end)
           SELECT x.resource_id, h.id, x.session_key, x.block_start, x.block_end
           FROM h, unnest($9::uuid[], $10::text[], $11::timestamptz[], $12::timestamptz[]) AS x(resource_id, session_key, block_start, block_end)`,
          h.id,
          h.serviceId,
          h.locationId,
          h.customerId,
          h.conversationId,
          h.start.toISOString(),
          h.end.toISOString(),
          h.expiresAt.toISOString(),
          reservations.map((r) => r.resourceId),
          reservations.map((r) => r.sessionKey),
          reservations.map((r) => r.blockStart.toISOString()),
          reservations.map((r) => r.blockEnd.toISOString()),
        );
      } catch (err) {
        translate(err);
      }
    },

    async lockHold(holdId) {
      if (!isUuid(holdId)) return null;
      const rows = await run<{ id: string; service_id: string; location_id: string; customer_id: string | null; conversation_id: string | null; starts_at: number; ends_at: number; expires_at: number; res: Array<[string, string]> }>(
        tx,
        `SELECT h.id, h.service_id, h.location_id, h.customer_id, h.conversation_id,
                ${epochMs('h.starts_at')} AS starts_at, ${epochMs('h.ends_at')} AS ends_at, ${epochMs('h.expires_at')} AS expires_at,
                coalesce((SELECT json_agg(json_build_array(rv.resource_id, rv.session_key) ORDER BY rv.created_at, rv.id)
                               FROM reservation rv WHERE rv.hold_id = h.id), '[]') AS res
         FROM hold h WHERE h.id = $1::uuid FOR UPDATE`,
        holdId,
      );
      const h = rows[0];
      if (!h) return null;
      const record: HoldRecord = {
        id: h.id,
        serviceId: h.service_id,
        locationId: h.location_id,
        customerId: h.customer_id,
        conversationId: h.conversation_id,
        start: new Date(h.starts_at),
        end: new Date(h.ends_at),
        expiresAt: new Date(h.expires_at),
        resourceIds: h.res.map((x) => x[0]),
        sessionKeys: [...new Set(h.res.map((x) => x[1]))],
      };
      return record;
    },

    async convertHold(holdId, appointmentId, renames) {
      try {
        await run(
          tx,
          `UPDATE reservation rv SET appointment_id = $2::uuid, hold_id = NULL,
             session_key = coalesce((SELECT m.new FROM unnest($3::text[], $4::text[]) AS m(old, new) WHERE m.old = rv.session_key), rv.session_key)
           WHERE rv.hold_id = $1::uuid`,
          holdId,
          appointmentId,
          [...renames.keys()],
          [...renames.values()],
        );
        await run(tx, `DELETE FROM hold WHERE id = $1::uuid`, holdId);
      } catch (err) {
        translate(err);
      }
    },

    async lockAppointment(appointmentId) {
      if (!isUuid(appointmentId)) return null;
      const rows = await run<ViewRow>(tx, `${VIEW_SQL} WHERE a.id = $1::uuid FOR UPDATE OF a`, appointmentId);
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async updateAppointment(id, patch) {
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (column: string, value: unknown, cast = '') => {
        params.push(value);
        sets.push(`${column} = $${params.length}${cast}`);
      };
      if (patch.status) set('status', patch.status, '::"AppointmentStatus"');
      if (patch.confirmedAt) set('confirmed_at', patch.confirmedAt.toISOString(), '::timestamptz');
      if (patch.canceledAt) set('canceled_at', patch.canceledAt.toISOString(), '::timestamptz');
      if (patch.cancelReason !== undefined) set('cancel_reason', patch.cancelReason);
      if (patch.canceledBy !== undefined) set('canceled_by', patch.canceledBy);
      if (patch.lateCancel !== undefined) set('late_cancel', patch.lateCancel);
      sets.push('updated_at = now()');
      await run(tx, `UPDATE appointment SET ${sets.join(', ')} WHERE id = $1::uuid`, ...params);
    },

    async releaseReservations(appointmentId) {
      await run(tx, `UPDATE reservation SET active = false WHERE appointment_id = $1::uuid AND active`, appointmentId);
    },

    async addEvent(e) {
      await run(tx, 
        // History reads in order of \`at\`: an event is never stamped before the previous
        // one of its appointment, even when the injected clock stands still.
        `INSERT INTO appointment_event (appointment_id, actor_type, actor_id, channel, action, before, after, at)
         VALUES ($1::uuid, $2::"ActorType", $3, $4::"Channel", $5, $6::jsonb, $7::jsonb,
                 GREATEST($8::timestamptz, (SELECT max(at) + interval '1 millisecond' FROM appointment_event WHERE appointment_id = $1::uuid)))`,
        e.appointmentId,
        ...eventValues(e),
      );
    },
  };
}

/**
 * The booking's customer as CTE `c` of the appointment's own statement: found by phone
 * or created, and named if it had no name, only when `gate` yields a row. A refused
 * booking therefore leaves no customer behind. Empty when the booking names no contact.
 */
function customerCte(phone: string, name: string, gate: string): string {
  return `c AS (
  INSERT INTO customer (phone, name)
  SELECT ${phone}::text, ${name}::text FROM ${gate} WHERE ${phone}::text IS NOT NULL
  ON CONFLICT (phone) DO UPDATE SET name = coalesce(customer.name, EXCLUDED.name),
    updated_at = CASE WHEN customer.name IS NULL AND EXCLUDED.name IS NOT NULL THEN now() ELSE customer.updated_at END
  RETURNING id, phone, name
)`;
}

/** The contact's phone and name, the parameters customerCte names. */
function contactValues(a: NewAppointment): unknown[] {
  return [a.customer?.phone ?? null, a.customer?.name ?? null];
}

// The guard, the customer, the appointment, its reservations and its event in one statement: the
// inserts read the guard's single row, so when the configuration version differs
// nothing is written and no row comes back. Holds expired by $22 whose reservations
// are in the way are deleted first (the guard waits for those deletes, and the
// exclusion check ignores rows this transaction deleted), so a stale hold never
// refuses a booking. The final SELECT returns only what the database decided (creation
// time, the stored intake, the customer's contact); the rest of the view comes from the
// configuration of the version the write was guarded by.
const COMMIT_SQL = `
WITH stale AS (
  DELETE FROM reservation rv USING hold h
  WHERE h.id = rv.hold_id AND h.expires_at <= $22::timestamptz AND rv.active
    AND rv.resource_id = ANY($17::uuid[])
    -- Evaluated once: with no expired hold anywhere, nothing below is scanned.
    AND (SELECT EXISTS (SELECT 1 FROM hold x WHERE x.expires_at <= $22::timestamptz))
    AND rv.block_start < $24::timestamptz AND rv.block_start > $23::timestamptz - ${LONGEST_BLOCK} AND rv.block_end > $23::timestamptz
  RETURNING rv.hold_id
),
-- The expired holds go too (their other reservations by cascade), as prepareResources does.
gone AS (DELETE FROM hold WHERE id IN (SELECT hold_id FROM stale) RETURNING 1),
g AS (
  SELECT 1 AS ok FROM schedule_version
  WHERE id = 1 AND version = $21::bigint AND (SELECT count(*) FROM gone) >= 0
),
${customerCte('$32', '$33', 'g')},
a AS (
  INSERT INTO appointment (id, service_id, location_id, customer_id, requester_user_id, starts_at, ends_at, status, channel,
                           intake, attachments, notes, rescheduled_from_id, idempotency_key, rule_version, confirmed_at)
  SELECT $1::uuid, $2::uuid, $3::uuid, coalesce((SELECT id FROM c), $4::uuid), $5::uuid, $6::timestamptz, $7::timestamptz, $8::"AppointmentStatus", $9::"Channel",
         $10::jsonb, $11::jsonb, $12, $13::uuid, $14, $15, $16::timestamptz
  FROM g
  RETURNING *
),
r AS (
  INSERT INTO reservation (resource_id, appointment_id, session_key, block_start, block_end)
  SELECT x.resource_id, a.id, x.session_key, x.block_start, x.block_end
  FROM a, unnest($17::uuid[], $18::text[], $19::timestamptz[], $20::timestamptz[]) AS x(resource_id, session_key, block_start, block_end)
  RETURNING resource_id, session_key
),
e AS (
  INSERT INTO appointment_event (appointment_id, actor_type, actor_id, channel, action, before, after, at)
  SELECT a.id, $25::"ActorType", $26, $27::"Channel", $28, $29::jsonb, $30::jsonb, $31::timestamptz FROM a
)
SELECT a.id, a.intake, ${epochMs('a.created_at')} AS created_at, a.customer_id,
       coalesce(c.phone, cu.phone) AS customer_phone, coalesce(c.name, cu.name) AS customer_name,
       (SELECT count(*) FROM r)::int AS reserved
-- A customer created by this statement is not yet visible in the table, only in c.
FROM a LEFT JOIN c ON true LEFT JOIN customer cu ON cu.id = a.customer_id
`;

/** An audit event's columns after its appointment id, as both event inserts take them. */
function eventValues(e: EventRecord): unknown[] {
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  return [e.actor.type, e.actor.id ?? null, e.actor.channel ?? null, e.action, json(e.before), json(e.after), e.at.toISOString()];
}

/** $1–$20 of both appointment inserts: the appointment's columns, then its reservations as arrays. */
function appointmentValues(a: NewAppointment, reservations: NewReservation[]): unknown[] {
  return [
    a.id,
    a.serviceId,
    a.locationId,
    a.customerId,
    a.requesterUserId,
    a.start.toISOString(),
    a.end.toISOString(),
    a.status,
    a.channel,
    JSON.stringify(a.intake),
    JSON.stringify(a.attachments),
    a.notes,
    a.rescheduledFromId,
    a.idempotencyKey,
    a.ruleVersion,
    a.confirmedAt?.toISOString() ?? null,
    reservations.map((r) => r.resourceId),
    reservations.map((r) => r.sessionKey),
    reservations.map((r) => r.blockStart.toISOString()),
    reservations.map((r) => r.blockEnd.toISOString()),
  ];
}

async function commitGuarded(sql: Sql, cache: ScheduleCache, b: GuardedBooking): Promise<AppointmentView | null> {
  const { appointment: a, reservations, event: e } = b;
  let rows: CommitRow[];
  try {
    rows = await sql.query<CommitRow>({
      name: 'scheduling_commit',
      text: COMMIT_SQL,
      values: [
        ...appointmentValues(a, reservations),
        b.versions.schedule,
        b.now.toISOString(),
        new Date(Math.min(...reservations.map((r) => r.blockStart.getTime()))).toISOString(),
        new Date(Math.max(...reservations.map((r) => r.blockEnd.getTime()))).toISOString(),
        ...eventValues(e),
        ...contactValues(a),
      ],
    });
  } catch (err) {
    translate(err);
  }
  const row = rows[0];
  if (!row) {
    // The configuration moved since the decision: whoever decides again must not get this copy.
    cache.dropConfig();
    return null;
  }
  const resourceIds = [...new Set(reservations.map((r) => r.resourceId))];
  if (row.reserved !== reservations.length) throw new Error(`Appointment ${a.id} was written with ${row.reserved} of ${reservations.length} reservations.`);
  cache.noteBooking(a.serviceId, resourceIds, a.start.getTime());
  // Names and zone as of the version the write was guarded by; should the cache have
  // moved on meanwhile, read the view back instead.
  const config = cache.peek();
  const service = config?.version === b.versions.schedule ? config.servicesById.get(a.serviceId) : undefined;
  const location = service ? config!.locations.find((l) => l.id === a.locationId) : undefined;
  const sorted: Array<{ id: string; name: string; kind: string }> = [];
  for (const id of location ? resourceIds : []) {
    const r = config!.resources.find((c) => c.record.id === id)?.record;
    if (r) sorted.push(r);
  }
  if (!service || !location || sorted.length !== resourceIds.length) {
    const view = await sql.query<ViewRow>({ text: `${VIEW_SQL} WHERE a.id = $1::uuid`, values: [a.id] });
    return toView(view[0]!);
  }
  sorted.sort((x, y) => (KIND_RANK[x.kind] ?? 3) - (KIND_RANK[y.kind] ?? 3) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return {
    id: a.id,
    serviceId: a.serviceId,
    serviceName: service.name,
    locationId: a.locationId,
    timeZone: location.timeZone,
    customerId: row.customer_id,
    customerPhone: row.customer_phone,
    customerName: row.customer_name,
    status: a.status,
    start: a.start,
    end: a.end,
    resourceIds: sorted.map((r) => r.id),
    resourceNames: sorted.map((r) => r.name),
    channel: a.channel,
    intake: row.intake ?? {},
    rescheduledFromId: a.rescheduledFromId,
    ruleVersion: a.ruleVersion,
    notes: a.notes,
    canceledAt: null,
    cancelReason: null,
    canceledBy: null,
    lateCancel: null,
    createdAt: new Date(row.created_at),
  };
}

// The order VIEW_SQL lists an appointment's resources in.
const KIND_RANK: Record<string, number> = { staff: 0, room: 1, equipment: 2 };

interface CommitRow {
  id: string;
  intake: Record<string, unknown> | null;
  created_at: number;
  customer_id: string | null;
  customer_phone: string | null;
  customer_name: string | null;
  reserved: number;
}

/**
 * The store on the Prisma client's database. Statements run on \`pool\` (createPool in
 * ./client.ts); without one they go through Prisma's raw queries, which is correct
 * but several times slower per statement.
 */
export function createSchedulingStore(pool: pg.Pool): SchedulingStore {
  const sql = sqlFor(pool);
  const cache = new ScheduleCache();
  return {
    loadSnapshot: (req) => loadSnapshot(cache, sql, req),

    commitGuarded: (b) => commitGuarded(sql, cache, b),

    async transaction(fn) {
      try {
        return await sql.transaction((tx) => fn(createTx(tx, cache)));
      } finally {
        // Holds, cancellations, reschedules and counted bookings change round-robin
        // counts in ways not worth following one by one: count again on next use.
        cache.dropCounts();
      }
    },

    async findAppointmentByIdempotencyKey(key) {
      const rows = await run<ViewRow>(sql, `${VIEW_SQL} WHERE a.idempotency_key = $1`, key);
      return rows[0] ? toView(rows[0]) : null;
    },

    async getAppointment(id) {
      if (!isUuid(id)) return null;
      const rows = await run<ViewRow>(sql, `${VIEW_SQL} WHERE a.id = $1::uuid`, id);
      return rows[0] ? toView(rows[0]) : null;
    },

    async getEvents(appointmentId): Promise<AppointmentEventView[]> {
      if (!isUuid(appointmentId)) return [];
      const rows = await run<{ action: string; actor_type: AppointmentEventView['actorType']; actor_id: string | null; channel: Channel | null; before: unknown; after: unknown; at: number }>(
        sql,
        `SELECT action, actor_type::text AS actor_type, actor_id, channel::text AS channel, before, after, ${epochMs('at')} AS at
         FROM appointment_event WHERE appointment_id = $1::uuid ORDER BY at, id`,
        appointmentId,
      );
      return rows.map((e) => ({
        action: e.action,
        actorType: e.actor_type,
        actorId: e.actor_id,
        channel: e.channel,
        before: e.before,
        after: e.after,
        at: new Date(e.at),
      }));
    },

    async listAppointments(filter: AppointmentFilter) {
      const where: string[] = [];
      const params: unknown[] = [];
      const p = (v: unknown) => {
        params.push(v);
        return `$${params.length}`;
      };
      if (filter.status?.length) where.push(`a.status::text = ANY(${p(filter.status)}::text[])`);
      if (filter.resourceId) {
        if (!isUuid(filter.resourceId)) return { items: [], nextCursor: null };
        where.push(`EXISTS (SELECT 1 FROM reservation rv WHERE rv.appointment_id = a.id AND rv.resource_id = ${p(filter.resourceId)}::uuid)`);
      }
      if (filter.customerId) {
        if (!isUuid(filter.customerId)) return { items: [], nextCursor: null };
        where.push(`a.customer_id = ${p(filter.customerId)}::uuid`);
      }
      if (filter.customerPhone) where.push(`cu.phone = ${p(filter.customerPhone)}`);
      // An appointment is in [from, to) when its time overlaps the range.
      if (filter.from) where.push(`a.ends_at > ${p(filter.from.toISOString())}::timestamptz`);
      if (filter.to) where.push(`a.starts_at < ${p(filter.to.toISOString())}::timestamptz`);
      if (filter.after) {
        if (!isUuid(filter.after)) return { items: [], nextCursor: null };
        where.push(`(a.starts_at, a.id) > (SELECT c.starts_at, c.id FROM appointment c WHERE c.id = ${p(filter.after)}::uuid)`);
      }
      const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
      const rows = await run<ViewRow>(sql, 
        `${VIEW_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.starts_at, a.id LIMIT ${limit + 1}`,
        ...params,
      );
      const items = rows.slice(0, limit).map(toView);
      return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
    },

    async deleteHold(holdId) {
      if (!isUuid(holdId)) return;
      await run(sql, `DELETE FROM hold WHERE id = $1::uuid`, holdId);
    },
  };
}
