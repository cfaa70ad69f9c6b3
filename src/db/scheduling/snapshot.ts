import type { Block, ConfigVersions, ResourceRecord, ServiceRecord, Snapshot, SnapshotRequest } from '../../engine/ports.ts';
import type { Sql } from './sql.ts';

// Everything one decision needs, in ONE set-based statement whatever the number of
// resources: service, locations, resources with their hours, busy blocks, round-robin
// counts and customer history. The few small records come as JSON; the bulk (busy
// blocks, counts) comes as parallel arrays, which Postgres builds and node-postgres
// parses far faster than one JSON object per block.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

// Reservations never last longer than this (24 h duration + 24 h of each buffer), so
// the index on (resource_id, block_start) can bound the scan from below.
export const LONGEST_BLOCK = "interval '3 days'";

/**
 * Configuration versions, read from the row versions (xmin) of every row a rule reads.
 * Any insert, update or delete of such a row changes the text, so a write guarded by
 * the text a decision read cannot commit after the configuration changed under it.
 * Parameters: service id, then (for resources) local dates [d1, d2] and instants [t1, t2)
 * bounding the overrides and time off in question.
 */
export const SERVICE_VERSION = (service: string) => `(
  SELECT sv.xmin::text
    || '|' || coalesce((SELECT string_agg(q.id::text || ':' || q.xmin::text, ',' ORDER BY q.id) FROM service_requirement q WHERE q.service_id = sv.id), '')
    || '|' || coalesce((SELECT string_agg(e.resource_id::text || ':' || e.xmin::text, ',' ORDER BY e.resource_id) FROM service_eligibility e WHERE e.service_id = sv.id), '')
  FROM service sv WHERE sv.id = ${service})`;

export const LOCATION_VERSION = (location: string) => `(SELECT lv.xmin::text FROM location lv WHERE lv.id = ${location})`;

export const RESOURCE_VERSION = (resource: string, d1: string, d2: string, t1: string, t2: string) => `(
  SELECT rr.xmin::text
    || '|' || coalesce((SELECT string_agg(w.id::text || ':' || w.xmin::text, ',' ORDER BY w.id) FROM weekly_hours w WHERE w.resource_id = rr.id), '')
    || '|' || coalesce((SELECT string_agg(o.id::text || ':' || o.xmin::text, ',' ORDER BY o.id) FROM date_override o
                        WHERE o.resource_id = rr.id AND o.date BETWEEN ${d1} AND ${d2}), '')
    || '|' || coalesce((SELECT string_agg(t.id::text || ':' || t.xmin::text, ',' ORDER BY t.id) FROM time_off t
                        WHERE t.resource_id = rr.id AND t.starts_at < ${t2} AND t.ends_at > ${t1}), '')
  FROM resource rr WHERE rr.id = ${resource})`;

const ms = (column: string) => `round(date_part('epoch', ${column}) * 1000)`;

export const SNAPSHOT_SQL = `
WITH s AS (
  SELECT * FROM service WHERE id = $2::uuid OR slug = $1
  ORDER BY (id = $2::uuid) IS TRUE DESC, created_at LIMIT 1
),
req AS (SELECT kind::text AS kind, skills FROM service_requirement WHERE service_id = (SELECT id FROM s)),
elig AS (SELECT resource_id FROM service_eligibility WHERE service_id = (SELECT id FROM s)),
loc AS (SELECT l.*, l.xmin::text AS ver FROM location l WHERE l.business_id = (SELECT business_id FROM s) AND l.active),
res AS MATERIALIZED (
  SELECT r.*, (row_number() OVER (ORDER BY r.id) - 1)::int AS ri FROM resource r
  WHERE r.active AND r.location_id IN (SELECT id FROM loc)
    AND (r.kind::text IN (SELECT kind FROM req) OR r.id IN (SELECT resource_id FROM elig))
    AND ($3::uuid[] IS NULL OR r.id = ANY($3::uuid[]))
    AND ($4::uuid IS NULL OR r.location_id = $4::uuid)
),
blk AS (
  SELECT r.ri, ${ms('rv.block_start')} AS s, ${ms('rv.block_end')} AS e, rv.session_key,
         ${ms('coalesce(a.starts_at, h.starts_at)')} AS booked, coalesce(a.service_id, h.service_id) AS service_id,
         coalesce(rv.appointment_id, rv.hold_id) AS owner
  FROM res r
  JOIN reservation rv ON rv.resource_id = r.id AND rv.active
   AND rv.block_start < $8::timestamptz AND rv.block_start > $7::timestamptz - ${LONGEST_BLOCK} AND rv.block_end > $7::timestamptz
  LEFT JOIN appointment a ON a.id = rv.appointment_id
  LEFT JOIN hold h ON h.id = rv.hold_id
  WHERE rv.hold_id IS NULL OR h.expires_at > $9::timestamptz
  UNION ALL
  SELECT r.ri, ${ms('t.starts_at')}, ${ms('t.ends_at')}, NULL, NULL, NULL, NULL
  FROM res r JOIN time_off t ON t.resource_id = r.id AND t.starts_at < $8::timestamptz AND t.ends_at > $7::timestamptz
),
-- Round robin counts by the resource's local month. Month boundaries are computed
-- once per (zone, month) and appointments are matched by range, instead of
-- converting every appointment's start to local time.
mr AS MATERIALIZED (
  SELECT z.tz, m.month,
         (m.month || '-01')::timestamp AT TIME ZONE z.tz AS lo,
         ((m.month || '-01')::date + interval '1 month')::timestamp AT TIME ZONE z.tz AS hi
  FROM (SELECT DISTINCT time_zone AS tz FROM res) z, unnest($10::text[]) AS m(month)
),
cnt AS (
  SELECT rv.resource_id, mr.month, count(DISTINCT rv.session_key)::int AS n
  FROM res r JOIN mr ON mr.tz = r.time_zone
  JOIN reservation rv ON rv.resource_id = r.id AND rv.appointment_id IS NOT NULL
   AND rv.block_start >= mr.lo - ${LONGEST_BLOCK} AND rv.block_start < mr.hi
  JOIN appointment a ON a.id = rv.appointment_id
  WHERE a.service_id = (SELECT id FROM s) AND a.status <> 'canceled' AND a.starts_at >= mr.lo AND a.starts_at < mr.hi
  GROUP BY 1, 2
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
  (SELECT coalesce(json_agg(json_build_object('id', id, 'timeZone', time_zone, 'postalCodes', postal_codes, 'active', active)), '[]') FROM loc) AS locations,
  (SELECT coalesce(json_agg(json_build_object(
      'id', r.id, 'locationId', r.location_id, 'kind', r.kind, 'name', r.name, 'timeZone', r.time_zone,
      'skills', r.skills, 'languages', r.languages, 'capacity', r.capacity, 'maxDailyBookings', r.max_daily_bookings,
      'routingWeight', r.routing_weight, 'active', r.active,
      'weeklyHours', (SELECT coalesce(json_agg(json_build_object('weekday', w.weekday, 'startTime', w.start_time, 'endTime', w.end_time)), '[]')
                      FROM weekly_hours w WHERE w.resource_id = r.id),
      'overrides', (SELECT coalesce(json_agg(json_build_object('date', o.date, 'startTime', o.start_time, 'endTime', o.end_time)), '[]')
                    FROM date_override o WHERE o.resource_id = r.id AND o.date BETWEEN $5 AND $6)) ORDER BY r.ri), '[]')
   FROM res r) AS resources,
  b.*, c.*,
  (SELECT json_build_object('id', cu.id, 'language', cu.language, 'postalCode', cu.postal_code,
      'previousResourceIds', (SELECT coalesce(json_agg(p.resource_id ORDER BY p.last DESC, p.resource_id), '[]') FROM (
         SELECT rv.resource_id, max(a.starts_at) AS last
         FROM appointment a JOIN reservation rv ON rv.appointment_id = a.id
         WHERE a.customer_id = cu.id AND a.status <> 'canceled' AND a.starts_at < $9::timestamptz
         GROUP BY rv.resource_id) p))
   FROM customer cu WHERE cu.id = $11::uuid) AS customer,
  -- Only for decisions that will be written: what the guarded write compares.
  CASE WHEN $12::boolean THEN ${SERVICE_VERSION('(SELECT id FROM s)')} END AS service_version,
  CASE WHEN $12::boolean THEN (SELECT json_object_agg(id, ver) FROM loc) END AS location_versions,
  CASE WHEN $12::boolean THEN (SELECT json_object_agg(r.id, ${RESOURCE_VERSION('r.id', '$5', '$6', '$7::timestamptz', '$8::timestamptz')}) FROM res r) END AS resource_versions,
  -- Resources with an expired hold still holding time in the window: a write there
  -- must first delete it, or the exclusion constraint would refuse the booking.
  CASE WHEN $12::boolean THEN (
    SELECT array_agg(DISTINCT rv.resource_id) FROM res r
    JOIN reservation rv ON rv.resource_id = r.id AND rv.active AND rv.hold_id IS NOT NULL
     AND rv.block_start < $8::timestamptz AND rv.block_start > $7::timestamptz - ${LONGEST_BLOCK} AND rv.block_end > $7::timestamptz
    JOIN hold h ON h.id = rv.hold_id AND h.expires_at <= $9::timestamptz) END AS expired_holds
-- Blocks as one text, a line per block: "ri,start,end" for time off, and
-- "ri,start,end,booked,service,owner[,session]" for a reservation, where ri is the
-- resource's position in "resources", times are epoch ms, service is empty for the
-- snapshot's own service and session is left out when it is the owner's id (every
-- one-to-one booking). Formatting and splitting it costs a fraction of what arrays
-- of uuids or a JSON object per block cost, on both sides.
FROM (SELECT string_agg(CASE WHEN owner IS NULL THEN concat_ws(',', ri, s::int8, e::int8)
                             ELSE concat_ws(',', ri, s::int8, e::int8, booked::int8,
                                            CASE WHEN service_id = (SELECT id FROM s) THEN '' ELSE service_id::text END, owner,
                                            CASE WHEN session_key <> owner::text THEN session_key END) END, E'\n') AS blocks FROM blk) b,
     (SELECT array_agg(resource_id) AS c_res, array_agg(month) AS c_month, array_agg(n) AS c_n FROM cnt) c
`;

interface SnapshotRow {
  service: ServiceRecord | null;
  locations: Snapshot['locations'];
  resources: ResourceRecord[];
  blocks: string | null;
  c_res: string[] | null;
  c_month: string[] | null;
  c_n: number[] | null;
  customer: Snapshot['customer'];
  service_version: string | null;
  location_versions: Record<string, string> | null;
  resource_versions: Record<string, string> | null;
  expired_holds: string[] | null;
}

export function calendarDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date and instant bounds of a snapshot, shared by the read and the guarded write. */
export function windowOf(req: Pick<SnapshotRequest, 'from' | 'to'>) {
  const from = req.from.getTime();
  const to = req.to.getTime();
  return { d1: calendarDay(from - 86_400_000), d2: calendarDay(to + 86_400_000), t1: req.from.toISOString(), t2: req.to.toISOString() };
}

export async function loadSnapshot(sql: Sql, req: SnapshotRequest): Promise<Snapshot | null> {
  const months = [...req.months].sort();
  const customerId = req.customerId && isUuid(req.customerId) ? req.customerId : null;
  const ids = req.resourceIds?.filter(isUuid) ?? null;
  const w = windowOf(req);
  const rows = await sql.query<SnapshotRow>({
    name: 'scheduling_snapshot',
    text: SNAPSHOT_SQL,
    values: [
      req.service,
      isUuid(req.service) ? req.service : null,
      ids,
      req.locationId && isUuid(req.locationId) ? req.locationId : null,
      w.d1,
      w.d2,
      w.t1,
      w.t2,
      req.now.toISOString(),
      months,
      customerId,
      req.withVersions === true,
    ],
  });
  const row = rows[0];
  if (!row?.service) return null;
  if (req.locationId && !isUuid(req.locationId)) row.resources = [];
  const blocks = row.blocks ? parseBlocks(row.blocks, row.resources, row.service.id) : [];
  const monthlyCounts = new Map<string, Map<string, number>>();
  const m = row.c_res?.length ?? 0;
  for (let i = 0; i < m; i++) {
    const resourceId = row.c_res![i]!;
    let perMonth = monthlyCounts.get(resourceId);
    if (!perMonth) monthlyCounts.set(resourceId, (perMonth = new Map()));
    perMonth.set(row.c_month![i]!, Number(row.c_n![i]));
  }
  const snapshot: Snapshot = { service: row.service, locations: row.locations, resources: row.resources, blocks, monthlyCounts, customer: row.customer };
  if (req.withVersions && row.service_version !== null) {
    const versions: ConfigVersions = {
      from: req.from,
      to: req.to,
      service: row.service_version,
      locations: new Map(Object.entries(row.location_versions ?? {})),
      resources: new Map(Object.entries(row.resource_versions ?? {})),
      expiredHoldResourceIds: row.expired_holds ?? [],
    };
    snapshot.versions = versions;
  }
  return snapshot;
}

/** Reads the block lines of SNAPSHOT_SQL (format described there). */
function parseBlocks(text: string, resources: ResourceRecord[], serviceId: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.split('\n')) {
    const f = line.split(',');
    const resourceId = resources[Number(f[0])]!.id;
    const start = new Date(Number(f[1]));
    const end = new Date(Number(f[2]));
    if (f.length === 3) {
      blocks.push({ resourceId, start, end, sessionKey: null, bookedStart: null, serviceId: null, ownerId: null });
      continue;
    }
    const owner = f[5]!;
    blocks.push({
      resourceId,
      start,
      end,
      // Keys are ids, "hold:<id>" or "<service id>:<ISO instant>"; rejoining the rest would keep any other key whole.
      sessionKey: f.length > 6 ? f.slice(6).join(',') : owner,
      bookedStart: new Date(Number(f[3])),
      serviceId: f[4] === '' ? serviceId : f[4]!,
      ownerId: owner,
    });
  }
  return blocks;
}
