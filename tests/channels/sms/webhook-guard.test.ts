import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InboundMessage, Orchestrator, OutboundReply } from '../../../src/contract/conversation.ts';
import { createSmsSender } from '../../../src/channels/sms/outbound.ts';
import { smsDeps } from '../../../src/context.ts';
import { createSmsChannel } from '../../../src/channels/sms/router.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL, fakeTwilio, inboundParams, messageSid, postSigned, postSignedForm, rowCounts } from './helpers.ts';

// Validly signed webhooks that are still not acceptable: malformed forms, another
// account, another number, a MessageSid reused by another sender. Each is refused
// with a 4xx and leaves the database as it was.

const OUR_NUMBER = '+15005550006';
const OUR_OTHER_NUMBER = '+15005550007';

class EchoOrchestrator implements Orchestrator {
  calls: InboundMessage[] = [];
  delayMs = 0;
  async end(): Promise<void> {}
  async handle(m: InboundMessage): Promise<OutboundReply> {
    this.calls.push(m);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    return { conversationId: '', messages: [`Private answer for ${m.senderIdentity}`] };
  }
}

let app: TestApp;
const orch = new EchoOrchestrator();

beforeAll(async () => {
  app = await createTestApp({
    env: { TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_FROM_NUMBER: OUR_NUMBER, TWILIO_NUMBERS: OUR_OTHER_NUMBER, PUBLIC_URL },
    routers: (ctx) => [
      { path: '/webhooks/twilio', router: createSmsChannel({ ...smsDeps(ctx), orchestrator: orch, sender: createSmsSender(smsDeps(ctx), { httpClient: fakeTwilio() }), budgetMs: 5000 }).router },
    ],
  });
});
afterAll(() => app.close());
beforeEach(() => {
  orch.calls = [];
  orch.delayMs = 0;
});

/** Runs the request and asserts it was refused with `status` as a problem document and wrote nothing. */
async function expectRefused(request: () => Promise<Response>, status: number): Promise<unknown> {
  const before = await rowCounts(app.t.db);
  const res = await request();
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = await res.json();
  expect(await rowCounts(app.t.db)).toEqual(before);
  expect(orch.calls).toHaveLength(0);
  return body;
}

describe('malformed but signed', () => {
  it('a repeated parameter (Body twice) gets 400', async () => {
    const params = { ...inboundParams('+12125550701', 'x'), Body: ['book a cleaning', 'STOP'] };
    const body = await expectRefused(() => postSignedForm(app.url, '/webhooks/twilio/sms', params), 400);
    expect(body).toMatchObject({ status: 400, detail: expect.stringMatching(/Body/) });
  });

  it.each(['/webhooks/twilio/sms', '/webhooks/twilio/status'])('no form body at %s gets 400', async (path) => {
    await expectRefused(() => postSignedForm(app.url, path, null), 400);
  });

  it('a repeated parameter on a status callback gets 400', async () => {
    await expectRefused(() => postSignedForm(app.url, '/webhooks/twilio/status', { AccountSid: ACCOUNT_SID, MessageSid: ['SM1', 'SM2'], MessageStatus: 'failed' }), 400);
  });
});

describe('addressed elsewhere', () => {
  it('an AccountSid other than TWILIO_ACCOUNT_SID gets 403, on both webhooks', async () => {
    const other = 'AC' + '1'.repeat(32);
    await expectRefused(() => postSigned(app.url, '/webhooks/twilio/sms', inboundParams('+12125550702', 'hi', { AccountSid: other })), 403);
    await expectRefused(() => postSigned(app.url, '/webhooks/twilio/status', { AccountSid: other, MessageSid: 'SM' + 'a'.repeat(32), MessageStatus: 'failed' }), 403);
  });

  it('a To that is not one of the business’s numbers gets 400', async () => {
    await expectRefused(() => postSigned(app.url, '/webhooks/twilio/sms', inboundParams('+12125550703', 'hi', { To: '+15005550009' })), 400);
  });

  it('accepts TWILIO_FROM_NUMBER and every TWILIO_NUMBERS entry', async () => {
    for (const to of [OUR_NUMBER, OUR_OTHER_NUMBER]) {
      const res = await postSigned(app.url, '/webhooks/twilio/sms', inboundParams('+12125550704', 'hi', { To: to }));
      expect(res.status).toBe(200);
    }
    expect(orch.calls).toHaveLength(2);
  });
});

describe('a MessageSid reused by another sender', () => {
  it('after the first reply: 400, no reply text, nothing written', async () => {
    const sid = messageSid();
    const first = await postSigned(app.url, '/webhooks/twilio/sms', inboundParams('+12125550711', 'hello', { MessageSid: sid }));
    expect(await first.text()).toContain('Private answer for +12125550711');
    orch.calls = [];
    const body = await expectRefused(() => postSigned(app.url, '/webhooks/twilio/sms', inboundParams('+12125550712', 'hello', { MessageSid: sid })), 400);
    expect(JSON.stringify(body)).not.toContain('Private answer');
  });

  it('while the first is still being answered: 400, and the first still gets its own reply', async () => {
    const sid = messageSid();
    orch.delayMs = 300;
    const first = postSigned(app.url, '/webhooks/twilio/sms', inboundParams('+12125550713', 'hello', { MessageSid: sid }));
    await expect.poll(() => orch.calls.length).toBe(1);
    const second = await postSigned(app.url, '/webhooks/twilio/sms', inboundParams('+12125550714', 'hello', { MessageSid: sid }));
    expect(second.status).toBe(400);
    expect(await second.text()).not.toContain('Private answer');
    expect(await (await first).text()).toContain('Private answer for +12125550713');
    expect(orch.calls).toHaveLength(1);
    expect(await app.t.db.outboundMessage.count({ where: { to: '+12125550714' } })).toBe(0);
  });
});
