import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '../db/client.ts';
import { seedFromFile, type SeedSummary } from './load.ts';

// The demo business is the bundled sample seed file: one seed path for both.

export const DEMO_SEED_FILE = fileURLToPath(new URL('../../prisma/seed/demo-business.yaml', import.meta.url));

/** Loads the demo business, its appointments placed relative to `now`; null when a business already exists. */
export async function seedDemoIfEmpty(db: PrismaClient, now: Date, opts: { onSeeding?: () => void } = {}): Promise<SeedSummary | null> {
  // Every start but the first finds a business: one small query instead of reading and
  // validating the file in a transaction. The load still skips if another process won the race.
  if (await db.business.findFirst({ select: { id: true } })) return null;
  opts.onSeeding?.();
  return seedFromFile(db, DEMO_SEED_FILE, { now, ifBusinessExists: 'skip' });
}

/** "1 location", "2 locations". */
export function countOf(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

export function describeSeed(s: SeedSummary): string {
  return (
    `"${s.businessName}": ${countOf(s.locations, 'location')}, ${countOf(s.services, 'service')}, ${countOf(s.resources, 'resource')} ` +
    `(${countOf(s.weeklyHours, 'weekly hour interval')}), ${countOf(s.customers, 'customer')}, ${countOf(s.appointments, 'appointment')}`
  );
}
