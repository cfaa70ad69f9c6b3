import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createAppContext, type AppContext } from '../src/context.ts';
import { createPrisma, type PrismaClient } from '../src/db/client.ts';
import { createSchedulingStore } from '../src/db/scheduling/store.ts';
import type { Scheduler } from '../src/engine/api.ts';
import { createScheduler } from '../src/engine/scheduler.ts';
import { createLogger } from '../src/log.ts';
import { benchDatabase, fmt, percentile, timeMs } from './support.ts';

// Engine figures (issue 3):
// - slot search over 30 days, 50 eligible staff with a lunch break, 1,000 existing
//   appointments: p50/p95 of the engine call and of GET /api/v1/availability;
// - booking under contention, 16 clients on 20 resources: bookings/s through the
//   engine vs. single-row INSERT transactions/s on the same Postgres, and the ratio.

const NOW = new Date('2026-11-30T12:00:00Z');
const ZONE = 'America/New_York';
const TOKEN = 'bench-admin-token-0123456789';
const CLIENTS = 16;
const THROUGHPUT_MS = 5_000;

export async function seed(db: PrismaClient) {
  const business = await db.business.create({ data: { name: 'Bench Salon', timeZone: ZONE } });
  const main = await db.location.create({ data: { businessId: business.id, name: 'Main', timeZone: ZONE, address: '1 Main St' } });
  const annex = await db.location.create({ data: { businessId: business.id, name: 'Annex', timeZone: ZONE, address: '2 Side St' } });
  const hours = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, startTime: '09:00', endTime: '12:00' },
    { weekday, startTime: '13:00', endTime: '17:00' },
  ]);
  const makeStaff = async (locationId: string, n: number, skill: string) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await db.resource.create({
        data: { locationId, kind: 'staff', name: `${skill} ${i}`, timeZone: ZONE, skills: [skill], languages: ['en'], weeklyHours: { create: hours } },
      });
      ids.push(r.id);
    }
    return ids;
  };
  const searchStaff = await makeStaff(main.id, 50, 'cut');
  const bookStaff = await makeStaff(annex.id, 20, 'massage');
  const search = await db.service.create({
    data: { businessId: business.id, name: 'Haircut', slug: 'haircut', durationMinutes: 30, bufferAfterMinutes: 10, slotStepMinutes: 15, requirements: { create: [{ kind: 'staff', skills: ['cut'] }] } },
  });
  await db.service.create({
    data: { businessId: business.id, name: 'Massage', slug: 'massage', durationMinutes: 30, slotStepMinutes: 30, maxHorizonDays: 90, requirements: { create: [{ kind: 'staff', skills: ['massage'] }] } },
  });
  return { searchStaff, bookStaff, searchServiceId: search.id, locationId: main.id };
}

/** 1,000 non-overlapping appointments over December for the 50 search staff, written directly. */
export async function seedAppointments(pool: pg.Pool, serviceId: string, locationId: string, staff: string[]) {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const taken = new Set<string>();
  const rows: Array<[string, string]> = [];
  while (rows.length < 1000) {
    const day = 1 + Math.floor(random() * 31);
    const date = new Date(Date.UTC(2026, 11, day));
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    const slot = Math.floor(random() * 14);
    const hour = slot < 6 ? 14 + slot / 2 : 18 + (slot - 6) / 2;
    const start = new Date(date.getTime() + hour * 3600_000);
    const who = staff[Math.floor(random() * staff.length)]!;
    // Neighbouring half-hours stay free so the 10-minute after-buffer never overlaps.
    const key = (k: number) => `${who}:${day}:${k}`;
    if (taken.has(key(slot - 1)) || taken.has(key(slot)) || taken.has(key(slot + 1))) continue;
    taken.add(key(slot));
    rows.push([who, start.toISOString()]);
  }
  await pool.query(
    `WITH x AS (SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) AS x(resource_id, starts_at)),
          a AS (INSERT INTO appointment (service_id, location_id, starts_at, ends_at, status, channel, rule_version)
                SELECT $3, $4, starts_at, starts_at + interval '30 minutes', 'confirmed', 'api', 1 FROM x RETURNING id, starts_at),
          n AS (SELECT a.id, a.starts_at, row_number() OVER (ORDER BY a.starts_at, a.id) AS i FROM a),
          m AS (SELECT x.resource_id, x.starts_at, row_number() OVER (ORDER BY x.starts_at, x.resource_id) AS i FROM x)
     INSERT INTO reservation (resource_id, appointment_id, session_key, block_start, block_end)
     SELECT m.resource_id, n.id, n.id::text, n.starts_at, n.starts_at + interval '40 minutes' FROM n JOIN m ON m.i = n.i`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), serviceId, locationId],
  );
}

async function slotSearch(scheduler: Scheduler, ctx: AppContext) {
  const from = new Date('2026-12-01T00:00:00Z');
  const to = new Date('2026-12-31T00:00:00Z');
  const q = { service: 'haircut', from, to };
  const count = (await scheduler.findSlots(q)).length;
  for (let i = 0; i < 20; i++) await scheduler.findSlots(q);
  const engine: number[] = [];
  for (let i = 0; i < 200; i++) engine.push(await timeMs(() => scheduler.findSlots(q)));

  console.log(`slot search, 30 days, 50 staff, 1,000 appointments (${count} slots):`);
  console.log(`  engine findSlots   p50 ${fmt(percentile(engine, 50))} ms   p95 ${fmt(percentile(engine, 95))} ms   (target p95 ≤ 10 ms)`);
  try {
    const http = await httpLatencies(ctx, from, to);
    console.log(`  GET /availability  p50 ${fmt(percentile(http, 50))} ms   p95 ${fmt(percentile(http, 95))} ms`);
  } catch (err) {
    console.log(`  GET /availability  not measured: ${(err as Error).message}`);
  }
}

async function httpLatencies(ctx: AppContext, from: Date, to: Date): Promise<number[]> {
  // Loaded here so the engine figures do not depend on the HTTP stack importing.
  const { createHttpApp } = await import('../src/api/app.ts');
  const app = createHttpApp(ctx);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/availability?service=haircut&from=${from.toISOString()}&to=${to.toISOString()}`;
  const get = async () => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    if (res.status !== 200) throw new Error(`availability answered ${res.status}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < 20; i++) await get();
  const http: number[] = [];
  for (let i = 0; i < 200; i++) http.push(await timeMs(get));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return http;

}

async function bookingThroughput(scheduler: Scheduler) {
  // 20 staff × the weekdays of December to February × 14 half-hour slots ≈ 17,000 places;
  // 16 clients race for them asking for "anyone", so routing sends concurrent requests
  // for one start to the same person. (With only 2,240 places the run ran out of free
  // time within the first seconds and capped the measurable rate at ~450 bookings/s.)
  const grid: Date[] = [];
  for (let day = Date.UTC(2026, 11, 1); day < Date.UTC(2027, 1, 27); day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let s = 0; s < 14; s++) {
      // Winter hours in New York: 09:00 local is 14:00Z.
      const hour = s < 6 ? 14 + s / 2 : 18 + (s - 6) / 2;
      grid.push(new Date(day + hour * 3600_000));
    }
  }
  let booked = 0;
  let refused = 0;
  const deadline = Date.now() + THROUGHPUT_MS;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      let i = c;
      while (Date.now() < deadline) {
        const start = grid[(i * 7919) % grid.length]!;
        i += CLIENTS;
        const r = await scheduler.book({ service: 'massage', start, channel: 'api', actor: { type: 'system', id: `bench-${c}` } });
        if (r.ok) booked++;
        else refused++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { perSecond: booked / seconds, booked, refused, seconds };
}

// The yardstick: single-row INSERT transactions "into a comparable table".
// `comparable` copies the reservation table (columns, indexes and the btree_gist
// exclusion constraint, without foreign keys): the cheapest write a booking could
// possibly be. `minimal` is a bare table, printed beside it so nothing is hidden.
const RAW_TABLES = {
  minimal: `CREATE TABLE bench_raw_minimal (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), resource_id uuid NOT NULL, starts_at timestamptz NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
  comparable: `CREATE TABLE bench_raw_comparable (LIKE reservation INCLUDING ALL)`,
} as const;

const RAW_INSERTS = {
  minimal: `INSERT INTO bench_raw_minimal (resource_id, starts_at) VALUES (gen_random_uuid(), now())`,
  // A fresh resource id per row: no two rows contend, as for the bare table.
  comparable: `INSERT INTO bench_raw_comparable (resource_id, appointment_id, session_key, block_start, block_end)
               VALUES (gen_random_uuid(), gen_random_uuid(), 'raw', now(), now() + interval '30 minutes')`,
} as const;

async function rawInsertRate(url: string, kind: keyof typeof RAW_TABLES) {
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
  // pool.end() does not wait for its connections to close; dropping the database may
  // then terminate one, which is expected.
  pool.on('error', () => {});
  await pool.query(RAW_TABLES[kind]);
  let n = 0;
  const deadline = Date.now() + THROUGHPUT_MS;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const client = await pool.connect();
      try {
        while (Date.now() < deadline) {
          await client.query('BEGIN');
          await client.query(RAW_INSERTS[kind]);
          await client.query('COMMIT');
          n++;
        }
      } finally {
        client.release();
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  await pool.end();
  return n / seconds;
}

export async function run(): Promise<void> {
  const database = await benchDatabase();
  const db = createPrisma(database.url, { max: CLIENTS });
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  // Dropping the database terminates idle connections; that is expected, not a failure.
  pool.on('error', () => {});
  const pools: pg.Pool[] = [];
  try {
    const seeded = await seed(db);
    await seedAppointments(pool, seeded.searchServiceId, seeded.locationId, seeded.searchStaff);
    await pool.query('ANALYZE');
    // The store gets its own pool sized for the clients (and ended below).
    const storePool = new pg.Pool({ connectionString: database.url, max: CLIENTS, options: '-c TimeZone=UTC' });
    storePool.on('error', () => {});
    pools.push(storePool);
    const scheduler = createScheduler(createSchedulingStore(storePool), () => new Date(NOW), { holdMinutes: 10 });
    const config = loadConfig({ FRONTDESK_ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'silent', DATABASE_URL: database.url });
    // No channel notifies anyone in this benchmark.
    const ctx: AppContext = createAppContext({ config, db, log: createLogger('silent'), clock: () => new Date(NOW), scheduler }, () => []);

    await slotSearch(scheduler, ctx);

    const engine = await bookingThroughput(scheduler);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM reservation r JOIN resource s ON s.id = r.resource_id WHERE 'massage' = ANY(s.skills) AND r.active`);
    if (rows[0].n !== engine.booked) throw new Error(`booked ${engine.booked} but ${rows[0].n} reservations exist`);
    const comparable = await rawInsertRate(database.url, 'comparable');
    const minimal = await rawInsertRate(database.url, 'minimal');
    console.log(`booking under contention, ${CLIENTS} clients, 20 resources, ${fmt(engine.seconds)} s:`);
    console.log(`  engine book        ${fmt(engine.perSecond)} bookings/s   (${engine.booked} booked, ${engine.refused} conflicts)`);
    console.log(`  raw INSERT txn     ${fmt(comparable)} inserts/s into a copy of the reservation table (its indexes and exclusion constraint)`);
    console.log(`                     ${fmt(minimal)} inserts/s into a bare table (for reference)`);
    console.log(`  ratio              ${fmt(engine.perSecond / comparable, 2)}   (target ≥ 0.5; ${fmt(engine.perSecond / minimal, 2)} against the bare table)`);
  } finally {
    await pool.end();
    for (const p of pools) await p.end();
    await db.$disconnect();
    await database.drop();
  }
}
