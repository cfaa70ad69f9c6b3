import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPool, createPrisma, type PrismaClient } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';

// A fresh, migrated database for one test file: no test sees another's rows,
// and files can run in parallel in any order.

export interface TestDatabase {
  url: string;
  db: PrismaClient;
  /** A plain pg pool on the same database, for raw SQL and concurrency tests. */
  pool: pg.Pool;
  drop(): Promise<void>;
}

export function databaseUrl(name: string): string {
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `fd_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();

  const url = databaseUrl(name);
  if (opts.migrate !== false) await migrate(url);
  const db = createPrisma(url);
  const pool = createPool(url, { max: 20 });
  return {
    url,
    db,
    pool,
    async drop() {
      await db.$disconnect();
      await pool.end();
      const c = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
