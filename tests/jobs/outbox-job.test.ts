import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Orchestrator } from '../../src/contract/conversation.ts';
import { createSmsSender } from '../../src/channels/sms/outbound.ts';
import { smsDeps } from '../../src/context.ts';
import { createSmsChannel } from '../../src/channels/sms/router.ts';
import { startBoss, stopBoss } from '../../src/jobs/boss.ts';
import { startSmsJobs } from '../../src/channels/sms/jobs.ts';
import { bossQueue } from '../../src/jobs/queue.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL, fakeTwilio, type FakeTwilio } from '../channels/sms/helpers.ts';

// The outbox sweeper is a job: when the SMS jobs start, what an earlier process
// left queued goes out without waiting for anything else to happen.

const unused: Orchestrator = { handle: () => Promise.reject(new Error('not part of this test')), end: () => Promise.reject(new Error('not part of this test')) };
let app: TestApp;
let boss: PgBoss;
let twilioApi: FakeTwilio;

beforeAll(async () => {
  twilioApi = fakeTwilio();
  app = await createTestApp({ env: { TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_FROM_NUMBER: '+15005550006', PUBLIC_URL } });
});
afterAll(async () => {
  if (boss) await stopBoss(boss);
  await app.close();
});

describe('the outbox sweeper job', () => {
  it('sends a message left queued before the start, once', async () => {
    const left = await app.t.db.outboundMessage.create({
      data: { channel: 'sms', to: '+12125550901', body: 'Your appointment is confirmed.', kind: 'confirmation', idempotencyKey: 'job-test:1', status: 'queued', segments: 1 },
    });
    const sender = createSmsSender(smsDeps(app.ctx), { httpClient: twilioApi });
    boss = await startBoss(app.t.url, app.ctx.log);
    await startSmsJobs(bossQueue(boss), { log: app.ctx.log, sender, processor: createSmsChannel({ ...smsDeps(app.ctx), orchestrator: unused, sender }).processor });
    await expect.poll(async () => (await app.t.db.outboundMessage.findUniqueOrThrow({ where: { id: left.id } })).status, { timeout: 15_000, interval: 200 }).toBe('sent');
    expect(twilioApi.accepted.map((m) => m.to)).toEqual(['+12125550901']);
  });
});
