import pg from 'pg';

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

/**
 * One statement on a pooled connection that goes back to the pool after an error the
 * server reported. pg's Pool.query() closes the connection after ANY error, and a
 * refused booking (the exclusion constraint, a used idempotency key) is an expected
 * error here: each one cost a new session, whose first booking re-prepares every
 * statement, recompiles scheduling_book and its triggers and reloads the catalog caches
 * (tens of ms of server CPU). As the calendar filled and more blind picks were refused,
 * the booking rate fell with it. After a server error the session is idle and ready for
 * the next statement; any other error (connection lost, a FATAL) still discards it.
 */
async function queryPooled(pool: pg.Pool, s: Statement): Promise<pg.QueryResult> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await client.query({ name: s.name, text: s.text, values: s.values });
  } catch (err) {
    if (!statementError(err)) broken = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    client.release(broken);
  }
}

/** An ERROR the server sent for one statement; FATAL and PANIC end the session itself. */
function statementError(err: unknown): boolean {
  return err instanceof pg.DatabaseError && err.severity !== 'FATAL' && err.severity !== 'PANIC';
}

function pgSql(pool: pg.Pool): Sql {
  return {
    query: onClient((s) => queryPooled(pool, s)),
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
