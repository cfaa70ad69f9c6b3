import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export { PrismaClient };
export type { Prisma } from '../generated/prisma/client.ts';

// Pool size of each client createPrisma made: callers that hold a connection while
// waiting for another (conversation turns) must stay below it.
const poolSizes = new WeakMap<PrismaClient, number>();

export function createPrisma(databaseUrl: string, opts: { max?: number } = {}): PrismaClient {
  // The pg adapter reads timestamptz text as if it were UTC, so a server whose
  // TimeZone is, say, Asia/Kolkata would shift every instant read back by +05:30.
  // Pin each session to UTC; instants stay instants whatever the server's zone.
  const max = opts.max ?? 10;
  const adapter = new PrismaPg({ connectionString: databaseUrl, max, options: '-c TimeZone=UTC' });
  const client = new PrismaClient({ adapter });
  poolSizes.set(client, max);
  return client;
}

/** How many connections a client made by createPrisma may open. */
export function poolSizeOf(db: PrismaClient): number | undefined {
  return poolSizes.get(db);
}

/**
 * A plain pg pool on the database, for the scheduling store's hot statements. Sessions
 * are pinned to UTC for the same reason as createPrisma's. Idle connections ended by
 * the server (a restart, a test dropping its database) are replaced on the next query
 * instead of crashing the process; the pool does not keep an idle process alive.
 */
export function createPool(databaseUrl: string, opts: { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.max ?? 10, options: '-c TimeZone=UTC', idleTimeoutMillis: 5_000, allowExitOnIdle: true });
  pool.on('error', () => {});
  return pool;
}

/** The SQLSTATE of a Postgres error surfaced through Prisma's pg adapter, if any. */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string; code?: string } } } };
  const cause = e?.meta?.driverAdapterError?.cause;
  return cause?.originalCode ?? cause?.code ?? (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined);
}

export const SQLSTATE = {
  exclusionViolation: '23P01',
  uniqueViolation: '23505',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;
