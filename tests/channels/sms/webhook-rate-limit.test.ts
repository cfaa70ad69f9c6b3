import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Orchestrator } from '../../../src/contract/conversation.ts';
import { createSmsSender } from '../../../src/channels/sms/outbound.ts';
import { smsDeps } from '../../../src/context.ts';
import { createSmsChannel } from '../../../src/channels/sms/router.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { AUTH_TOKEN, PUBLIC_URL, inboundParams, messageSid, postSigned, seedBasics } from './helpers.ts';

// Each verified sender gets its own budget of inbound texts per window; a forged
// request is refused by the signature check before it can spend anyone's budget.

const LIMIT = 2;
let app: TestApp;
let handled = 0;

beforeAll(async () => {
  const orchestrator: Orchestrator = {
    end: async () => {},
    handle: async (m) => {
      handled++;
      const conversation = await app.t.db.conversation.upsert({
        where: { channel_externalId: { channel: 'sms', externalId: m.senderIdentity } },
        create: { channel: 'sms', externalId: m.senderIdentity },
        update: {},
      });
      return { conversationId: conversation.id, messages: ['hi'] };
    },
  };
  app = await createTestApp({
    env: { TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_URL, RATE_LIMIT_WEBHOOK_REQUESTS: String(LIMIT) },
    routers: (ctx) => [{ path: '/webhooks/twilio', router: createSmsChannel({ ...smsDeps(ctx), orchestrator, sender: createSmsSender(smsDeps(ctx)), budgetMs: 2000 }).router }],
  });
  await seedBasics(app.t.db);
});
afterAll(() => app.close());

const text = (from: string, opts: { signature?: string } = {}) =>
  postSigned(app.url, '/webhooks/twilio/sms', inboundParams(from, 'hello', { MessageSid: messageSid() }), opts);

describe('inbound SMS rate limit', () => {
  it('refuses a sender past its budget with 429 and Retry-After, without running the conversation', async () => {
    const forged = [];
    for (let i = 0; i < LIMIT + 1; i++) forged.push((await text('+12125550123', { signature: 'forged' })).status);
    expect(forged).toEqual([403, 403, 403]);

    const statuses = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await text('+12125550123')).status);
    expect(statuses).toEqual([200, 200]);
    const before = handled;
    const refused = await text('+12125550123');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(handled).toBe(before);
  });

  it('keeps another sender’s budget whole', async () => {
    expect((await text('+12125550199')).status).toBe(200);
  });
});
