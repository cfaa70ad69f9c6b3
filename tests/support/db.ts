import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPool, createPrisma, type PrismaClient } from '../../src/db/client.ts';
import { FINISHED } from './dropper.ts';

// A fresh database for one test file: no test sees another's rows, and files can run
// in parallel in any order. A migrated one is a copy of the run's template
// (tests/support/template.ts); `migrate: false` gives an empty one, for tests of the
// migrations themselves and of a start that applies them.

export interface TestDatabase {
  url: string;
  db: PrismaClient;
  /** A plain pg pool on the same database, for raw SQL and concurrency tests. */
  pool: pg.Pool;
  /** Closes the clients and leaves the database to be dropped in the background (tests/support/dropper.ts). */
  drop(): Promise<void>;
}

export function databaseUrl(name: string): string {
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer(...statements: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await admin.connect();
  try {
    for (const sql of statements) await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `${inject('databasePrefix')}${randomBytes(6).toString('hex')}`;
  const template = opts.migrate === false ? '' : ` TEMPLATE "${inject('templateDatabase')}"`;
  // synchronous_commit off: a commit returns without waiting for its WAL to reach the
  // disk. What sessions see, lock and wait for is unchanged; only a crash of the server
  // itself could lose the last commits, and no test crashes it. Most tests commit after
  // every step, and waiting for the disk was a large part of their time on a busy machine.
  await onServer(`CREATE DATABASE "${name}"${template}`, `ALTER DATABASE "${name}" SET synchronous_commit = off`);

  const url = databaseUrl(name);
  const db = createPrisma(url);
  const pool = createPool(url, { max: 20 });
  return {
    url,
    db,
    pool,
    async drop() {
      await db.$disconnect();
      await pool.end();
      await onServer(`COMMENT ON DATABASE "${name}" IS '${FINISHED}'`);
    },
  };
}
