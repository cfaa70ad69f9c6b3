import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/engine/clock.ts';
import { createScheduler } from '../../src/engine/scheduler.ts';
import { createSchedulingStore } from '../../src/db/scheduling/store.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createBusiness, createCustomer, createResource, createService } from '../engine/support/fixtures.ts';
import { startReceiver, TEST_POLICY, type Receiver } from './support.ts';

// The delivery jobs run in a child process that is SIGKILLed while a delivery's request
// is in flight (the receiver holds it, unanswered). After a restart every event has been
// answered 2xx, the held one exactly once, and the cut attempt is on record as interrupted.

const EVENTS = 6;
const HELD = 3;

let t: TestDatabase;
let receiver: Receiver;
let held: () => void;
const reachedHeld = new Promise<void>((resolve) => (held = resolve));

beforeAll(async () => {
  t = await createTestDatabase();
  receiver = await startReceiver((n) => {
    if (n !== HELD) return 200;
    held();
    return 'hang';
  });
});
afterAll(async () => {
  await receiver.close();
  await t.drop();
});

function startWorker() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/webhooks/support-process/delivery-worker.ts'], {
    // The held request must still be in flight when the SIGKILL lands: a request timeout of
    // 1 s was shorter than a busy machine may keep this process from sending it (the worker
    // then gave up and retried first). 5 s costs the restart 4 s more of waiting for the lease.
    env: { ...process.env, DATABASE_URL: t.url, WEBHOOK_POLICY: JSON.stringify({ ...TEST_POLICY, timeoutMs: 5000, leaseMarginMs: 1000, firstRetrySeconds: 1 }) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const exited = new Promise<{ signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('exit', (_code, signal) => resolve({ signal, stderr })));
  return { child, exited };
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('SIGKILL of the delivery worker mid-request', () => {
  it('after a restart every event is delivered, the one cut short exactly once', { timeout: 180_000 }, async () => {
    const { business, location } = await createBusiness(t.db);
    const dana = await createResource(t.db, location.id);
    const service = await createService(t.db, business.id, { eligible: [dana.id] });
    const customer = await createCustomer(t.db);
    await t.db.webhookSubscription.create({ data: { url: receiver.url, eventTypes: ['appointment.created'], secret: 'whsec_crash-test', createdAt: new Date('2026-11-01T00:00:00Z') } });
    const scheduler = createScheduler(createSchedulingStore(t.pool), fixedClock('2026-11-30T12:00:00Z'), { holdMinutes: 10 });
    for (let i = 0; i < EVENTS; i++) {
      const r = await scheduler.book({ service: service.id, start: new Date(Date.UTC(2026, 11, 1, 14 + i)), customerId: customer.id, channel: 'api', actor: { type: 'system', id: 'test' } });
      expect(r.ok).toBe(true);
    }

    const first = startWorker();
    const outcome = await Promise.race([reachedHeld.then(() => 'held' as const), first.exited]);
    expect(outcome, 'the worker exited before the held request').toBe('held');
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    const second = startWorker();
    try {
      await waitFor('every delivery delivered', async () => (await t.db.webhookDelivery.count({ where: { status: 'delivered' } })) === EVENTS);
    } finally {
      second.child.kill('SIGKILL');
      await second.exited;
    }

    // Every event was answered 2xx; the one held at the kill exactly once, after the restart.
    const answered = receiver.received.filter((r) => r.answered === 200);
    expect(new Set(answered.map((r) => r.eventId)).size).toBe(EVENTS);
    const heldEvent = receiver.received[HELD - 1]!.eventId;
    expect(answered.filter((r) => r.eventId === heldEvent)).toHaveLength(1);
    const attempts = await t.db.webhookAttempt.findMany({ where: { delivery: { eventId: heldEvent } }, orderBy: { number: 'asc' } });
    expect(attempts.map((a) => a.outcome)).toEqual(['interrupted', 'succeeded']);
    // A second 2xx copy of an event happens only where the kill cut an attempt short
    // (answered by the receiver, never settled): at least once, never more than that.
    for (const eventId of new Set(answered.map((r) => r.eventId))) {
      const interrupted = await t.db.webhookAttempt.count({ where: { delivery: { eventId }, outcome: 'interrupted' } });
      expect(answered.filter((r) => r.eventId === eventId).length, eventId).toBeLessThanOrEqual(1 + interrupted);
    }
  });
});
