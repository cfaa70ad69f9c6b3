import type { TwilioHttpClient } from '../../../src/channels/sms/outbound.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { startWorker } from '../../../src/worker.ts';

// `npm run worker` in a child process a test can SIGKILL or SIGTERM: the same
// startWorker as src/cli/worker.ts, with one difference: Twilio is the test's HTTP
// server at FAKE_TWILIO_URL (the twilio client is unchanged; only its HTTP client
// sends api.twilio.com requests there, naming this worker in a header).

const env = process.env;

const httpClient: TwilioHttpClient = {
  async request(opts) {
    const url = new URL(opts.uri.replace(/^https:\/\/api\.twilio\.com/, env.FAKE_TWILIO_URL!));
    for (const [k, v] of Object.entries(opts.params ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.data ?? {})) if (v !== undefined) form.set(k, String(v));
    const post = opts.method.toUpperCase() === 'POST';
    const res = await fetch(url, {
      method: opts.method.toUpperCase(),
      headers: { 'x-worker': env.WORKER_NAME ?? '', ...(post ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(post ? { body: form.toString() } : {}),
    });
    return { statusCode: res.status, body: await res.json() };
  },
};

const config = loadConfig(env);
const log = createLogger(config.LOG_LEVEL);
const worker = await startWorker(config, log, { databaseUrl: config.DATABASE_URL!, smsSender: { httpClient, leaseMs: Number(env.OUTBOX_LEASE_MS ?? 60_000) } });
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  worker.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
