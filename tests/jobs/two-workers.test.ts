import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../../src/jobs/boss.ts';
import { ACCOUNT_SID, AUTH_TOKEN, createAppointment, seedBasics } from '../channels/sms/helpers.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

// Two worker processes (the code of `npm run worker`) share one database and a fake
// api.twilio.com. Whichever worker sends the 15th reminder is SIGKILLed while Twilio
// holds that request (accepted, never answered): it dies mid-batch with more reminders
// claimed. The other worker takes over its claims when their lease runs out and the
// outbox sweeper settles the held message without sending it again. Counted at
// Twilio and in the outbox: every reminder exactly once. SIGTERM then stops the
// survivor cleanly. The sweeper runs on a minute cron, which pg-boss checks every 30 s:
// the test queues sweeps itself (every second) rather than wait up to 90 s for one.

const FROM = '+15005550006';
const REMINDERS = 40;

interface Accepted {
  sid: string;
  to: string;
  body: string;
  dateCreated: Date;
}

function fakeTwilioServer() {
  const accepted: Accepted[] = [];
  let posts = 0;
  let hold: { at: number; reached: (worker: string) => void } | null = null;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1');
    if (!url.pathname.endsWith('/Messages.json')) return void res.writeHead(404).end();
    if (req.method === 'GET') {
      const to = url.searchParams.get('To');
      const messages = accepted.filter((m) => !to || m.to === to).reverse().map((m) => ({
        sid: m.sid, to: m.to, from: FROM, body: m.body, status: 'sent', account_sid: ACCOUNT_SID, date_created: m.dateCreated.toUTCString().replace('GMT', '+0000'),
      }));
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messages, next_page_uri: null, page: 0, page_size: 50 }));
    }
    const form = new URLSearchParams(await readBody(req));
    posts++;
    const m = { sid: 'SM' + String(posts).padStart(32, '0'), to: form.get('To')!, body: form.get('Body')!, dateCreated: new Date() };
    accepted.push(m);
    if (hold && posts === hold.at) return hold.reached(String(req.headers['x-worker'])); // never answered
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: m.sid, to: m.to, from: FROM, body: m.body, status: 'queued', num_segments: '1', account_sid: ACCOUNT_SID }));
  });
  return {
    server,
    accepted,
    /** Resolves with the worker that sent the `at`-th message, which is held. */
    holdAt(at: number): Promise<string> {
      return new Promise((reached) => (hold = { at, reached }));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
  });
}

let t: TestDatabase;
let twilio: ReturnType<typeof fakeTwilioServer>;
let twilioUrl: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  twilio = fakeTwilioServer();
  await new Promise<void>((r) => twilio.server.listen(0, '127.0.0.1', r));
  twilioUrl = `http://127.0.0.1:${(twilio.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  twilio.server.closeAllConnections();
  await new Promise((r) => twilio.server.close(r));
  await t.drop();
});

function startWorker(name: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/jobs/support/worker-process.ts'], {
    env: {
      ...process.env,
      WORKER_NAME: name,
      DATABASE_URL: t.url,
      LOG_LEVEL: 'silent',
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM_NUMBER: FROM,
      FAKE_TWILIO_URL: twilioUrl,
      OUTBOX_LEASE_MS: '2000',
      FRONTDESK_JOB_LEASE_SECONDS: '3',
      FRONTDESK_SHUTDOWN_SECONDS: '5',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { name, child, exited };
}

/** Queues an outbox sweep every second, as the cron does every minute, until stopped. */
async function sweepEverySecond(): Promise<() => Promise<void>> {
  // The workers created the schema and the queues; this client only sends.
  const boss = new PgBoss({ connectionString: t.url, max: 1, migrate: false, supervise: false, schedule: false });
  await boss.start();
  let sweeping = true;
  const loop = (async () => {
    while (sweeping) {
      await boss.send(QUEUES.outbox, {});
      await sleep(1000);
    }
  })();
  return async () => {
    sweeping = false;
    try {
      await loop;
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  };
}

describe('two worker processes, one SIGKILLed mid-batch', () => {
  it('every reminder reaches Twilio and the outbox exactly once', { timeout: 420_000 }, async () => {
    const basics = await seedBasics(t.db, { reminderOffsetsMinutes: [120] });
    const now = Date.now();
    const phones: string[] = [];
    const appointments: string[] = [];
    for (let i = 0; i < REMINDERS; i++) {
      const to = `+1212555${String(3000 + i)}`;
      phones.push(to);
      appointments.push(await createAppointment(t.db, basics, { customerPhone: to, startsAt: new Date(now + (60 + i) * 60_000), createdAt: new Date(now - 3 * 86_400_000) }));
    }

    const held = twilio.holdAt(15);
    const workers = [startWorker('a'), startWorker('b')];
    const victimName = await held;
    const victim = workers.find((w) => w.name === victimName)!;
    const survivor = workers.find((w) => w.name !== victimName)!;
    victim.child.kill('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');

    // The survivor finishes: nothing pending, nothing queued or mid-send in the outbox.
    const stopSweeps = await sweepEverySecond();
    try {
      await expect
        .poll(
          async () => (await t.db.reminderDelivery.count({ where: { status: 'pending' } })) + (await t.db.outboundMessage.count({ where: { status: { in: ['queued', 'sending'] } } })),
          { timeout: 360_000, interval: 500 },
        )
        .toBe(0);
    } finally {
      await stopSweeps();
    }

    const perRecipient = new Map<string, number>();
    for (const m of twilio.accepted) perRecipient.set(m.to, (perRecipient.get(m.to) ?? 0) + 1);
    expect([...perRecipient.keys()].sort()).toEqual([...phones].sort());
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);

    const outbox = await t.db.outboundMessage.groupBy({ by: ['appointmentId'], where: { kind: 'reminder' }, _count: true });
    expect(outbox).toHaveLength(REMINDERS);
    expect(outbox.every((g) => g._count === 1)).toBe(true);
    expect(await t.db.outboundMessage.count({ where: { kind: 'reminder', status: { not: 'sent' } } })).toBe(0);
    const deliveries = await t.db.reminderDelivery.findMany({ select: { appointmentId: true, status: true } });
    expect(deliveries.map((d) => d.appointmentId).sort()).toEqual([...appointments].sort());
    expect(deliveries.every((d) => d.status === 'sent')).toBe(true);

    // A graceful stop: SIGTERM, running jobs finish, exit 0.
    survivor.child.kill('SIGTERM');
    const stopped = await survivor.exited;
    expect(stopped.code, stopped.stderr).toBe(0);
  });
});
