// Node CPU of one booking without the database's share: the engine bench's booking loop
// on a store whose booking call is answered at once (everything else, the
// configuration and count reads, goes to the database). What is left is the decision,
// the rows, the parameters and the view: the part of a booking's CPU that is this
// process's own, measured without the noise of a shared machine's round trips.
//
//   npx tsx bench/book-node.ts [bookings=10000]        (BENCH_DATABASE_URL or embedded)
import pg from 'pg';
import { createPrisma } from '../src/db/client.ts';
import { createSchedulingStore } from '../src/db/scheduling/store.ts';
import { createScheduler } from '../src/engine/scheduler.ts';
import { youngGenerationMayGrow } from '../src/v8-flags.ts';
import { seed } from './engine.ts';
import { benchDatabase, fmt, stopBenchServer } from './support.ts';

youngGenerationMayGrow();

const NOW = new Date('2026-11-30T12:00:00Z');

function answeringBookings(pool: pg.Pool): pg.Pool {
  const booked = (values: unknown[]) => {
    const a = JSON.parse(values[1] as string) as { id: string };
    const n = (JSON.parse(values[2] as string) as unknown[]).length;
    return { rows: [{ id: a.id, intake: {}, created_at: NOW.getTime(), customer_id: null, customer_phone: null, customer_name: null, reserved: n }] };
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      return {
        query: (q: { name?: string; values: unknown[] }) => (q.name === 'scheduling_commit' ? Promise.resolve(booked(q.values)) : client.query(q as pg.QueryConfig)),
        release: (err?: Error) => client.release(err),
      };
    },
  } as unknown as pg.Pool;
}

const database = await benchDatabase();
const db = createPrisma(database.url, { max: 2 });
const pool = new pg.Pool({ connectionString: database.url, max: 4, options: '-c TimeZone=UTC' });
pool.on('error', () => {});
try {
  await seed(db);
  const scheduler = createScheduler(createSchedulingStore(answeringBookings(pool)), () => new Date(NOW), { holdMinutes: 10 });
  const starts: Date[] = [];
  for (let day = Date.UTC(2026, 11, 1); day < Date.UTC(2027, 1, 27); day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let s = 0; s < 14; s++) starts.push(new Date(day + (s < 6 ? 14 + s / 2 : 18 + (s - 6) / 2) * 3600_000));
  }
  const total = Number(process.argv[2] ?? 10_000);
  const book = (k: number) => scheduler.book({ service: 'massage', start: starts[(k * 7919) % starts.length]!, channel: 'api', actor: { type: 'system', id: 'bench' } });
  // As many bookings in flight as the engine bench has clients (CLIENTS, default 16).
  const clients = Number(process.env.CLIENTS ?? 16);
  let next = 0;
  let ok = 0;
  const loop = (stop: number) =>
    Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < stop) if ((await book(next++)).ok) ok++;
      }),
    );
  await loop(2_000);
  ok = 0;
  const c0 = process.cpuUsage();
  await loop(2_000 + total);
  const cpu = process.cpuUsage(c0);
  console.log(`${ok} of ${total} booked; node cpu/booking ${fmt((cpu.user + cpu.system) / 1000 / total, 3)} ms`);
} finally {
  await pool.end();
  await db.$disconnect();
  await database.drop();
  await stopBenchServer();
}
