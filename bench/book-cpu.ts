// CPU per booking, the load-independent side of the booking ratio (issue 17): the engine
// bench's booking loop (16 clients asking for "anyone" on 20 staff) run for a fixed
// number of bookings, with this process's CPU (process.cpuUsage) and the CPU of the
// database's server processes (/proc, Linux, when the server runs on this machine)
// divided by the bookings, and the statements sent per booking counted at the driver.
// Throughput on a shared machine swings with the load; these figures do not.
//
//   npx tsx bench/book-cpu.ts [bookings=4000] [bare]    (BENCH_DATABASE_URL or embedded)
import { readFileSync, readdirSync } from 'node:fs';
import pg from 'pg';
import { createPrisma } from '../src/db/client.ts';
import { createSchedulingStore } from '../src/db/scheduling/store.ts';
import { createScheduler } from '../src/engine/scheduler.ts';
import { youngGenerationMayGrow } from '../src/v8-flags.ts';
import { BARE_WRITE, seed } from './engine.ts';
import { benchDatabase, fmt, serverTicks, stopBenchServer } from './support.ts';

youngGenerationMayGrow();

const CLIENTS = Number(process.env.CLIENTS ?? 16);
const WARMUP = 1_000;
const NOW = new Date('2026-11-30T12:00:00Z');

let statements = 0;
const byName = new Map<string, number>();
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  const q = args[0] as string | { name?: string; text: string };
  const key = typeof q === 'string' ? q.slice(0, 30) : (q.name ?? q.text.slice(0, 30));
  byName.set(key, (byName.get(key) ?? 0) + 1);
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof original;

/** CPU ticks of each thread of this process, by thread name. */
function threadTicks(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      out.set(`${name}#${tid}`, Number(f[11]) + Number(f[12]));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return out;
}

function grid(): Date[] {
  const out: Date[] = [];
  for (let day = Date.UTC(2026, 11, 1); day < Date.UTC(2027, 1, 27); day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let s = 0; s < 14; s++) out.push(new Date(day + (s < 6 ? 14 + s / 2 : 18 + (s - 6) / 2) * 3600_000));
  }
  return out;
}

const database = await benchDatabase();
const db = createPrisma(database.url, { max: 2 });
const pool = new pg.Pool({ connectionString: database.url, max: CLIENTS, options: '-c TimeZone=UTC' });
pool.on('error', () => {});
try {
  const seeded = await seed(db);
  await pool.query('ANALYZE');
  const scheduler = createScheduler(createSchedulingStore(pool), () => new Date(NOW), { holdMinutes: 10 });
  const starts = grid();
  let next = 0;
  // `bare`: the engine bench's yardstick instead (its three rows in one prepared statement).
  const bare = process.argv[3] === 'bare';
  const bareWrite = async (k: number) => {
    const resource = seeded.bookStaff[k % seeded.bookStaff.length]!;
    const start = new Date(Date.UTC(2028, 0, 1) + Math.floor(k / seeded.bookStaff.length) * 30 * 60_000).toISOString();
    await pool.query({ name: 'bench_bare_write', text: BARE_WRITE, values: [seeded.bookServiceId, seeded.bookLocationId, start, resource] });
    return true;
  };
  const loop = async (count: number) => {
    let booked = 0;
    let refused = 0;
    const stop = next + count;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        while (next < stop) {
          const k = next++;
          const ok = bare ? await bareWrite(k) : (await scheduler.book({ service: 'massage', start: starts[(k * 7919) % starts.length]!, channel: 'api', actor: { type: 'system', id: `bench-${c}` } })).ok;
          if (ok) booked++;
          else refused++;
        }
      }),
    );
    return { booked, refused };
  };
  await loop(WARMUP);
  const name = new URL(database.url).pathname.slice(1);
  const total = Number(process.argv[2] ?? 4000);
  const s0 = statements;
  byName.clear();
  const t0 = serverTicks(name);
  const th0 = threadTicks();
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const { booked, refused } = await loop(total);
  const cpu = process.cpuUsage(c0);
  const wall = performance.now() - w0;
  const ticks = serverTicks(name) - t0;
  const th1 = threadTicks();
  const per = (x: number) => fmt(x / booked, 3);
  console.log(`${booked} booked, ${refused} refused, ${fmt(booked / (wall / 1000))} bookings/s`);
  console.log(`node cpu/booking ${per((cpu.user + cpu.system) / 1000)} ms (user ${per(cpu.user / 1000)}, sys ${per(cpu.system / 1000)})`);
  const threads = [...th1].map(([n, t]) => `${n} ${per((t - (th0.get(n) ?? 0)) * 10)}`).join(', ');
  console.log(`  by thread (ms/booking): ${threads}`);
  console.log(`server cpu/booking ${per(ticks * 10)} ms (clock ticks of 10 ms)`);
  console.log(`statements/booking ${per(statements - s0)}`);
  for (const [k, n] of byName) console.log(`  ${per(n)}  ${k.replace(/\s+/g, ' ')}`);
} finally {
  await pool.end();
  await db.$disconnect();
  await database.drop();
  await stopBenchServer();
}
