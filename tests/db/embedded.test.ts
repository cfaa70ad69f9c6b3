import { chmod, mkdir, mkdtemp, readFile, rm, stat, unlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_FILE, assertReachableByPostgres, startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { createLogger } from '../../src/log.ts';

// The embedded PostgreSQL's own safety: a generated superuser password kept owner-only
// beside the cluster (old clusters on the fixed one are moved to it), and, as root,
// a clear refusal when the `postgres` user cannot reach its programs or its data.

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function logInError(port: number, password: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: `postgresql://frontdesk:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres` });
  try {
    await client.connect();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('embedded PostgreSQL superuser password', () => {
  let dir: string;
  let port: number;
  const log = createLogger('silent');
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'frontdesk-password-'));
    await chmod(dir, 0o755);
    port = await freePort();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(
    'is generated on first start into an owner-only file, shared by a second opener, and an old cluster on the fixed password is moved to it',
    { timeout: 300_000 },
    async () => {
      const first = await startEmbeddedPostgres({ dataDir: dir, port, database: 'frontdesk', log });
      try {
        const file = path.join(dir, PASSWORD_FILE);
        const password = (await readFile(file, 'utf8')).trim();
        expect((await stat(file)).mode & 0o777).toBe(0o600);
        expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
        expect(first.url).toContain(`:${password}@`);
        expect(await logInError(port, password)).toBeUndefined();
        // The fixed password in the source opens nothing.
        expect(await logInError(port, 'frontdesk')).toBe('28P01');

        // `npm run chat` / `npm run seed` beside the running server read the same file.
        const second = await startEmbeddedPostgres({ dataDir: dir, port, database: 'frontdesk', log });
        expect(second.url).toBe(first.url);
        await second.stop();
        expect(await logInError(port, password)).toBeUndefined();

        // A cluster from before generated passwords: the fixed password, no file.
        const client = new pg.Client({ connectionString: first.url });
        await client.connect();
        await client.query(`ALTER ROLE frontdesk PASSWORD 'frontdesk'`);
        await client.end();
      } finally {
        await first.stop();
      }
      await unlink(path.join(dir, PASSWORD_FILE));

      const migrated = await startEmbeddedPostgres({ dataDir: dir, port, database: 'frontdesk', log });
      try {
        const password = (await readFile(path.join(dir, PASSWORD_FILE), 'utf8')).trim();
        expect(password).not.toBe('frontdesk');
        expect(migrated.url).toContain(`:${password}@`);
        expect(await logInError(port, password)).toBeUndefined();
        expect(await logInError(port, 'frontdesk')).toBe('28P01');
      } finally {
        await migrated.stop();
      }
    },
  );
});

describe.runIf(process.getuid?.() === 0)('as root, what the postgres user must reach', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'frontdesk-reach-'));
    await chmod(dir, 0o755);
    await mkdir(path.join(dir, 'open', 'data'), { recursive: true });
    await mkdir(path.join(dir, 'home', 'checkout', 'node_modules', 'bin'), { recursive: true });
    await chmod(path.join(dir, 'home'), 0o700);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a checkout inside a 0700 home: names the directory and says to move the checkout or set DATABASE_URL', async () => {
    const binaries = path.join(dir, 'home', 'checkout', 'node_modules', 'bin');
    await expect(assertReachableByPostgres({ binaries, dataDir: path.join(dir, 'open', 'data', 'pg') })).rejects.toThrow(
      new RegExp(`cannot enter ${path.join(dir, 'home')} on the way to its programs.*Move the checkout.*DATABASE_URL`),
    );
  });

  it('a data directory inside a 0700 home: names the directory and says to set FRONTDESK_DATA_DIR or DATABASE_URL', async () => {
    const binaries = path.join(dir, 'open');
    await expect(assertReachableByPostgres({ binaries, dataDir: path.join(dir, 'home', 'checkout', 'data', 'pg') })).rejects.toThrow(
      new RegExp(`cannot enter ${path.join(dir, 'home')} on the way to its data.*FRONTDESK_DATA_DIR.*DATABASE_URL`),
    );
  });

  it('both reachable: no complaint', async () => {
    await expect(assertReachableByPostgres({ binaries: path.join(dir, 'open'), dataDir: path.join(dir, 'open', 'data', 'pg') })).resolves.toBeUndefined();
  });
});
