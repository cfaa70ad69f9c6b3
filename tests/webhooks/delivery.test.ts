import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PgBoss from 'pg-boss';
import { startBoss, stopBoss } from '../../src/jobs/boss.ts';
import { startWebhookJobs, WEBHOOK_QUEUES, type WebhookJobs } from '../../src/jobs/webhook-delivery.ts';
import { createLogger } from '../../src/log.ts';
import { systemClock } from '../../src/engine/clock.ts';
import { httpPost } from '../../src/webhooks/deps.ts';
import { deliverOne } from '../../src/webhooks/deliver.ts';
import { deliverDue, runWebhookDispatch } from '../../src/webhooks/dispatch.ts';
import { leaseMs } from '../../src/webhooks/policy.ts';
import { book, loadReadmeVerifier, startClinic, startReceiver, staff, subscribe, TEST_POLICY, webhookDeps, type Clinic, type Receiver } from './support.ts';

// Outbound webhooks end to end: the audit trails' triggers write the events, the
// dispatcher fans them out, each attempt is signed, logged and retried, and a subscriber
// that keeps failing is disabled with an exception for ops.

const ALL_TYPES = [
  'appointment.created',
  'appointment.confirmed',
  'appointment.rescheduled',
  'appointment.canceled',
  'appointment.completed',
  'appointment.no_show',
  'exception.raised',
  'exception.resolved',
];

let verify: Awaited<ReturnType<typeof loadReadmeVerifier>>;
beforeAll(async () => {
  verify = await loadReadmeVerifier();
});

interface DeliveryApiView {
  eventId: string;
  eventType: string;
  status: string;
  attemptCount: number;
  attempts: Array<{ number: number; outcome: string; responseStatus: number | null; error: string | null }>;
}

async function deliveries(c: Clinic, subscriptionId: string): Promise<DeliveryApiView[]> {
  const res = await c.app.api(`/api/v1/webhooks/${subscriptionId}/deliveries`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: DeliveryApiView[] }).items;
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('a receiver that fails twice, then succeeds (through the pg-boss jobs)', () => {
  let c: Clinic;
  let receiver: Receiver;
  let boss: PgBoss;
  let jobs: WebhookJobs;

  beforeAll(async () => {
    c = await startClinic();
    receiver = await startReceiver((n) => (n <= 2 ? 500 : 200));
  });
  afterAll(async () => {
    jobs?.stop();
    if (boss) await stopBoss(boss);
    await receiver.close();
    await c.app.close();
  });

  it('gets the event once, signed so the README snippet verifies it, and the API shows all three attempts', async () => {
    const sub = await subscribe(c.app, { url: receiver.url, eventTypes: ['appointment.created'] });
    const appointmentId = await book(c, '2026-12-01T15:00:00Z');

    // Real time for the deliveries (signatures are checked against now), with retries a second apart.
    const deps = webhookDeps(c.app, { clock: systemClock, policy: { firstRetrySeconds: 1, maxRetrySeconds: 2 } });
    boss = await startBoss(c.app.t.url, createLogger('silent'));
    jobs = await startWebhookJobs(boss, deps);
    await boss.send(WEBHOOK_QUEUES.dispatch, {});
    await waitFor('a 2xx answer', () => receiver.acceptedEventIds().length > 0);
    await waitFor('the delivery settled', async () => (await deliveries(c, sub.id))[0]?.status === 'delivered');

    expect(receiver.received.map((r) => r.answered)).toEqual([500, 500, 200]);
    expect(receiver.acceptedEventIds()).toHaveLength(1);
    const [eventId] = receiver.acceptedEventIds();
    for (const r of receiver.received) {
      expect(r.eventId).toBe(eventId);
      expect(r.headers['frontdesk-event-type']).toBe('appointment.created');
      expect(r.headers['content-type']).toBe('application/json');
      expect(verify(sub.secret, String(r.headers['frontdesk-signature']), r.body)).toBe(true);
      expect(verify('whsec_not-the-secret', String(r.headers['frontdesk-signature']), r.body)).toBe(false);
      const body = JSON.parse(r.body) as { id: string; type: string; created_at: string; data: { id: string; status: string } };
      expect(body).toMatchObject({ id: eventId, type: 'appointment.created', data: { id: appointmentId, status: 'confirmed' } });
    }
    // Every retry sends the same bytes.
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);

    const [d] = await deliveries(c, sub.id);
    expect(d).toMatchObject({ eventId, eventType: 'appointment.created', status: 'delivered', attemptCount: 3 });
    expect(d!.attempts.map((a) => [a.number, a.outcome, a.responseStatus])).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 500],
      [3, 'succeeded', 200],
    ]);
    expect(d!.attempts[0]!.error).toMatch(/HTTP 500/);
    const subscription = await c.app.t.db.webhookSubscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect(subscription).toMatchObject({ enabled: true, consecutiveFailures: 0, failingSince: null });
  });
});

describe('events from committed changes', () => {
  let c: Clinic;
  let receiver: Receiver;
  beforeAll(async () => {
    c = await startClinic();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await c.app.close();
  });

  it('announces every appointment and exception event type, each once, with the record in the API shape', async () => {
    await subscribe(c.app, { url: receiver.url, eventTypes: ALL_TYPES });
    const s = c.app.ctx.scheduler;
    const moved = await book(c, '2026-12-01T15:00:00Z');
    const rescheduled = await s.reschedule(moved, new Date('2026-12-01T16:00:00Z'), staff);
    if (!rescheduled.ok) throw new Error(rescheduled.message);
    const newId = rescheduled.appointment.id;
    expect((await s.cancel(newId, staff, 'customer asked')).ok).toBe(true);
    const done = await book(c, '2026-12-01T17:00:00Z');
    const missed = await book(c, '2026-12-01T18:00:00Z');
    c.clock.set('2026-12-01T20:00:00Z');
    expect((await s.setStatus(done, 'completed', staff)).ok).toBe(true);
    expect((await s.setStatus(missed, 'no_show', staff)).ok).toBe(true);
    const raised = await c.app.ctx.ops.raise({ type: 'human_requested', summary: 'Wants a person', appointmentId: done });
    await c.app.ctx.ops.execute({ kind: 'resolve', exceptionId: raised.id, reason: 'called back' }, { userId: null, role: 'admin', via: 'api', displayName: 'Admin' });

    await deliverDue(webhookDeps(c.app));
    const bodies = receiver.received.map((r) => JSON.parse(r.body) as { id: string; type: string; data: Record<string, unknown> });
    const seen = bodies.map((b) => `${b.type} ${b.data.id}`).sort();
    expect(seen).toEqual(
      [
        `appointment.created ${moved}`,
        `appointment.confirmed ${moved}`,
        `appointment.rescheduled ${newId}`,
        `appointment.canceled ${newId}`,
        `appointment.created ${done}`,
        `appointment.confirmed ${done}`,
        `appointment.created ${missed}`,
        `appointment.confirmed ${missed}`,
        `appointment.completed ${done}`,
        `appointment.no_show ${missed}`,
        `exception.raised ${raised.id}`,
        `exception.resolved ${raised.id}`,
      ].sort(),
    );
    expect(new Set(bodies.map((b) => b.id)).size).toBe(bodies.length);
    expect(bodies.find((b) => b.type === 'appointment.rescheduled')!.data.rescheduledFromId).toBe(moved);

    // The appointment as GET /appointments/:id shows it (without its history and reminder log), the exception as GET /exceptions/:id.
    const apiView = (await (await c.app.api(`/api/v1/appointments/${missed}`)).json()) as Record<string, unknown>;
    delete apiView.events;
    delete apiView.reminders;
    expect(bodies.find((b) => b.type === 'appointment.no_show')!.data).toEqual(apiView);
    const exceptionView = (await (await c.app.api(`/api/v1/exceptions/${raised.id}`)).json()) as Record<string, unknown>;
    const resolved = bodies.find((b) => b.type === 'exception.resolved')!.data;
    for (const [k, v] of Object.entries(resolved)) expect(exceptionView[k], k).toEqual(v);

    // Running again sends nothing more.
    await deliverDue(webhookDeps(c.app));
    expect(receiver.received).toHaveLength(bodies.length);
  });

  it('has no event for a change that rolled back, and fans each event out once however many dispatchers run', async () => {
    const before = await c.app.t.db.webhookEvent.count();
    const client = await c.app.t.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO appointment_event (appointment_id, actor_type, action, after) SELECT id, 'system', 'status', '{"status":"completed"}' FROM appointment LIMIT 1`,
      );
      expect(Number((await client.query('SELECT count(*) FROM webhook_event')).rows[0].count)).toBe(before + 1);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await c.app.t.db.webhookEvent.count()).toBe(before);

    const sent = receiver.received.length;
    const ids = await Promise.all([book(c, '2026-12-02T15:00:00Z'), book(c, '2026-12-02T16:00:00Z'), book(c, '2026-12-02T17:00:00Z')]);
    const deps = webhookDeps(c.app);
    await Promise.all([deliverDue(deps), deliverDue(deps), deliverDue(deps)]);
    const fresh = receiver.received.slice(sent);
    // Two events per booking (created, confirmed), each received exactly once.
    expect(fresh).toHaveLength(ids.length * 2);
    expect(new Set(fresh.map((r) => r.eventId)).size).toBe(ids.length * 2);
  });
});

describe('a delivery loop that dies mid-request', () => {
  let c: Clinic;
  let receiver: Receiver;
  beforeAll(async () => {
    c = await startClinic();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await c.app.close();
  });

  // The dying process is simulated in-process: its HTTP call never settles, so neither
  // does its attempt. The restarted loop is a fresh dispatcher past the claim's lease.
  const never = () => new Promise<never>(() => undefined);

  it('before the request reached the receiver: delivered once after the restart, the cut attempt logged as interrupted', async () => {
    const sub = await subscribe(c.app, { url: receiver.url, eventTypes: ['appointment.created'] });
    await book(c, '2026-12-01T15:00:00Z');
    const dying = webhookDeps(c.app, { post: never });
    const run = await runWebhookDispatch(dying);
    expect(run.due).toHaveLength(1);
    void deliverOne(dying, run.due[0]!);
    await waitFor('the claim', async () => (await c.app.t.db.webhookAttempt.count()) === 1);

    // Within the lease nobody else takes it.
    expect(await deliverDue(webhookDeps(c.app))).toEqual([]);
    c.clock.advance(leaseMs(TEST_POLICY) + 1000);
    expect(await deliverDue(webhookDeps(c.app))).toEqual([{ kind: 'delivered' }]);

    expect(receiver.received).toHaveLength(1);
    const [d] = await deliveries(c, sub.id);
    expect(d!.status).toBe('delivered');
    expect(d!.attempts.map((a) => a.outcome)).toEqual(['interrupted', 'succeeded']);
  });

  it('after the receiver accepted it: sent again under the same event id, so the receiver counts it once', async () => {
    const sub = await subscribe(c.app, { url: receiver.url, eventTypes: ['appointment.canceled'] });
    const id = await book(c, '2026-12-01T17:00:00Z');
    await c.app.ctx.scheduler.cancel(id, staff, 'test');
    const before = receiver.received.length;
    const dying = webhookDeps(c.app, { post: async (req) => (await httpPost(req), never()) });
    const run = await runWebhookDispatch(dying);
    const due = (await c.app.t.db.webhookDelivery.findMany({ where: { subscriptionId: sub.id, id: { in: run.due } } })).map((d) => d.id);
    expect(due).toHaveLength(1);
    void deliverOne(dying, due[0]!);
    const canceled = () => receiver.received.slice(before).filter((r) => r.headers['frontdesk-event-type'] === 'appointment.canceled');
    await waitFor('the first copy', () => canceled().length === 1);

    c.clock.advance(leaseMs(TEST_POLICY) + 1000);
    await deliverDue(webhookDeps(c.app));
    const copies = canceled();
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((r) => r.eventId)).size).toBe(1);
    const [d] = await deliveries(c, sub.id);
    expect(d!.attempts.map((a) => a.outcome)).toEqual(['interrupted', 'succeeded']);
  });
});

describe('a subscriber that keeps failing', () => {
  let c: Clinic;
  let receiver: Receiver;
  let healthy = false;
  beforeAll(async () => {
    c = await startClinic();
    receiver = await startReceiver(() => (healthy ? 200 : 503));
  });
  afterAll(async () => {
    await receiver.close();
    await c.app.close();
  });

  const policy = { disableAfterFailures: 3, disableAfterHours: 1 };
  const run = () => deliverDue(webhookDeps(c.app, { policy, random: () => 0.5 }));

  it('is not disabled by a burst of failures within minutes', async () => {
    const sub = await subscribe(c.app, { url: receiver.url, eventTypes: ['appointment.created'] });
    for (const start of ['2026-12-01T15:00:00Z', '2026-12-01T16:00:00Z', '2026-12-01T17:00:00Z', '2026-12-01T18:00:00Z']) await book(c, start);
    const outcomes = await run();
    expect(outcomes.map((o) => o.kind)).toEqual(['retry', 'retry', 'retry', 'retry']);
    const s = await c.app.t.db.webhookSubscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect(s).toMatchObject({ enabled: true, consecutiveFailures: 4 });
    await c.app.api(`/api/v1/webhooks/${sub.id}`, { method: 'DELETE' });
  });

  it('is disabled after failing for long enough, with an exception for ops; re-enabled, it receives again', async () => {
    const sub = await subscribe(c.app, { url: receiver.url, eventTypes: ['appointment.created'] });
    await book(c, '2026-12-02T15:00:00Z');
    const kinds: string[] = [];
    for (let i = 0; i < 6 && !kinds.includes('disabled'); i++) {
      kinds.push(...(await run()).map((o) => o.kind));
      c.clock.advance(30 * 60_000);
    }
    // Attempts at 0, 30 and 60 minutes: the third is the third failure in a row, an hour after the first.
    expect(kinds).toEqual(['retry', 'retry', 'disabled']);

    const view = (await (await c.app.api(`/api/v1/webhooks/${sub.id}`)).json()) as Record<string, unknown>;
    expect(view).toMatchObject({ enabled: false, consecutiveFailures: 3 });
    expect(view.disabledReason).toMatch(/3 attempts in a row failed.*HTTP 503/);
    const exceptions = await c.app.t.db.exception.findMany({ where: { type: 'webhook_failing' } });
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0]).toMatchObject({ status: 'open', details: { subscriptionId: sub.id, url: receiver.url, consecutiveFailures: 3 } });
    const [d] = await deliveries(c, sub.id);
    expect(d).toMatchObject({ status: 'abandoned', attemptCount: 3 });
    expect(d!.attempts.map((a) => [a.outcome, a.responseStatus])).toEqual([
      ['failed', 503],
      ['failed', 503],
      ['failed', 503],
    ]);

    // Disabled: a new event is not sent to it.
    const sent = receiver.received.length;
    await book(c, '2026-12-02T16:00:00Z');
    await run();
    expect(receiver.received).toHaveLength(sent);

    healthy = true;
    const res = await c.app.api(`/api/v1/webhooks/${sub.id}`, { method: 'PATCH', json: { enabled: true } });
    expect(await res.json()).toMatchObject({ enabled: true, consecutiveFailures: 0, failingSince: null, disabledReason: null });
    await book(c, '2026-12-02T17:00:00Z');
    expect((await run()).map((o) => o.kind)).toEqual(['delivered']);
    expect(await c.app.t.db.exception.count({ where: { type: 'webhook_failing' } })).toBe(1);
  });

  it('gives a delivery up after the last attempt', async () => {
    healthy = false;
    await c.app.t.db.webhookSubscription.deleteMany();
    const sub = await subscribe(c.app, { url: receiver.url, eventTypes: ['appointment.canceled'] });
    const id = await book(c, '2026-12-03T15:00:00Z');
    await c.app.ctx.scheduler.cancel(id, staff, 'test');
    const kinds: string[] = [];
    for (let i = 0; i < 5; i++) {
      kinds.push(...(await deliverDue(webhookDeps(c.app, { policy: { maxAttempts: 2 }, random: () => 0.5 }))).map((o) => o.kind));
      c.clock.advance(10 * 60_000);
    }
    expect(kinds).toEqual(['retry', 'failed']);
    const [d] = await deliveries(c, sub.id);
    expect(d).toMatchObject({ status: 'failed', attemptCount: 2 });
  });
});
