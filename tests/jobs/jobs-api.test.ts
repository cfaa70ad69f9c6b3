import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES, startBoss, stopBoss } from '../../src/jobs/boss.ts';
import { createAppointment, seedBasics } from '../channels/sms/helpers.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { runDueReminders } from '../../src/jobs/reminders.ts';
import { recordingNotifier } from './support/notifiers.ts';
import { notifierRegistry } from '../../src/contract/notifier.ts';

// GET /api/v1/jobs: every queue with its jobs by state, the latest failures with their
// error, and the reminders by outcome; admins only. (tests/api/rbac.test.ts walks it
// with every role too.)

let app: TestApp;
let boss: PgBoss;

beforeAll(async () => {
  app = await createTestApp();
  boss = await startBoss(app.t.url, app.ctx.log);
});
afterAll(async () => {
  await stopBoss(boss);
  await app.close();
});

async function get(path: string, auth?: string) {
  const res = await app.api(`/api/v1${path}`, auth ? { auth } : {});
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('GET /api/v1/jobs', () => {
  it('shows queues by state, the last failures and reminder outcomes', async () => {
    const basics = await seedBasics(app.t.db, { reminderOffsetsMinutes: [120] });
    await createAppointment(app.t.db, basics, { customerPhone: '+12125550801', startsAt: new Date(Date.now() + 60 * 60_000), createdAt: new Date(Date.now() - 86_400_000) });
    await runDueReminders(app.ctx, notifierRegistry([recordingNotifier('sms')]));

    // A job that throws, on a queue without retries: it fails at once.
    await boss.work(QUEUES.noShows, { pollingIntervalSeconds: 0.5 }, async () => {
      throw new Error('the database said no');
    });
    await boss.send(QUEUES.noShows, {});
    await boss.send(QUEUES.reminderSend, {}, { startAfter: 3600 });

    await expect.poll(async () => ((await get('/jobs')).body.failures as unknown[]).length, { timeout: 20_000 }).toBe(1);
    const { status, body } = await get('/jobs');
    expect(status).toBe(200);
    const queues = body.queues as Array<{ name: string; policy: string; counts: Record<string, number> }>;
    expect(queues.map((q) => q.name)).toEqual(expect.arrayContaining(Object.values(QUEUES)));
    expect(queues.find((q) => q.name === QUEUES.noShows)).toMatchObject({ policy: 'stately', counts: { failed: 1, active: 0, created: 0 } });
    expect(queues.find((q) => q.name === QUEUES.reminderSend)!.counts).toEqual({ created: 1, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 });
    expect(body.failures).toEqual([{ queue: QUEUES.noShows, jobId: expect.any(String), error: 'the database said no', failedAt: expect.any(String), retries: 0 }]);
    expect(body.reminders).toEqual({ pending: 0, sent: 1, skipped: 0, suppressed: 0 });
  });

  it('is for admins only', async () => {
    const user = (await (await app.api('/api/v1/users', { method: 'POST', json: { name: 'Morgan', role: 'manager' } })).json()) as { id: string };
    const { token } = (await (await app.api('/api/v1/tokens', { method: 'POST', json: { userId: user.id, name: 'manager token' } })).json()) as { token: string };
    expect((await get('/jobs', token)).status).toBe(403);
    expect((await get('/jobs?failures=0')).status).toBe(400);
  });
});
