import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { benchDatabase, fmt } from './support.ts';

// Reminder figures (issue 13): 10,000 reminders due in the same minute, drained by two
// worker processes (`npm run worker`, the real entry point) sharing one database. SMS
// goes to the local outbox (no Twilio credentials), so the figure is Frontdesk's own
// pipeline: planning, claiming, re-checking, recording and settling each reminder.
// Printed: seconds to drain (target < 60 s), duplicates (must be 0), peak RSS of each
// worker (VmHWM from /proc).

const ROOT = path.resolve(import.meta.dirname, '..');
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 10_000);
const WORKERS = 2;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function seed(client: pg.Client, now: Date): Promise<void> {
  const { rows } = await client.query<{ id: string }>(
    // No quiet hours, so the figure does not depend on the hour the bench runs at.
    `INSERT INTO business (name, time_zone, quiet_hours_start, quiet_hours_end) VALUES ('Bench Salon', 'America/New_York', '00:00', '00:00') RETURNING id`,
  );
  const businessId = rows[0]!.id;
  const location = await client.query<{ id: string }>(`INSERT INTO location (business_id, name, time_zone, address) VALUES ($1, 'Main', 'America/New_York', '1 Main St') RETURNING id`, [businessId]);
  const service = await client.query<{ id: string }>(
    `INSERT INTO service (business_id, name, slug, duration_minutes, reminder_offsets_minutes) VALUES ($1, 'Haircut', 'haircut', 30, '{120}') RETURNING id`,
    [businessId],
  );
  await client.query(`INSERT INTO customer (phone) SELECT '+1212' || lpad(i::text, 7, '0') FROM generate_series(1, $1::int) i`, [REMINDERS]);
  // Every start two hours (less up to 50 s) from now: every 2-hour reminder falls due within the same minute.
  await client.query(
    `INSERT INTO appointment (service_id, location_id, customer_id, starts_at, ends_at, status, channel, rule_version, confirmed_at, created_at)
     SELECT $1, $2, c.id, $3::timestamptz - (random() * interval '50 seconds'), $3::timestamptz + interval '30 minutes', 'confirmed', 'sms', 1, $4, $4
     FROM customer c`,
    [service.rows[0]!.id, location.rows[0]!.id, new Date(now.getTime() + 120 * 60_000), new Date(now.getTime() - 86_400_000)],
  );
}

/** What `npm run worker` runs: the built worker from dist/, without npm above it. */
function startWorker(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ['scripts/start.js', 'worker'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', FRONTDESK_SEED: 'none' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

export async function run(): Promise<void> {
  const database = await benchDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    console.log(`load average at the start: ${os.loadavg().map((l) => fmt(l, 2)).join(' ')}`);
    // Built before the clock starts, so the drain figure holds no compile time.
    execFileSync(process.execPath, ['scripts/build.js', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
    await seed(client, new Date());
    const commits = () => client.query<{ n: number }>(`SELECT xact_commit::float8 AS n FROM pg_stat_database WHERE datname = current_database()`).then((r) => r.rows[0]!.n);
    const commitsBefore = await commits();
    const started = Date.now();
    const workers = Array.from({ length: WORKERS }, () => startWorker(database.url));
    let settled = 0;
    for (;;) {
      const r = await client.query<{ settled: number }>(`SELECT count(*)::int AS settled FROM reminder_delivery WHERE status <> 'pending'`);
      settled = r.rows[0]!.settled;
      if (settled >= REMINDERS) break;
      if (Date.now() - started > 1_200_000) throw new Error(`only ${settled} of ${REMINDERS} reminders settled after 1200 s`);
      await sleep(200);
    }
    const wall = (Date.now() - started) / 1000;
    // Every statement outside a transaction commits one: a count of round trips (pg-boss's polling included).
    const perReminder = ((await commits()) - commitsBefore) / REMINDERS;
    const rss = await Promise.all(workers.map((w) => peakRssMb(w.pid!)));
    const span = await client.query<{ s: number }>(`SELECT extract(epoch FROM max(updated_at) - min(created_at))::float8 AS s FROM reminder_delivery`);
    const outcome = await client.query<{ status: string; n: number }>(`SELECT status::text, count(*)::int AS n FROM reminder_delivery GROUP BY status ORDER BY status`);
    const dup = await client.query<{ rows: number; appointments: number }>(
      `SELECT count(*)::int AS rows, count(DISTINCT appointment_id)::int AS appointments FROM outbound_message WHERE kind = 'reminder'`,
    );
    const exits = await Promise.all(workers.map((w) => new Promise<number | null>((resolve) => (w.once('exit', (code) => resolve(code)), w.kill('SIGTERM')))));

    console.log(`load average at the end: ${os.loadavg().map((l) => fmt(l, 2)).join(' ')}`);
    console.log(`reminders due in the same minute: ${REMINDERS}, worker processes: ${WORKERS} (SMS to the local outbox)`);
    console.log(`  drained in:            ${fmt(span.rows[0]!.s)} s from the first reminder planned to the last settled (target < 60 s)`);
    console.log(`  wall clock:            ${fmt(wall)} s including starting both worker processes`);
    console.log(`  outcomes:              ${outcome.rows.map((o) => `${o.status} ${o.n}`).join(', ')}`);
    console.log(`  duplicates:            ${dup.rows[0]!.rows - dup.rows[0]!.appointments} (${dup.rows[0]!.rows} reminder messages for ${dup.rows[0]!.appointments} appointments)`);
    console.log(`  peak RSS per worker:   ${rss.map((mb) => `${fmt(mb)} MB`).join(', ')}`);
    console.log(`  transactions:          ${fmt(perReminder)} committed on the database per reminder`);
    console.log(`  workers stopped by SIGTERM with exit codes: ${exits.join(', ')}`);
  } finally {
    await client.end();
    await database.drop();
  }
}
