import os from 'node:os';
import { runCluster } from './cluster/harness.ts';
import { benchDatabase, fmt, percentile } from './support.ts';

// Two app processes and two workers on one PostgreSQL (issue 17), a round-robin proxy
// in front: SMS conversations (signed Twilio webhooks, each first text delivered twice
// at once), concurrent bookings of the same starts through the admin API, and
// reminders falling due meanwhile. Printed: throughput and latency, and the counts
// that must be zero (double bookings, duplicate replies, duplicate reminders).

const env = process.env;
const n = (name: string, fallback: number) => Number(env[name] ?? fallback);

export async function run(): Promise<void> {
  const database = await benchDatabase();
  try {
    const opts = {
      databaseUrl: database.url,
      apps: n('BENCH_CLUSTER_APPS', 2),
      workers: n('BENCH_CLUSTER_WORKERS', 2),
      conversations: n('BENCH_CLUSTER_CONVERSATIONS', 40),
      paceMs: n('BENCH_CLUSTER_PACE_MS', 1000),
      bookingSlots: 5,
      bookersPerSlot: 8,
      reminders: n('BENCH_CLUSTER_REMINDERS', 1000),
      budgetMs: 600_000,
    };
    console.log(`load average at start: ${os.loadavg().map((l) => fmt(l, 2)).join(' ')} (${os.cpus().length} cores)`);
    const r = await runCluster(opts);
    const sms = r.sms.answers.map((a) => a.ms);
    console.log(`${opts.apps} app processes (FRONTDESK_WORKERS=off) + ${opts.workers} workers on one database, round-robin proxy (requests per app: ${r.proxied.join(', ')})`);
    console.log(`  SMS webhooks:      ${sms.length} requests from ${opts.conversations} conversations (pace ${opts.paceMs} ms), ${fmt(sms.length / r.sms.seconds)} req/s, p50 ${fmt(percentile(sms, 50))} ms, p95 ${fmt(percentile(sms, 95))} ms, p99 ${fmt(percentile(sms, 99))} ms`);
    console.log(`  replies:           ${r.replies.inbound} MessageSids, duplicates ${r.replies.duplicates} (must be 0), missing ${r.replies.missing}, sent by REST ${r.replies.viaRest}`);
    console.log(`  bookings:          ${r.bookings.attempts} concurrent for ${opts.bookingSlots} starts: ${r.bookings.created} created, ${r.bookings.refused} refused (409), ${r.bookings.unexpected.length} other; p95 ${fmt(percentile(r.bookings.ms, 95))} ms; ${r.bookedInDb} confirmed in the database`);
    console.log(`  double bookings:   ${r.doubleBookings} (must be 0)`);
    console.log(`  reminders:         ${r.reminders.due} due, ${Object.entries(r.reminders.byStatus).map(([s, c]) => `${s} ${c}`).join(', ')}; ${r.reminders.messages} messages, duplicates ${r.reminders.duplicates} (must be 0)`);
    console.log(`  peak RSS:          ${r.rssMb.map((p) => `${p.name} ${fmt(p.mb)} MB`).join(', ')}`);
    console.log(`  stopped by SIGTERM, exit codes: ${r.exitCodes.map((e) => `${e.name} ${e.code}`).join(', ')}`);
    console.log(`load average at end: ${os.loadavg().map((l) => fmt(l, 2)).join(' ')}`);
  } finally {
    await database.drop();
  }
}
