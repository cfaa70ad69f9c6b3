import pg from 'pg';
import { createPrisma } from '../../src/db/client.ts';
import { seedDemoIfEmpty } from '../../src/seed/demo.ts';

// What the cluster runs on: the demo business (services, staff, hours), without
// quiet hours so the figures do not depend on the hour of the run, plus a service
// whose appointments' 2-hour reminders all fall due in the first minute.

export async function seedCluster(databaseUrl: string, opts: { reminders: number; now: Date }): Promise<void> {
  const db = createPrisma(databaseUrl, { max: 2 });
  try {
    await seedDemoIfEmpty(db, opts.now);
  } finally {
    await db.$disconnect();
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE business SET quiet_hours_start = '00:00', quiet_hours_end = '00:00'`);
    const { rows } = await client.query<{ service: string; location: string }>(
      `INSERT INTO service (business_id, name, slug, duration_minutes, reminder_offsets_minutes)
       SELECT l.business_id, 'Cluster check-in', 'cluster-check-in', 30, '{120}' FROM location l ORDER BY l.name LIMIT 1
       RETURNING id AS service, (SELECT id FROM location ORDER BY name LIMIT 1) AS location`,
    );
    // New customers only (the demo has its own), each with one appointment. No reservations:
    // these only carry reminders and take no staff time from the bookings under test.
    await client.query(
      `WITH c AS (
         INSERT INTO customer (phone) SELECT '+1718' || lpad(i::text, 7, '0') FROM generate_series(1, $5::int) i
         ON CONFLICT (phone) DO NOTHING RETURNING id)
       INSERT INTO appointment (service_id, location_id, customer_id, starts_at, ends_at, status, channel, rule_version, confirmed_at, created_at)
       SELECT $1, $2, c.id, $3::timestamptz - (random() * interval '50 seconds'), $3::timestamptz + interval '30 minutes', 'confirmed', 'sms', 1, $4, $4
       FROM c`,
      [rows[0]!.service, rows[0]!.location, new Date(opts.now.getTime() + 120 * 60_000), new Date(opts.now.getTime() - 86_400_000), opts.reminders],
    );
  } finally {
    await client.end();
  }
}
