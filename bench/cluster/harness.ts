import pg from 'pg';
import { runBookingLoad, type BookingLoadResult } from './bookings.ts';
import { confirmedFor, doubleBookings, drained, reminderCounts, replyCounts, type ReminderCounts, type ReplyCounts } from './counts.ts';
import { freePort, peakRssMb, startApp, startWorkerProc, stopProc, type Proc } from './processes.ts';
import { startProxy } from './proxy.ts';
import { seedCluster } from './seed.ts';
import { runSmsLoad, type SmsLoadResult } from './sms-load.ts';

// Issue 17: N stateless app processes and M worker processes on one PostgreSQL, a
// round-robin proxy in front, under SMS webhook load and concurrent bookings, while
// the workers send reminders. Shared by bench/cluster.ts (prints figures) and
// tests/e2e/cluster.test.ts (asserts the counts).

export interface ClusterOptions {
  databaseUrl: string;
  apps: number;
  workers: number;
  conversations: number;
  paceMs: number;
  bookingSlots: number;
  bookersPerSlot: number;
  reminders: number;
  /** How long one process may take to become ready, and the load to drain. */
  budgetMs: number;
}

export interface ClusterReport {
  sms: SmsLoadResult;
  replies: ReplyCounts;
  bookings: BookingLoadResult;
  bookedInDb: number;
  doubleBookings: number;
  reminders: ReminderCounts;
  /** Requests the proxy sent to each app process. */
  proxied: number[];
  rssMb: Array<{ name: string; mb: number }>;
  exitCodes: Array<{ name: string; code: number | null }>;
}

const ADMIN_TOKEN = 'cluster-admin-token-0123456789';
const TWILIO_TOKEN = 'cluster-twilio-auth-token-0123456789';
const PUBLIC_URL = 'https://frontdesk.cluster.example';

export async function runCluster(opts: ClusterOptions): Promise<ClusterReport> {
  const now = new Date();
  await seedCluster(opts.databaseUrl, { reminders: opts.reminders, now });
  const env = { DATABASE_URL: opts.databaseUrl, FRONTDESK_ADMIN_TOKEN: ADMIN_TOKEN, TWILIO_AUTH_TOKEN: TWILIO_TOKEN, PUBLIC_URL };
  const procs: Proc[] = [];
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    const ports = await Promise.all(Array.from({ length: opts.apps }, freePort));
    await Promise.all(ports.map(async (port, i) => procs.push(await startApp({ name: `app-${i + 1}`, port, env, budgetMs: opts.budgetMs }))));
    for (let i = 0; i < opts.workers; i++) procs.push(startWorkerProc({ name: `worker-${i + 1}`, env }));
    const proxy = await startProxy(ports);
    try {
      const [sms, bookings] = await Promise.all([
        runSmsLoad({ baseUrl: proxy.url, publicUrl: PUBLIC_URL, authToken: TWILIO_TOKEN, conversations: opts.conversations, paceMs: opts.paceMs }),
        runBookingLoad({ baseUrl: proxy.url, adminToken: ADMIN_TOKEN, service: 'womens-haircut', slots: opts.bookingSlots, perSlot: opts.bookersPerSlot, now }),
      ]);
      await drained(client, { reminders: opts.reminders, budgetMs: opts.budgetMs });
      const rssMb = await Promise.all(procs.map(async (p) => ({ name: p.name, mb: await peakRssMb(p) })));
      return {
        sms,
        replies: await replyCounts(client, sms.answers),
        bookings,
        bookedInDb: await confirmedFor(client, bookings.phones),
        doubleBookings: await doubleBookings(client),
        reminders: await reminderCounts(client),
        proxied: [...proxy.counts],
        rssMb,
        exitCodes: await Promise.all([...procs].reverse().map(async (p) => ({ name: p.name, code: await stopProc(p) }))),
      };
    } finally {
      await proxy.close();
    }
  } finally {
    // Whatever is still running after a failure is stopped too.
    await Promise.all(procs.map((p) => stopProc(p)));
    await client.end();
  }
}
