import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { PrismaClient } from './client.ts';

// Applies prisma/migrations/<timestamp>_<name>/migration.sql in order, recording each
// in _prisma_migrations exactly as `prisma migrate deploy` does (same table, same
// sha256 checksum), so `prisma migrate status` agrees. We apply them ourselves because
// the Prisma CLI needs a native schema engine these machines cannot download.

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations/', import.meta.url));

// Any constant works; it only has to be the same for every Frontdesk process.
const MIGRATION_LOCK_KEY = 7_220_514_031;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory() && /^\d{14}_/.test(e.name)).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

const SELECT_APPLIED = 'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL';

/** True when every migration on disk is recorded as finished with its current checksum. */
export function upToDate(migrations: Migration[], rows: AppliedRow[]): boolean {
  const applied = new Map(rows.map((r) => [r.migration_name, r]));
  return migrations.every((m) => {
    const row = applied.get(m.name);
    return row?.finished_at != null && row.checksum === m.checksum;
  });
}

/** Applies pending migrations; safe to call from several processes at once. Returns the names applied. */
export async function migrate(databaseUrl: string, dir = MIGRATIONS_DIR, opts: { onApplying?: (names: string[]) => void } = {}): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const client = await connect(databaseUrl);
  try {
    // Every start but the first finds the database up to date: one query, no lock.
    // Anything else (no table yet, a pending, edited or unfinished migration) goes the locked way.
    const recorded = await client.query<AppliedRow>(SELECT_APPLIED).catch(() => null);
    if (recorded && upToDate(migrations, recorded.rows)) return [];
    return await applyPending(client, migrations, opts.onApplying);
  } finally {
    await client.end();
  }
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

async function applyPending(client: pg.Client, migrations: Migration[], onApplying?: (names: string[]) => void): Promise<string[]> {
  try {
    // A session-level advisory lock: a second process waits here, then finds nothing to do.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedRow>(SELECT_APPLIED);
    const applied = new Map(rows.map((r) => [r.migration_name, r]));
    const pending = migrations.filter((m) => !applied.has(m.name)).map((m) => m.name);
    if (pending.length) onApplying?.(pending);
    const done: string[] = [];
    for (const m of migrations) {
      const previous = applied.get(m.name);
      if (previous) {
        if (!previous.finished_at) throw new MigrationError(`Migration ${m.name} started earlier but never finished; fix the database by hand.`);
        if (previous.checksum !== m.checksum) throw new MigrationError(`Migration ${m.name} was edited after it was applied.`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new MigrationError(`Migration ${m.name} failed: ${(e as Error).message}`);
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
  }
}

/** The migrations on disk that the database has not applied yet (empty when up to date). */
export async function pendingMigrations(db: PrismaClient, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const [table] = await db.$queryRaw<Array<{ t: string | null }>>`SELECT to_regclass('"_prisma_migrations"')::text AS t`;
  if (!table?.t) return migrations.map((m) => m.name);
  const rows = await db.$queryRaw<Array<{ migration_name: string }>>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((r) => r.migration_name));
  return migrations.filter((m) => !applied.has(m.name)).map((m) => m.name);
}
