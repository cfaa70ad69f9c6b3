import type { AppointmentFilter, AppointmentStatus, AppointmentView, Channel } from '../engine/api.ts';
import {
  DuplicateIdempotencyKeyError,
  SlotTakenError,
  type AppointmentEventView,
  type AppointmentRecord,
  type Block,
  type HoldRecord,
  type NewAppointment,
  type NewHold,
  type NewReservation,
  type ResourceRecord,
  type SchedulingStore,
  type SchedulingTx,
  type ServiceRecord,
  type Snapshot,
  type SnapshotRequest,
} from '../engine/ports.ts';
import { SQLSTATE, sqlState, type PrismaClient } from './client.ts';

// The Postgres side of the engine's storage port. Everything one decision needs is
// read in ONE set-based statement (service, locations, resources with their hours,
// busy blocks, routing counts, customer history) whatever the number of resources:
// no per-resource queries. Writes are plain inserts; the exclusion constraint
// `reservation_no_overlap` and the unique idempotency key are reported as typed errors.

type Raw = Pick<PrismaClient, '$queryRawUnsafe' | '$executeRawUnsafe'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (s: string) => UUID.test(s);

// Reservations never last longer than this (24 h duration + 24 h of each buffer), so
// the index on (resource_id, block_start) can bound the scan from below.
const LONGEST_BLOCK = "interval '3 days'";

const SNAPSHOT_SQL = `
WITH s AS (
  SELECT * FROM service WHERE id::text = $1 OR slug = $1
  ORDER BY (id::text = $1) DESC, created_at LIMIT 1
),
req AS (SELECT kind::text AS kind, skills FROM service_requirement WHERE service_id = (SELECT id FROM s)),
elig AS (SELECT resource_id FROM service_eligibility WHERE service_id = (SELECT id FROM s)),
res AS (
  SELECT r.* FROM resource r JOIN location l ON l.id = r.location_id
  WHERE r.active AND l.active AND l.business_id = (SELECT business_id FROM s)
    AND (r.kind::text IN (SELECT kind FROM req) OR r.id IN (SELECT resource_id FROM elig))
    AND ($2::uuid[] IS NULL OR r.id = ANY($2::uuid[]))
    AND ($3::uuid IS NULL OR r.location_id = $3::uuid)
)
SELECT
  (SELECT json_build_object(
      'id', id, 'businessId', business_id, 'name', name, 'slug', slug,
      'durationMinutes', duration_minutes, 'bufferBeforeMinutes', buffer_before_minutes,
      'bufferAfterMinutes', buffer_after_minutes, 'minNoticeMinutes', min_notice_minutes,
      'maxHorizonDays', max_horizon_days, 'slotStepMinutes', slot_step_minutes, 'seats', seats,
      'requiresApproval', requires_approval, 'routingStrategy', routing_strategy,
      'cancellationWindowMinutes', cancellation_window_minutes, 'active', active, 'ruleVersion', rule_version,
      'requirements', (SELECT coalesce(json_agg(json_build_object('kind', kind, 'skills', skills)), '[]') FROM req),
      'eligibleResourceIds', (SELECT coalesce(json_agg(resource_id), '[]') FROM elig))
   FROM s) AS service,
  (SELECT coalesce(json_agg(json_build_object('id', id, 'timeZone', time_zone, 'postalCodes', postal_codes, 'active', active)), '[]')
   FROM location WHERE business_id = (SELECT business_id FROM s) AND active) AS locations,
  (SELECT coalesce(json_agg(json_build_object(
      'id', r.id, 'locationId', r.location_id, 'kind', r.kind, 'name', r.name, 'timeZone', r.time_zone,
      'skills', r.skills, 'languages', r.languages, 'capacity', r.capacity, 'maxDailyBookings', r.max_daily_bookings,
      'routingWeight', r.routing_weight, 'active', r.active,
      'weeklyHours', (SELECT coalesce(json_agg(json_build_object('weekday', w.weekday, 'startTime', w.start_time, 'endTime', w.end_time)), '[]')
                      FROM weekly_hours w WHERE w.resource_id = r.id),
      'overrides', (SELECT coalesce(json_agg(json_build_object('date', o.date, 'startTime', o.start_time, 'endTime', o.end_time)), '[]')
                    FROM date_override o WHERE o.resource_id = r.id AND o.date BETWEEN $4 AND $5))), '[]')
   FROM res r) AS resources,
  (SELECT coalesce(json_agg(json_build_array(b.resource_id, b.s, b.e, b.session_key, b.booked, b.service_id, b.owner)), '[]') FROM (
     SELECT rv.resource_id, (extract(epoch FROM rv.block_start) * 1000)::bigint AS s, (extract(epoch FROM rv.block_end) * 1000)::bigint AS e,
            rv.session_key, (extract(epoch FROM coalesce(a.starts_at, h.starts_at)) * 1000)::bigint AS booked,
            coalesce(a.service_id, h.service_id) AS service_id, coalesce(rv.appointment_id, rv.hold_id) AS owner
     FROM reservation rv
     LEFT JOIN appointment a ON a.id = rv.appointment_id
     LEFT JOIN hold h ON h.id = rv.hold_id
     WHERE rv.resource_id IN (SELECT id FROM res) AND rv.active
       AND rv.block_start < $7::timestamptz AND rv.block_start > $6::timestamptz - ${LONGEST_BLOCK} AND rv.block_end > $6::timestamptz
       AND (rv.hold_id IS NULL OR h.expires_at > $8::timestamptz)
     UNION ALL
     SELECT t.resource_id, (extract(epoch FROM t.starts_at) * 1000)::bigint, (extract(epoch FROM t.ends_at) * 1000)::bigint, NULL, NULL, NULL, NULL
     FROM time_off t
     WHERE t.resource_id IN (SELECT id FROM res) AND t.starts_at < $7::timestamptz AND t.ends_at > $6::timestamptz
  ) b) AS blocks,
  (SELECT coalesce(json_agg(json_build_array(c.resource_id, c.month, c.n)), '[]') FROM (
     SELECT rv.resource_id, to_char(a.starts_at AT TIME ZONE r.time_zone, 'YYYY-MM') AS month, count(DISTINCT rv.session_key) AS n
     FROM appointment a
     JOIN reservation rv ON rv.appointment_id = a.id
     JOIN res r ON r.id = rv.resource_id
     WHERE cardinality($9::text[]) > 0 AND a.service_id = (SELECT id FROM s) AND a.status <> 'canceled'
       AND a.starts_at >= $10::timestamptz AND a.starts_at < $11::timestamptz
     GROUP BY 1, 2
  ) c WHERE c.month = ANY($9::text[])) AS counts,
  (SELECT json_build_object('id', cu.id, 'language', cu.language, 'postalCode', cu.postal_code,
      'previousResourceIds', (SELECT coalesce(json_agg(p.resource_id ORDER BY p.last DESC, p.resource_id), '[]') FROM (
         SELECT rv.resource_id, max(a.starts_at) AS last
         FROM appointment a JOIN reservation rv ON rv.appointment_id = a.id
         WHERE a.customer_id = cu.id AND a.status <> 'canceled' AND a.starts_at < $8::timestamptz
         GROUP BY rv.resource_id) p))
   FROM customer cu WHERE cu.id = $12::uuid) AS customer
`;

interface SnapshotRow {
  service: ServiceRecord | null;
  locations: Snapshot['locations'];
  resources: ResourceRecord[];
  blocks: Array<[string, number, number, string | null, number | null, string | null, string | null]>;
  counts: Array<[string, string, number]>;
  customer: Snapshot['customer'];
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

async function loadSnapshot(db: Raw, req: SnapshotRequest): Promise<Snapshot | null> {
  const from = req.from.getTime();
  const to = req.to.getTime();
  const months = [...req.months].sort();
  const monthFrom = months.length ? Date.UTC(Number(months[0]!.slice(0, 4)), Number(months[0]!.slice(5, 7)) - 1, 1) - 86_400_000 : from;
  const lastMonth = months[months.length - 1];
  const monthTo = lastMonth ? Date.UTC(Number(lastMonth.slice(0, 4)), Number(lastMonth.slice(5, 7)), 1) + 86_400_000 : to;
  const customerId = req.customerId && isUuid(req.customerId) ? req.customerId : null;
  const ids = req.resourceIds?.filter(isUuid) ?? null;
  const rows = await db.$queryRawUnsafe<SnapshotRow[]>(
    SNAPSHOT_SQL,
    req.service,
    ids,
    req.locationId && isUuid(req.locationId) ? req.locationId : null,
    day(from - 86_400_000),
    day(to + 86_400_000),
    req.from.toISOString(),
    req.to.toISOString(),
    req.now.toISOString(),
    months,
    new Date(monthFrom).toISOString(),
    new Date(monthTo).toISOString(),
    customerId,
  );
  const row = rows[0];
  if (!row?.service) return null;
  if (req.locationId && !isUuid(req.locationId)) row.resources = [];
  const blocks: Block[] = row.blocks.map(([resourceId, s, e, sessionKey, booked, serviceId, ownerId]) => ({
    resourceId,
    start: new Date(Number(s)),
    end: new Date(Number(e)),
    sessionKey,
    bookedStart: booked === null ? null : new Date(Number(booked)),
    serviceId,
    ownerId,
  }));
  const monthlyCounts = new Map<string, Map<string, number>>();
  for (const [resourceId, month, n] of row.counts) {
    let m = monthlyCounts.get(resourceId);
    if (!m) monthlyCounts.set(resourceId, (m = new Map()));
    m.set(month, Number(n));
  }
  return { service: row.service, locations: row.locations, resources: row.resources, blocks, monthlyCounts, customer: row.customer };
}

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
  if (state === SQLSTATE.exclusionViolation) throw new SlotTakenError();
  if (state === SQLSTATE.uniqueViolation && /idempotency/i.test(String((err as Error)?.message ?? '') + JSON.stringify((err as { meta?: unknown })?.meta ?? {}))) {
    throw new DuplicateIdempotencyKeyError('');
  }
  throw err;
}

function createTx(tx: Raw): SchedulingTx {
  return {
    async prepareResources(resourceIds, now, serializeOn) {
      await tx.$executeRawUnsafe(
        `DELETE FROM hold h WHERE h.expires_at <= $2::timestamptz
           AND EXISTS (SELECT 1 FROM reservation rv WHERE rv.hold_id = h.id AND rv.resource_id = ANY($1::uuid[]))`,
        resourceIds,
        now.toISOString(),
      );
      if (serializeOn.length === 0) return;
      // The inner ORDER BY fixes the order the locks are taken in.
      await tx.$queryRawUnsafe(
        `SELECT pg_advisory_xact_lock(k)::text FROM (SELECT DISTINCT hashtextextended(x, 0) AS k FROM unnest($1::text[]) AS x ORDER BY 1) s`,
        serializeOn,
      );
    },

    loadSnapshot: (req) => loadSnapshot(tx, req),

    async insertAppointment(a: NewAppointment, reservations: NewReservation[]) {
      try {
        await tx.$executeRawUnsafe(
          `WITH a AS (
             INSERT INTO appointment (id, service_id, location_id, customer_id, requester_user_id, starts_at, ends_at, status, channel,
                                      intake, attachments, notes, rescheduled_from_id, idempotency_key, rule_version, confirmed_at)
             VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::timestamptz, $7::timestamptz, $8::"AppointmentStatus", $9::"Channel",
                     $10::jsonb, $11::jsonb, $12, $13::uuid, $14, $15, $16::timestamptz)
             RETURNING id)
           INSERT INTO reservation (resource_id, appointment_id, session_key, block_start, block_end)
           SELECT x.resource_id, a.id, x.session_key, x.block_start, x.block_end
           FROM a, unnest($17::uuid[], $18::text[], $19::timestamptz[], $20::timestamptz[]) AS x(resource_id, session_key, block_start, block_end)`,
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
        );
      } catch (err) {
        translate(err);
      }
    },

    async insertHold(h: NewHold, reservations: NewReservation[]) {
      try {
        await tx.$executeRawUnsafe(
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
      const rows = await tx.$queryRawUnsafe<
        Array<{ id: string; service_id: string; location_id: string; customer_id: string | null; conversation_id: string | null; starts_at: number; ends_at: number; expires_at: number; res: Array<[string, string]> }>
      >(
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
        await tx.$executeRawUnsafe(
          `UPDATE reservation rv SET appointment_id = $2::uuid, hold_id = NULL,
             session_key = coalesce((SELECT m.new FROM unnest($3::text[], $4::text[]) AS m(old, new) WHERE m.old = rv.session_key), rv.session_key)
           WHERE rv.hold_id = $1::uuid`,
          holdId,
          appointmentId,
          [...renames.keys()],
          [...renames.values()],
        );
        await tx.$executeRawUnsafe(`DELETE FROM hold WHERE id = $1::uuid`, holdId);
      } catch (err) {
        translate(err);
      }
    },

    async lockAppointment(appointmentId) {
      if (!isUuid(appointmentId)) return null;
      const rows = await tx.$queryRawUnsafe<ViewRow[]>(`${VIEW_SQL} WHERE a.id = $1::uuid FOR UPDATE OF a`, appointmentId);
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
      await tx.$executeRawUnsafe(`UPDATE appointment SET ${sets.join(', ')} WHERE id = $1::uuid`, ...params);
    },

    async releaseReservations(appointmentId) {
      await tx.$executeRawUnsafe(`UPDATE reservation SET active = false WHERE appointment_id = $1::uuid AND active`, appointmentId);
    },

    async addEvent(e) {
      await tx.$executeRawUnsafe(
        // History reads in order of \`at\`: an event is never stamped before the previous
        // one of its appointment, even when the injected clock stands still.
        `INSERT INTO appointment_event (appointment_id, actor_type, actor_id, channel, action, before, after, at)
         VALUES ($1::uuid, $2::"ActorType", $3, $4::"Channel", $5, $6::jsonb, $7::jsonb,
                 GREATEST($8::timestamptz, (SELECT max(at) + interval '1 millisecond' FROM appointment_event WHERE appointment_id = $1::uuid)))`,
        e.appointmentId,
        e.actor.type,
        e.actor.id ?? null,
        e.actor.channel ?? null,
        e.action,
        e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
        e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
        e.at.toISOString(),
      );
    },
  };
}

export function createSchedulingStore(db: PrismaClient): SchedulingStore {
  return {
    loadSnapshot: (req) => loadSnapshot(db, req),

    transaction(fn) {
      // Waiting for a lock on a contended resource is normal; give it time.
      return db.$transaction((tx) => fn(createTx(tx)), { maxWait: 30_000, timeout: 30_000 });
    },

    async findAppointmentByIdempotencyKey(key) {
      const rows = await db.$queryRawUnsafe<ViewRow[]>(`${VIEW_SQL} WHERE a.idempotency_key = $1`, key);
      return rows[0] ? toView(rows[0]) : null;
    },

    async getAppointment(id) {
      if (!isUuid(id)) return null;
      const rows = await db.$queryRawUnsafe<ViewRow[]>(`${VIEW_SQL} WHERE a.id = $1::uuid`, id);
      return rows[0] ? toView(rows[0]) : null;
    },

    async getEvents(appointmentId): Promise<AppointmentEventView[]> {
      if (!isUuid(appointmentId)) return [];
      const rows = await db.$queryRawUnsafe<
        Array<{ action: string; actor_type: AppointmentEventView['actorType']; actor_id: string | null; channel: Channel | null; before: unknown; after: unknown; at: number }>
      >(
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
      const rows = await db.$queryRawUnsafe<ViewRow[]>(
        `${VIEW_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.starts_at, a.id LIMIT ${limit + 1}`,
        ...params,
      );
      const items = rows.slice(0, limit).map(toView);
      return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
    },

    async deleteHold(holdId) {
      if (!isUuid(holdId)) return;
      await db.$executeRawUnsafe(`DELETE FROM hold WHERE id = $1::uuid`, holdId);
    },
  };
}
