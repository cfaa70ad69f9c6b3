import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { ACCOUNT_SID, AUTH_TOKEN, createAppointment, seedBasics } from '../channels/sms/helpers.ts';

// At least once, exactly once: the real sender runs in a child process against a
// fake api.twilio.com on 127.0.0.1 and is SIGKILLed twice mid-batch, once while
// Twilio holds a request it has accepted (the sender never hears back) and once
// while a request is in flight that Twilio never accepts. After a restart every
// message (queued confirmations and REST replies, then reminders) has reached
// Twilio exactly once.

const FROM = '+15005550006';
const QUEUED = 8;
const REMINDERS = 8;

interface Accepted {
  sid: string;
  to: string;
  body: string;
  dateCreated: Date;
}

/** Twilio's Messages create and list; `hold` swallows one create (accepting it or not) and never answers. */
function fakeTwilioServer() {
  const accepted: Accepted[] = [];
  let posts = 0;
  let hold: { at: number; accept: boolean; reached: () => void } | null = null;
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
    if (hold && posts === hold.at) {
      if (hold.accept) accepted.push(m);
      hold.reached();
      return; // never answered: the sender is killed while waiting
    }
    accepted.push(m);
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid: m.sid, to: m.to, from: FROM, body: m.body, status: 'queued', num_segments: '1', account_sid: ACCOUNT_SID }));
  });
  return {
    server,
    accepted,
    posts: () => posts,
    /** Resolves when the `after`-th next create arrives, which is held. */
    holdNext(after: number, accept: boolean): Promise<void> {
      return new Promise((reached) => {
        hold = { at: posts + after, accept, reached };
      });
    },
    release() {
      hold = null;
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

beforeAll(async () => {
  t = await createTestDatabase();
  twilio = fakeTwilioServer();
  await new Promise<void>((r) => twilio.server.listen(0, '127.0.0.1', r));
  twilioUrl = `http://127.0.0.1:${(twilio.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  twilio.server.closeAllConnections();
  await new Promise((r) => twilio.server.close(r));
  await t.drop();
});

function startSender(): { child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/jobs/support/outbox-sender.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM_NUMBER: FROM,
      FAKE_TWILIO_URL: twilioUrl,
      OUTBOX_LEASE_MS: '1000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exited };
}

async function killWhenHeld(reached: Promise<void>): Promise<void> {
  const { child, exited } = startSender();
  const outcome = await Promise.race([reached.then(() => 'held' as const), exited]);
  expect(outcome, 'the sender finished before the held request').toBe('held');
  child.kill('SIGKILL');
  expect((await exited).signal).toBe('SIGKILL');
  twilio.release();
}

describe('SIGKILL while outbound messages are queued', () => {
  it('after restarts every message reaches Twilio exactly once', { timeout: 120_000 }, async () => {
    const basics = await seedBasics(t.db, { reminderOffsetsMinutes: [120] });
    const now = Date.now();
    const expected: Array<{ to: string; kind: string }> = [];
    for (let i = 0; i < QUEUED; i++) {
      // Confirmations and REST replies a crashed process committed as queued.
      const to = `+1212555${String(1100 + i)}`;
      const kind = i % 2 ? 'reply_rest' : 'confirmation';
      await t.db.outboundMessage.create({ data: { channel: 'sms', to, body: `${kind} for ${to}`, kind, idempotencyKey: `crash-test:${i}`, status: 'queued', segments: 1 } });
      expected.push({ to, kind });
    }
    for (let i = 0; i < REMINDERS; i++) {
      const to = `+1212555${String(1200 + i)}`;
      await createAppointment(t.db, basics, { customerPhone: to, startsAt: new Date(now + (60 + i) * 60_000), createdAt: new Date(now - 86_400_000) });
      expected.push({ to, kind: 'reminder' });
    }

    // Killed while Twilio holds the 5th message it has accepted.
    await killWhenHeld(twilio.holdNext(5, true));
    expect(twilio.accepted).toHaveLength(5);
    // Killed with a reminder's request in flight that Twilio never accepts.
    await killWhenHeld(twilio.holdNext(QUEUED - 5 + 3, false));
    expect(await t.db.outboundMessage.count({ where: { kind: 'reminder', status: 'sending' } })).toBe(1);

    const { exited } = startSender();
    const last = await exited;
    expect(last.code, last.stderr).toBe(0);

    const perRecipient = new Map<string, number>();
    for (const m of twilio.accepted) perRecipient.set(m.to, (perRecipient.get(m.to) ?? 0) + 1);
    expect([...perRecipient.keys()].sort()).toEqual(expected.map((e) => e.to).sort());
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);

    const rows = await t.db.outboundMessage.findMany({ select: { to: true, kind: true, status: true, providerMessageId: true } });
    expect(rows).toHaveLength(QUEUED + REMINDERS);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    const sidOf = new Map(twilio.accepted.map((m) => [m.to, m.sid]));
    for (const r of rows) expect(r.providerMessageId).toBe(sidOf.get(r.to));
  });
});
