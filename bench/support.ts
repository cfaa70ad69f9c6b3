import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import pg from 'pg';
import { startScratchPostgres } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { createLogger } from '../src/log.ts';

// What every bench module shares: a PostgreSQL server (BENCH_DATABASE_URL, or an
// embedded one under the system temp dir started once per run), a fresh migrated
// database per bench, and percentile arithmetic.

let server: Promise<{ adminUrl: string; stop(): Promise<void> }> | undefined;

async function startServer() {
  if (process.env.BENCH_DATABASE_URL) return { adminUrl: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  return startScratchPostgres('frontdesk-bench', createLogger('silent'));
}

/** A new, migrated database on the bench server. */
export async function benchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  server ??= startServer();
  const { adminUrl } = await server;
  const name = `fd_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function stopBenchServer(): Promise<void> {
  if (server) await (await server).stop();
  server = undefined;
}

/** Clock ticks of every server process serving database `name` (its backends name it in their title). */
export function serverTicks(name: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(name)) continue;
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);
