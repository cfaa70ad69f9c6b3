import { createSmsSender, type TwilioHttpClient } from '../../../src/channels/sms/outbound.ts';
import { loadConfig } from '../../../src/config.ts';
import { createAppContext, smsDeps, type AppContext } from '../../../src/context.ts';
import { createPool, createPrisma } from '../../../src/db/client.ts';
import { createSchedulingStore } from '../../../src/db/scheduling/store.ts';
import { systemClock } from '../../../src/engine/clock.ts';
import { createScheduler } from '../../../src/engine/scheduler.ts';
import { runDueReminders } from '../../../src/jobs/reminders.ts';
import { smsNotifiers } from './notifiers.ts';
import { createLogger } from '../../../src/log.ts';

// The real SMS sender in a process of its own, so a test can SIGKILL it mid-batch:
// it sweeps the outbox, runs the due reminders, and sweeps until nothing is queued
// or mid-send. Twilio is the test's HTTP server at FAKE_TWILIO_URL: the twilio
// client is unchanged, only its HTTP client sends api.twilio.com requests there.

const env = process.env;
const fakeBase = env.FAKE_TWILIO_URL!;

/** Twilio's RequestClient contract over fetch, aimed at the fake server. */
const httpClient: TwilioHttpClient = {
  async request(opts) {
    const url = new URL(opts.uri.replace(/^https:\/\/api\.twilio\.com/, fakeBase));
    for (const [k, v] of Object.entries(opts.params ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.data ?? {})) if (v !== undefined) form.set(k, String(v));
    const res = await fetch(url, {
      method: opts.method.toUpperCase(),
      ...(opts.method.toUpperCase() === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() } : {}),
    });
    return { statusCode: res.status, body: await res.json() };
  },
};

const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
const db = createPrisma(config.DATABASE_URL!);
const pool = createPool(config.DATABASE_URL!);
const ctx: AppContext = createAppContext(
  {
    config,
    db,
    log: createLogger('silent'),
    clock: systemClock,
    scheduler: createScheduler(createSchedulingStore(pool), systemClock, { holdMinutes: config.FRONTDESK_HOLD_MINUTES }),
  },
  () => [],
);
const sender = createSmsSender(smsDeps(ctx), { httpClient, leaseMs: Number(env.OUTBOX_LEASE_MS) });

await sender.deliverPending();
await runDueReminders(ctx, smsNotifiers(sender));
for (let waited = 0; ; waited += 100) {
  await sender.deliverPending();
  const left = await db.outboundMessage.count({ where: { status: { in: ['queued', 'sending'] } } });
  if (left === 0) break;
  if (waited > 30_000) throw new Error(`${left} outbound messages still pending`);
  await new Promise((r) => setTimeout(r, 100));
}
await db.$disconnect();
await pool.end();
