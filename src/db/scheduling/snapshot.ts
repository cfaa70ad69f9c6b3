import type { Block, ResourceRecord, ServiceRecord, Snapshot, SnapshotRequest } from '../../engine/ports.ts';
import { MINUTE, localDate } from '../../engine/time.ts';
import { findService, readConfig, snapshotResources, type CachedResource, type ScheduleConfig } from './config.ts';
import type { BusyAnswer, BusyCache, BusyQuery } from './busy.ts';
import type { Sql } from './sql.ts';
import { RecentWrites } from './written.ts';

// A decision's snapshot = the cached configuration (config.ts) + what changes with every
// booking, read in ONE statement together with the configuration's version: busy
// blocks of the listed resources, the round-robin counts that are not cached, and the
// customer's history. When that version is not the cached one the configuration is
// reloaded and the statement repeated, so every snapshot is consistent with one
// version. A snapshot without reservations (for a one-to-one booking, whose overlap
// the exclusion constraint decides) may need no statement at all: its write is
// guarded by the version, so a stale cache can only cost a retry. Outside a
// transaction the busy blocks come from the store's in-memory copy (busy.ts), and the
// statement reads only what changed since that copy's snapshot; a search with its
// counts cached and no customer then runs the small BUSY_SQL instead.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

// Reservations never last longer than this (24 h duration + 24 h of each buffer), so
// the index on (resource_id, block_start) can bound the scan from below.
export const LONGEST_BLOCK = "interval '3 days'";

/**
 * Round-robin counts are routing preference, not a rule, so they are cached per
 * (service, local month) for this long instead of counting a month of appointments on
 * every request; older ones are still used while one background read refreshes them.
 * Bookings this process commits are added at once (noteBooking) and any other write
 * through the store drops the cache, so in one process the counts are exact; writes
 * by other processes show up within about this delay.
 */
const COUNTS_TTL_MS = 1_000;
const READ_ATTEMPTS = 5;

const ms = (column: string) => `round(date_part('epoch', ${column}) * 1000)`;

/**
 * CTEs chg, want and busy: the in-memory reservations' delta (busy.ts) for the
 * resources of uuid[] `ids`, asked for by json `q` (null or { asOf, lo, hi, missing }).
 */
function busyDelta(ids: string, q: string): string {
  return `old AS (SELECT (${q}::json->>'asOf')::pg_snapshot AS s WHERE ${q}::json->>'asOf' IS NOT NULL),
chg AS (
  SELECT DISTINCT c.resource_id, c.day FROM old, busy_change c
  WHERE c.xid >= pg_snapshot_xmin(old.s)::text::bigint AND NOT pg_visible_in_snapshot(c.xid::text::xid8, old.s)
),
want AS (
  SELECT p.ri, p.day FROM json_to_recordset(${q}::json->'missing') AS p(ri int, day int)
  UNION
  SELECT array_position(${ids}::uuid[], chg.resource_id) - 1, chg.day FROM chg
  WHERE chg.resource_id = ANY(${ids}::uuid[]) AND chg.day BETWEEN (${q}::json->>'lo')::int AND (${q}::json->>'hi')::int
),
busy AS (
  SELECT w.ri, w.day, ${ms('rv.block_start')} AS s, ${ms('rv.block_end')} AS e, rv.session_key,
         ${ms('coalesce(a.starts_at, h.starts_at)')} AS booked, coalesce(a.service_id, h.service_id) AS service_id,
         coalesce(rv.appointment_id, rv.hold_id) AS owner, ${ms('h.expires_at')} AS expires
  FROM want w
  JOIN reservation rv ON rv.resource_id = (${ids}::uuid[])[w.ri + 1] AND rv.active
   AND rv.block_start >= to_timestamp(w.day * 86400::float8) AND rv.block_start < to_timestamp((w.day + 1) * 86400::float8)
  LEFT JOIN appointment a ON a.id = rv.appointment_id
  LEFT JOIN hold h ON h.id = rv.hold_id
)`;
}

/** busyDelta's answer: the statement's snapshot, "resource,day" lines and "ri,day,start,end,booked,service,owner,holdExpires[,session]" lines. */
const BUSY_COLUMNS = `
  pg_current_snapshot()::text AS as_of,
  (SELECT string_agg(concat_ws(',', resource_id, day), E'\\n') FROM chg) AS changed,
  (SELECT string_agg(concat_ws(',', ri, day, s::int8, e::int8, booked::int8, service_id, owner, coalesce(expires::int8::text, ''),
                               CASE WHEN session_key <> owner::text THEN session_key END), E'\\n') FROM busy) AS busy`;

export const DYNAMIC_SQL = `
WITH blk AS (
  -- Filtering by = ANY (not a join with the list) keeps the prepared statement's
  -- generic plan on the (resource_id, block_start) index whatever the list's length.
  SELECT array_position($1::uuid[], rv.resource_id) - 1 AS ri, ${ms('rv.block_start')} AS s, ${ms('rv.block_end')} AS e, rv.session_key,
         ${ms('coalesce(a.starts_at, h.starts_at)')} AS booked, coalesce(a.service_id, h.service_id) AS service_id,
         coalesce(rv.appointment_id, rv.hold_id) AS owner
  FROM reservation rv
  LEFT JOIN appointment a ON a.id = rv.appointment_id
  LEFT JOIN hold h ON h.id = rv.hold_id
  WHERE rv.resource_id = ANY($1::uuid[]) AND rv.active
    AND rv.block_start < $3::timestamptz AND rv.block_start > $2::timestamptz - ${LONGEST_BLOCK} AND rv.block_end > $2::timestamptz
    AND (rv.hold_id IS NULL OR h.expires_at > $4::timestamptz)
),
cr AS (SELECT * FROM unnest($7::uuid[], $8::text[]) AS x(id, tz)),
${busyDelta('$1', '$11')},
-- Month boundaries once per (zone, month); appointments are matched by range instead
-- of converting every start to local time.
mr AS MATERIALIZED (
  SELECT z.tz, m.month,
         (m.month || '-01')::timestamp AT TIME ZONE z.tz AS lo,
         ((m.month || '-01')::date + interval '1 month')::timestamp AT TIME ZONE z.tz AS hi
  FROM (SELECT DISTINCT tz FROM cr) z, unnest($9::text[]) AS m(month)
),
cnt AS (
  SELECT rv.resource_id, mr.month, count(DISTINCT rv.session_key)::int AS n
  FROM cr JOIN mr ON mr.tz = cr.tz
  JOIN reservation rv ON rv.resource_id = cr.id AND rv.appointment_id IS NOT NULL
   AND rv.block_start >= mr.lo - ${LONGEST_BLOCK} AND rv.block_start < mr.hi
  JOIN appointment a ON a.id = rv.appointment_id
  WHERE a.service_id = $6::uuid AND a.status <> 'canceled' AND a.starts_at >= mr.lo AND a.starts_at < mr.hi
  GROUP BY 1, 2
)
SELECT
  (SELECT version::text FROM schedule_version) AS version,
  -- A line per block: "ri,start,end,booked,service,owner[,session]", ri the resource's
  -- position in $1, times epoch ms, service empty for $6 and session left out when it
  -- is the owner's id (every one-to-one booking). Formatting and splitting this costs a
  -- fraction of what arrays of uuids or a JSON object per block cost, on both sides.
  CASE WHEN $5::boolean THEN (
    SELECT string_agg(concat_ws(',', ri, s::int8, e::int8, booked::int8,
                                CASE WHEN service_id = $6::uuid THEN '' ELSE service_id::text END, owner,
                                CASE WHEN session_key <> owner::text THEN session_key END), E'\\n') FROM blk) END AS blocks,
  -- "resource,month,n" lines.
  (SELECT string_agg(concat_ws(',', resource_id, month, n), E'\\n') FROM cnt) AS counts,
  (SELECT json_build_object('id', cu.id, 'language', cu.language, 'postalCode', cu.postal_code,
      'previousResourceIds', (SELECT coalesce(json_agg(p.resource_id ORDER BY p.last DESC, p.resource_id), '[]') FROM (
         SELECT rv.resource_id, max(a.starts_at) AS last
         FROM appointment a JOIN reservation rv ON rv.appointment_id = a.id
         WHERE a.customer_id = cu.id AND a.status <> 'canceled' AND a.starts_at < $4::timestamptz
         GROUP BY rv.resource_id) p))
   FROM customer cu WHERE cu.id = $10::uuid) AS customer,
${BUSY_COLUMNS}
`;

/**
 * A search's usual statement: the configuration version and the reservations' delta
 * alone (round-robin counts cached, no customer). Small enough that Postgres keeps one
 * generic plan for it instead of planning DYNAMIC_SQL on every call.
 * $1: resource ids, $2: the delta asked for (BusyQuery).
 */
export const BUSY_SQL = `
WITH ${busyDelta('$1', '$2')}
SELECT (SELECT version::text FROM schedule_version) AS version, NULL AS blocks, NULL AS counts, NULL::json AS customer,${BUSY_COLUMNS}
`;

interface DynamicRow extends BusyAnswer {
  version: string;
  blocks: string | null;
  counts: string | null;
  customer: Snapshot['customer'];
}

/** The configuration cache and the round-robin counts of one store (shared by its transactions). */
export class ScheduleCache {
  /** Reservations this store wrote lately, for the decisions that read none (written.ts). */
  readonly written = new RecentWrites();
  private config: ScheduleConfig | null = null;
  private loading: Promise<ScheduleConfig> | null = null;
  private readonly counts = new Map<string, { at: number; n: Map<string, number> }>();
  private readonly refreshing = new Map<string, Promise<void>>();

  async current(sql: Sql): Promise<ScheduleConfig> {
    return this.config ?? this.reload(sql);
  }

  /** Reads the configuration again; concurrent callers share one read. */
  reload(sql: Sql): Promise<ScheduleConfig> {
    this.loading ??= readConfig(sql).then(
      (config) => {
        this.loading = null;
        this.config = config;
        return config;
      },
      (err: unknown) => {
        this.loading = null;
        throw err;
      },
    );
    return this.loading;
  }

  /** The cached configuration, if any, without reading anything. */
  peek(): ScheduleConfig | null {
    return this.config;
  }

  /** A guarded write found another version: the cached configuration is stale. */
  dropConfig(): void {
    this.config = null;
  }

  /** Some booking changed in a way the counts cannot follow cheaply (cancel, reschedule, hold): count again. */
  dropCounts(): void {
    this.counts.clear();
  }

  /** Months with no counts at all: the snapshot must read them. */
  missingMonths(serviceId: string, months: string[]): string[] {
    return months.filter((m) => !this.counts.has(`${serviceId}|${m}`));
  }

  /**
   * Months whose counts are older than COUNTS_TTL_MS: used as they are while one read
   * refreshes them. When any month asked for has expired, every expired month of the
   * service is named, so one read refreshes them all: one read per service and TTL
   * instead of one per month, each of which would find its neighbours' reads under way.
   */
  expiredMonths(serviceId: string, months: string[]): string[] {
    const now = performance.now();
    const expired = (m: string) => {
      const c = this.counts.get(`${serviceId}|${m}`);
      return c !== undefined && now - c.at >= COUNTS_TTL_MS;
    };
    if (!months.some(expired)) return [];
    const prefix = `${serviceId}|`;
    const all: string[] = [];
    for (const key of this.counts.keys()) {
      if (key.startsWith(prefix) && expired(key.slice(prefix.length))) all.push(key.slice(prefix.length));
    }
    return all.sort();
  }

  /**
   * Runs `read` unless a read of this service's counts is already under way, and
   * returns the one under way: concurrent requests share one count.
   */
  readCounts(serviceId: string, read: () => Promise<void>): Promise<void> {
    let done = this.refreshing.get(serviceId);
    if (!done) {
      done = read()
        // Counts only steer routing; a failed read leaves the old ones for the next try.
        .catch(() => {})
        .finally(() => this.refreshing.delete(serviceId));
      this.refreshing.set(serviceId, done);
    }
    return done;
  }

  storeCounts(serviceId: string, months: string[], text: string | null, at: number): void {
    const fresh = new Map(months.map((m) => [m, new Map<string, number>()] as const));
    if (text) {
      for (const line of text.split('\n')) {
        const [resourceId, month, n] = line.split(',');
        fresh.get(month!)?.set(resourceId!, Number(n));
      }
    }
    for (const [month, n] of fresh) this.counts.set(`${serviceId}|${month}`, { at, n });
  }

  /** A one-to-one booking this store just wrote: one more session for each resource in its local month. */
  noteBooking(serviceId: string, resourceIds: string[], startMs: number): void {
    for (const id of resourceIds) {
      const zone = this.config?.resources.find((r) => r.record.id === id)?.record.timeZone;
      const c = zone ? this.counts.get(`${serviceId}|${localDate(startMs, zone).slice(0, 7)}`) : undefined;
      if (c) c.n.set(id, (c.n.get(id) ?? 0) + 1);
    }
  }

  monthlyCounts(serviceId: string, months: string[]): Map<string, Map<string, number>> {
    const out = new Map<string, Map<string, number>>();
    for (const month of months) {
      const c = this.counts.get(`${serviceId}|${month}`);
      if (!c) continue;
      for (const [resourceId, n] of c.n) {
        let perMonth = out.get(resourceId);
        if (!perMonth) out.set(resourceId, (perMonth = new Map()));
        perMonth.set(month, n);
      }
    }
    return out;
  }
}

function calendarDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** DYNAMIC_SQL's parameters by name; dynamicValues is the one place that knows their positions. */
interface DynamicParams {
  /** $1: whose blocks are read. */
  resourceIds: string[];
  /** $2, $3: the window of blocks. */
  from: Date;
  to: Date;
  /** $4: holds expired by then are no blocks; history before it is the customer's. */
  now: Date;
  /** $5: false reads no blocks at all. */
  withBlocks: boolean;
  /** $6: the service (its id is left out of block lines). */
  serviceId: string | null;
  /** $7–$9: the round-robin counts to read; the resource lists are only sent when months are counted. */
  count: { resources: CachedResource[]; months: string[] };
  /** $10: whose history is read. */
  customerId: string | null;
  /** $11: the in-memory reservations' delta to read (busy.ts), if any. */
  busy?: BusyQuery;
}

function dynamicValues(p: DynamicParams): unknown[] {
  const counting = p.serviceId !== null && p.count.months.length > 0;
  return [
    p.resourceIds,
    p.from.toISOString(),
    p.to.toISOString(),
    p.now.toISOString(),
    p.withBlocks,
    p.serviceId,
    counting ? p.count.resources.map((r) => r.record.id) : [],
    counting ? p.count.resources.map((r) => r.record.timeZone) : [],
    counting ? p.count.months : [],
    p.customerId,
    p.busy ? JSON.stringify(p.busy) : null,
  ];
}

/** The blocks, the counts asked for and the customer in one statement, with the configuration version they were read at. */
async function readDynamic(sql: Sql, p: DynamicParams): Promise<DynamicRow> {
  const rows = await sql.query<DynamicRow>({
    // Counting is planned for its actual months and resources: a generic plan of the
    // count (row estimates for unknown ranges) nests loops and takes 100× longer.
    // Without counts the prepared generic plan is the fast one.
    name: p.count.months.length ? undefined : 'scheduling_dynamic',
    text: DYNAMIC_SQL,
    values: dynamicValues(p),
  });
  return rows[0]!;
}

/** What one attempt of a snapshot read works with, all chosen from one configuration version. */
interface SnapshotRead {
  cache: ScheduleCache;
  sql: Sql;
  req: SnapshotRequest;
  config: ScheduleConfig;
  service: ServiceRecord;
  months: string[];
  picked: Picked;
  /** Every resource the service could route to, whatever this request narrows to: what counts cover. */
  counted: CachedResource[];
}

type Picked = ReturnType<typeof snapshotResources>;

/**
 * A snapshot for `req`. With `busy` (outside a transaction) reservations come from that
 * in-memory copy, brought up to date by the same statement; inside a transaction they
 * are read as they are, under the transaction's locks.
 */
export async function loadSnapshot(cache: ScheduleCache, sql: Sql, req: SnapshotRequest, busy: BusyCache | null = null): Promise<Snapshot | null> {
  const months = [...new Set(req.months)].sort();
  const customerId = req.customerId && isUuid(req.customerId) ? req.customerId : null;
  const withBlocks = req.reservations !== false;
  for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
    const config = await cache.current(sql);
    const service = findService(config, req.service, isUuid(req.service));
    const read: SnapshotRead | null = service
      ? { cache, sql, req, config, service, months, picked: pickResources(config, service, req), counted: snapshotResources(config, service).resources }
      : null;
    let missing = read ? cache.missingMonths(read.service.id, months) : [];
    if (read) {
      const expired = cache.expiredMonths(read.service.id, months);
      // Not awaited: this request routes on the expired counts.
      if (expired.length) void cache.readCounts(read.service.id, () => readCountsOnly(read, expired));
      if (!withBlocks && !customerId) {
        // One read of a service's counts at a time, shared by every request waiting on it;
        // a request whose months it did not cover starts the next one. (Each reading its
        // own, 16 concurrent bookings of a fresh process ran ~16 count statements at once.)
        for (let round = 0; missing.length && round < READ_ATTEMPTS; round++) {
          await cache.readCounts(read.service.id, () => readCountsOnly(read, missing));
          missing = cache.missingMonths(read.service.id, months);
        }
        // Still missing (the shared reads failed): this request reads its own below.
        if (missing.length === 0) return build(read, ownWrites(read), null);
      }
    }
    const at = performance.now();
    const params: DynamicParams = {
      resourceIds: read?.picked.resources.map((r) => r.record.id) ?? [],
      from: req.from,
      to: req.to,
      now: req.now,
      withBlocks,
      serviceId: read?.service.id ?? null,
      count: { resources: read?.counted ?? [], months: missing },
      customerId,
    };
    const cached = busy && withBlocks && read ? busy : null;
    const row = cached ? await readWithBusy(sql, cached, params) : await readDynamic(sql, params);
    if (row.version !== config.version) {
      // Everything above was chosen with another configuration: read it and start over.
      await cache.reload(sql);
      continue;
    }
    if (!read) return null;
    cache.storeCounts(read.service.id, missing, row.counts, at);
    const blocks = !withBlocks
      ? ownWrites(read)
      : cached
        ? cached.blocks(params.resourceIds, req.from.getTime(), req.to.getTime(), req.now.getTime())
        : parseBlocks(row.blocks, read.service.id, params.resourceIds);
    return build(read, blocks, row.customer);
  }
  throw new Error('The scheduling configuration kept changing while a snapshot was read.');
}

/** DYNAMIC_SQL without its block lines, bringing `busy` up to date for these resources instead. */
function readWithBusy(sql: Sql, busy: BusyCache, p: DynamicParams): Promise<DynamicRow> {
  return busy.exclusive(async () => {
    for (;;) {
      const q = busy.query(p.resourceIds, p.from.getTime(), p.to.getTime());
      const row =
        p.count.months.length === 0 && p.customerId === null
          ? (await sql.query<DynamicRow>({ name: 'scheduling_busy', text: BUSY_SQL, values: [p.resourceIds, JSON.stringify(q)] }))[0]!
          : await readDynamic(sql, { ...p, withBlocks: false, busy: q });
      // false: the copy was too old to bring up to date and is now empty; read it whole.
      if (busy.apply(p.resourceIds, q, row)) return row;
    }
  });
}

/**
 * A snapshot without reservations still lists those this store wrote lately that a
 * booking at `decidingAt` could meet: they steer a blind pick away from refusals.
 */
function ownWrites(r: SnapshotRead): Block[] {
  const at = r.req.decidingAt?.getTime();
  if (at === undefined) return [];
  const { bufferBeforeMinutes, bufferAfterMinutes, durationMinutes, maxDurationMinutes } = r.service;
  const longest = Math.max(durationMinutes, maxDurationMinutes ?? 0);
  return r.cache.written.blocks(
    r.picked.resources.map((c) => c.record.id),
    at - bufferBeforeMinutes * MINUTE,
    at + (longest + bufferAfterMinutes) * MINUTE,
  );
}

function pickResources(config: ScheduleConfig, service: ServiceRecord, req: SnapshotRequest): Picked {
  const picked = snapshotResources(config, service, { resourceIds: req.resourceIds, locationId: req.locationId });
  if (req.locationId && !isUuid(req.locationId)) picked.resources = [];
  return picked;
}

/** Reads only the round-robin counts of these months into the cache. */
async function readCountsOnly(r: SnapshotRead, months: string[]): Promise<void> {
  const at = performance.now();
  const row = await readDynamic(r.sql, {
    resourceIds: [],
    from: r.req.from,
    to: r.req.to,
    now: r.req.now,
    withBlocks: false,
    serviceId: r.service.id,
    count: { resources: r.counted, months },
    customerId: null,
  });
  r.cache.storeCounts(r.service.id, months, row.counts, at);
}

function build(r: SnapshotRead, blocks: Block[], customer: Snapshot['customer']): Snapshot {
  const { req, service, picked } = r;
  const from = req.from.getTime();
  const to = req.to.getTime();
  // Overrides are by local date: a day either side covers every zone's dates in the window.
  const d1 = calendarDay(from - 86_400_000);
  const d2 = calendarDay(to + 86_400_000);
  const resources = picked.resources.map((c) => recordIn(c, d1, d2));
  for (const c of picked.resources) {
    for (const [s, e] of c.timeOff) {
      if (s < to && e > from) {
        blocks.push({ resourceId: c.record.id, start: new Date(s), end: new Date(e), sessionKey: null, bookedStart: null, serviceId: null, ownerId: null });
      }
    }
  }
  const snapshot: Snapshot = {
    service,
    locations: picked.locations,
    resources,
    blocks,
    monthlyCounts: r.cache.monthlyCounts(service.id, r.months),
    customer,
  };
  if (req.withVersions) snapshot.versions = { schedule: r.config.version };
  return snapshot;
}

// A resource without overrides is the same record in every snapshot of its
// configuration version: built once, and the planner's per-record caches keep working.
const withoutOverrides = new WeakMap<CachedResource, ResourceRecord>();

/** The resource as a snapshot lists it, with its overrides dated d1 to d2. */
function recordIn(c: CachedResource, d1: string, d2: string): ResourceRecord {
  if (c.overrides.length === 0) {
    let r = withoutOverrides.get(c);
    if (!r) withoutOverrides.set(c, (r = { ...c.record, overrides: [] }));
    return r;
  }
  return { ...c.record, overrides: c.overrides.filter((o) => o.date >= d1 && o.date <= d2) };
}

/** Reads the block lines of DYNAMIC_SQL (format described there); ri is the resource's position in `resourceIds` ($1). */
function parseBlocks(text: string | null, serviceId: string, resourceIds: string[]): Block[] {
  const blocks: Block[] = [];
  for (const line of text ? text.split('\n') : []) {
    const f = line.split(',');
    const owner = f[5]!;
    blocks.push({
      resourceId: resourceIds[Number(f[0])]!,
      start: new Date(Number(f[1])),
      end: new Date(Number(f[2])),
      // Keys are ids, "hold:<id>" or "<service id>:<ISO instant>"; rejoining the rest would keep any other key whole.
      sessionKey: f.length > 6 ? f.slice(6).join(',') : owner,
      bookedStart: new Date(Number(f[3])),
      serviceId: f[4] === '' ? serviceId : f[4]!,
      ownerId: owner,
    });
  }
  return blocks;
}
