import type { Prisma, PrismaClient } from '../db/client.ts';

/** The client or an open transaction: raising works inside a caller's transaction too. */
export type OpsDb = PrismaClient | Prisma.TransactionClient;

/**
 * Runs `fn` in a transaction: a new one on a client, or the caller's own when `db`
 * already is one, so an exception raised in a conversation turn commits with the turn.
 */
export function inTransaction<T>(db: OpsDb, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return '$transaction' in db ? db.$transaction(fn) : fn(db);
}
