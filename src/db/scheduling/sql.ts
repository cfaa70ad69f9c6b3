import type pg from 'pg';

// How the scheduling store talks to Postgres. The hot paths (slot search, booking)
// run on plain node-postgres connections with named prepared statements: a Prisma
// raw query or interactive transaction costs several times more Node CPU per round
// trip than the statement itself, and prepared statements skip re-planning the large
// snapshot query. The pool is handed in by whoever opened the database (createPool in
// src/db/client.ts pins its sessions to UTC); without one, the same SQL runs through
// Prisma's public raw-query API instead (slower, same results).

export interface Statement {
  /** Prepared once per connection under this name (pg only). */
  name?: string;
  text: string;
  values: unknown[];
}

export interface Sql {
  query<T>(s: Statement): Promise<T[]>;
  /** Runs fn in one transaction; an error thrown inside rolls it back and propagates. */
  transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
}

function onClient(query: (s: Statement) => Promise<{ rows: unknown[] }>): Sql['query'] {
  return async <T>(s: Statement) => (await query(s)).rows as T[];
}

function pgSql(pool: pg.Pool): Sql {
  return {
    query: onClient((s) => pool.query({ name: s.name, text: s.text, values: s.values })),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const inner: Sql = {
          query: onClient((s) => client.query({ name: s.name, text: s.text, values: s.values })),
          transaction: () => Promise.reject(new Error('Nested transactions are not supported.')),
        };
        const value = await fn(inner);
        await client.query('COMMIT');
        return value;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackErr) {
          // The connection is unusable; do not hand it back to the pool.
          broken = rollbackErr;
        }
        throw err;
      } finally {
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
  };
}

/** The Sql for a store, on its own pg pool (createPool). */
export function sqlFor(pool: pg.Pool): Sql {
  return pgSql(pool);
}

/** Runs a plan (./plans.ts) with its parameters, each a value or one JSON row. */
export function run<T = unknown>(sql: Sql, text: string, ...values: unknown[]): Promise<T[]> {
  return sql.query<T>({ text, values });
}
