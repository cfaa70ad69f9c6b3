import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '../db/client.ts';
import { seedFromFile, type SeedSummary } from './load.ts';

// The demo business is the bundled sample seed file: one seed path for both.

export const DEMO_SEED_FILE = fileURLToPath(new URL('../../prisma/seed/demo-business.yaml', import.meta.url));

/** Loads the demo business, its appointments placed relative to `now`; null when a business already exists. */
export function seedDemoIfEmpty(db: PrismaClient, now: Date): Promise<SeedSummary | null> {
  return seedFromFile(db, DEMO_SEED_FILE, { now, ifBusinessExists: 'skip' });
}

export function describeSeed(s: SeedSummary): string {
  return (
    `"${s.businessName}": ${s.locations} locations, ${s.services} services, ${s.resources} resources ` +
    `(${s.weeklyHours} weekly hour intervals), ${s.customers} customers, ${s.appointments} appointments`
  );
}
