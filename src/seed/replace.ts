import type { Prisma } from '../db/client.ts';

// `npm run seed -- --replace`: the business in the database, and everything that
// belongs to it, goes before the file's business is written, in the same
// transaction as the load (a file that fails to load leaves the old business).
// Staff accounts, API tokens and settings (the admin token) stay: they belong to
// the installation, not to the business.
// The schedule_version triggers fire on these deletes, so a running server drops
// its cached configuration at once.

/** Children before parents, so no foreign key is ever left dangling. */
const BUSINESS_TABLES = [
  'exception',
  'outbound_message',
  'message',
  'hold',
  'appointment',
  'conversation',
  'customer',
  'service',
  'resource',
  'location',
  'business',
] as const;

export async function deleteBusinessData(tx: Prisma.TransactionClient): Promise<void> {
  for (const table of BUSINESS_TABLES) await tx.$executeRawUnsafe(`DELETE FROM "${table}"`);
}
