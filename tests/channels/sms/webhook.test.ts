import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InboundMessage, Orchestrator, OutboundReply } from '../../../src/contract/conversation.ts';
import { createSmsSender } from '../../../src/channels/sms/outbound.ts';
import { smsDeps } from '../../../src/context.ts';
import { createSmsChannel } from '../../../src/channels/sms/router.ts';
import type { PrismaClient } from '../../../src/db/client.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { AUTH_TOKEN, PUBLIC_URL, createAppointment, inboundParams, messageSid, postSigned, rowCounts, seedBasics, type Basics } from './helpers.ts';

// The inbound webhook against a stand-in orchestrator: signatures, keywords,
// retries and MMS. Dialogs with the real orchestrator are in tests/conversation/dialogs*.test.ts.

/** Echoes, with a real conversation row per sender as the real orchestrator keeps. */
class FakeOrchestrator implements Orchestrator {
  calls: InboundMessage[] = [];
  delayMs = 0;
  /** When set, every turn waits for it: the test decides when the model answers. */
  gate?: Promise<void>;
  db?: PrismaClient;
  reply: (m: InboundMessage) => string[] = (m) => [`You said: ${m.text}`];
  ended: Array<{ senderIdentity: string; reason: string }> = [];
  async end(sender: { senderIdentity: string }, reason: string): Promise<void> {
    this.ended.push({ senderIdentity: sender.senderIdentity, reason });
  }
  async handle(m: InboundMessage): Promise<OutboundReply> {
    this.calls.push(m);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.gate) await this.gate;
    const conv = await this.db!.conversation.upsert({
      where: { channel_externalId: { channel: 'sms', externalId: m.senderIdentity } },
      create: { channel: 'sms', externalId: m.senderIdentity },
      update: {},
    });
    return { conversationId: conv.id, messages: this.reply(m) };
  }
}

const CUSTOMER = '+12125550123';
let app: TestApp;
let orch: FakeOrchestrator;
let basics: Basics;

beforeAll(async () => {
  orch = new FakeOrchestrator();
  app = await createTestApp({
    env: { TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_URL },
    routers: (ctx) => [{ path: '/webhooks/twilio', router: createSmsChannel({ ...smsDeps(ctx), orchestrator: orch, sender: createSmsSender(smsDeps(ctx)), budgetMs: 2000 }).router }],
  });
  orch.db = app.t.db;
  basics = await seedBasics(app.t.db);
});
afterAll(() => app.close());
beforeEach(() => {
  orch.calls = [];
  orch.delayMs = 0;
  orch.reply = (m) => [`You said: ${m.text}`];
});

const sms = (params: Record<string, string>, opts?: Parameters<typeof postSigned>[3]) => postSigned(app.url, '/webhooks/twilio/sms', params, opts);

describe('signature', () => {
  it('accepts a request signed for PUBLIC_URL + path and answers TwiML, escaped', async () => {
    orch.reply = () => ['Fish & chips <today>? "Yes"'];
    const res = await sms(inboundParams(CUSTOMER, 'hello'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    const xml = await res.text();
    expect(xml).toContain('<Response><Message>Fish &amp; chips &lt;today&gt;? "Yes"</Message></Response>');
    expect(orch.calls[0]).toMatchObject({ channel: 'sms', senderIdentity: CUSTOMER, text: 'hello' });
  });

  it.each([
    ['unsigned', { signature: null }],
    ['forged (wrong auth token)', { token: 'not-the-token-at-all-0000000000' }],
    ['signed for another URL (the one Express sees)', { signFor: 'http://127.0.0.1/webhooks/twilio/sms' }],
    ['signed for the status path', { signFor: PUBLIC_URL + '/webhooks/twilio/status' }],
    ['garbage signature', { signature: 'AAAA' }],
  ] as const)('rejects a %s request with 403 and writes nothing', async (_name, opts) => {
    const before = await rowCounts(app.t.db);
    const res = await sms(inboundParams('+12125550999', 'book me'), opts);
    expect(res.status).toBe(403);
    expect(await rowCounts(app.t.db)).toEqual(before);
    expect(orch.calls).toHaveLength(0);
  });

  it('rejects a body tampered with after signing', async () => {
    const before = await rowCounts(app.t.db);
    const params = inboundParams('+12125550999', 'hi');
    const res = await sms(params, { send: { ...params, Body: 'STOP' } });
    expect(res.status).toBe(403);
    expect(await rowCounts(app.t.db)).toEqual(before);
  });

  it('rejects an unsigned status callback with 403 and writes nothing', async () => {
    const before = await rowCounts(app.t.db);
    const res = await postSigned(app.url, '/webhooks/twilio/status', { MessageSid: 'SM1', MessageStatus: 'undelivered' }, { signature: null });
    expect(res.status).toBe(403);
    expect(await rowCounts(app.t.db)).toEqual(before);
  });

  it('answers 503 when TWILIO_AUTH_TOKEN is not configured', async () => {
    const bare = await createTestApp({
      routers: (ctx) => [{ path: '/webhooks/twilio', router: createSmsChannel({ ...smsDeps(ctx), orchestrator: orch, sender: createSmsSender(smsDeps(ctx)) }).router }],
    });
    try {
      const res = await postSigned(bare.url, '/webhooks/twilio/sms', inboundParams(CUSTOMER, 'hi'));
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/SMS is not configured/);
      expect((await rowCounts(bare.t.db)).outbound).toBe(0);
    } finally {
      await bare.close();
    }
  });
});

describe('Twilio retries', () => {
  it('processes the same MessageSid delivered 3 times concurrently once, with identical replies', async () => {
    orch.delayMs = 150;
    const params = inboundParams(CUSTOMER, 'book a cleaning');
    const replies = await Promise.all([sms(params), sms(params), sms(params)]);
    const bodies = await Promise.all(replies.map((r) => r.text()));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(orch.calls).toHaveLength(1);
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain('You said: book a cleaning');
    // And once more later, after the first finished.
    const again = await sms(params);
    expect(await again.text()).toBe(bodies[0]);
    expect(orch.calls).toHaveLength(1);
    expect(await app.t.db.outboundMessage.count({ where: { idempotencyKey: `sms:reply:${params.MessageSid}` } })).toBe(1);
  });
});

describe('keywords', () => {
  const phone = '+12125550177';

  it('HELP answers with the business name, contact and how to opt out, without the orchestrator', async () => {
    const xml = await (await sms(inboundParams(phone, ' help '))).text();
    expect(xml).toContain('Maple Dental');
    expect(xml).toContain('+12125550100');
    expect(xml).toMatch(/Reply STOP to opt out/);
    expect(orch.calls).toHaveLength(0);
  });

  it('a sentence containing cancel goes to the orchestrator; a bare CANCEL opts out', async () => {
    await sms(inboundParams(phone, 'cancel my appointment please'));
    expect(orch.calls).toHaveLength(1);
    expect((await app.t.db.customer.findUniqueOrThrow({ where: { phone } })).optedOut).toBe(false);

    const xml = await (await sms(inboundParams(phone, 'Cancel'))).text();
    expect(xml).toMatch(/unsubscribed/);
    expect(orch.calls).toHaveLength(1);
    const c = await app.t.db.customer.findUniqueOrThrow({ where: { phone } });
    expect(c.optedOut).toBe(true);
    expect(c.optedOutAt).not.toBeNull();
    // The conversation is told the sender left (it lets go of any time it held); a plain sentence ends nothing.
    expect(orch.ended.filter((e) => e.senderIdentity === phone)).toEqual([{ senderIdentity: phone, reason: 'sms opt-out' }]);
  });

  it('an opted-out customer gets no reply to ordinary text, and YES opts back in', async () => {
    const res = await sms(inboundParams(phone, 'book a cleaning'));
    expect(await res.text()).toMatch(/<Response\/>/);
    expect(orch.calls).toHaveLength(0);

    const xml = await (await sms(inboundParams(phone, 'yes'))).text();
    expect(xml).toMatch(/subscribed again/);
    expect((await app.t.db.customer.findUniqueOrThrow({ where: { phone } })).optedOut).toBe(false);
    expect(orch.calls).toHaveLength(0);

    // Subscribed, "yes" is a confirmation for the orchestrator.
    await sms(inboundParams(phone, 'YES'));
    expect(orch.calls.map((c) => c.text)).toEqual(['YES']);
  });

  it('leaves the confirmation to Twilio when its opt-out management already answered (OptOutType)', async () => {
    const p = '+12125550178';
    const xml = await (await sms(inboundParams(p, 'STOP', { OptOutType: 'STOP' }))).text();
    expect(xml).toMatch(/<Response\/>/);
    expect((await app.t.db.customer.findUniqueOrThrow({ where: { phone: p } })).optedOut).toBe(true);
  });

  it.each(['STOP', 'stopall', 'UNSUBSCRIBE', 'end', 'Quit', 'stop.'])('%s opts out', async (word) => {
    const p = `+1212555${String(1000 + word.length * 7 + word.charCodeAt(0)).slice(-4)}`;
    await sms(inboundParams(p, word));
    expect((await app.t.db.customer.findUniqueOrThrow({ where: { phone: p } })).optedOut).toBe(true);
    await sms(inboundParams(p, word === 'stop.' ? 'UNSTOP' : 'START'));
    expect((await app.t.db.customer.findUniqueOrThrow({ where: { phone: p } })).optedOut).toBe(false);
  });

  it('a bare "Cancel" with an appointment still booked opts out, says it is still booked and how to cancel it, and tells staff (issue 14)', async () => {
    const p = '+12125550199';
    await createAppointment(app.t.db, basics, { customerPhone: p, startsAt: new Date(Date.now() + 2 * 86_400_000) });
    const xml = await (await sms(inboundParams(p, 'Cancel'))).text();
    expect(xml).toMatch(/unsubscribed/);
    expect(xml).toMatch(/Your Cleaning on \w{3} \w{3} \d{1,2}, \d{1,2}:\d{2} [AP]M \w+ is still booked; to cancel it, contact us at \+12125550100/);
    expect(orch.calls.filter((c) => c.text === 'Cancel')).toHaveLength(0);
    expect((await app.t.db.customer.findUniqueOrThrow({ where: { phone: p } })).optedOut).toBe(true);
    const customer = await app.t.db.customer.findUniqueOrThrow({ where: { phone: p } });
    expect(await app.t.db.exception.count({ where: { type: 'opted_out_upcoming', customerId: customer.id } })).toBe(1);
    // Still booked: opting out canceled nothing.
    expect(await app.t.db.appointment.count({ where: { customerId: customer.id, status: 'confirmed' } })).toBe(1);
  });

  it('STOP from a customer with an upcoming appointment raises opted_out_upcoming', async () => {
    const p = '+12125550188';
    const apptId = await createAppointment(app.t.db, basics, { customerPhone: p, startsAt: new Date(Date.now() + 3 * 86_400_000) });
    await createAppointment(app.t.db, basics, { customerPhone: p, startsAt: new Date(Date.now() - 86_400_000) });
    await sms(inboundParams(p, 'STOP'));
    const { id: customerId } = await app.t.db.customer.findUniqueOrThrow({ where: { phone: p } });
    const ex = await app.t.db.exception.findMany({ where: { type: 'opted_out_upcoming', customerId } });
    expect(ex).toHaveLength(1);
    expect(ex[0]).toMatchObject({ appointmentId: apptId, status: 'open' });
    expect(ex[0]!.summary).toMatch(/Cleaning/);
    // A second STOP does not duplicate it.
    await sms(inboundParams(p, 'STOP'));
    expect(await app.t.db.exception.count({ where: { type: 'opted_out_upcoming', customerId } })).toBe(1);
  });
});

describe('inbound details', () => {
  it('passes MMS media to the orchestrator as attachments', async () => {
    await sms(
      inboundParams('+12125550144', '', {
        NumMedia: '2',
        MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME1',
        MediaContentType0: 'image/jpeg',
        MediaUrl1: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME2',
        MediaContentType1: 'application/pdf',
      }),
    );
    expect(orch.calls[0]!.attachments).toEqual([
      { url: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME1', contentType: 'image/jpeg' },
      { url: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME2', contentType: 'application/pdf' },
    ]);
  });

  it('creates the customer on first contact with the E.164 phone', async () => {
    await sms(inboundParams('+44 20 7183 8750', 'hello'));
    expect(orch.calls[0]!.senderIdentity).toBe('+442071838750');
    expect(await app.t.db.customer.count({ where: { phone: '+442071838750' } })).toBe(1);
  });

  it('keeps a long reply within 3 segments by dropping numbered options whole', async () => {
    orch.reply = () => [
      'Openings for Cleaning:\n' + Array.from({ length: 12 }, (_, i) => `${i + 1}) Tue Dec ${i + 1}, 10:30 AM with Dr. Alexandra Montgomery`).join('\n'),
      'Reply with a number, or tell me another day or time.',
    ];
    const xml = await (await sms(inboundParams('+12125550145', 'cleaning'))).text();
    const text = xml.replace(/^.*<Message>|<\/Message>.*$/gs, '');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Openings for Cleaning:');
    expect(lines.at(-2)).toBe('Reply with a number, or tell me another day or time.');
    // A US number may be in another US zone than the location's: the zone is named.
    expect(lines.at(-1)).toBe('Times are ET.');
    const options = lines.filter((l) => /^\d+\) /.test(l));
    expect(options.length).toBeGreaterThan(2);
    expect(options.length).toBeLessThan(12);
    for (const l of options) expect(l).toMatch(/with Dr\. Alexandra Montgomery$/);
    expect(text.length).toBeLessThanOrEqual(3 * 153);
  });

  it('answers an empty TwiML when the orchestrator misses the budget and sends the reply through REST later', async () => {
    const slowOrch = new FakeOrchestrator();
    const slow = await createTestApp({
      env: { TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_URL },
      routers: (ctx) => [{ path: '/webhooks/twilio', router: createSmsChannel({ ...smsDeps(ctx), orchestrator: slowOrch, sender: createSmsSender(smsDeps(ctx)), budgetMs: 100 }).router }],
    });
    slowOrch.db = slow.t.db;
    try {
      // The model answers only after the webhook has: were the webhook waiting for
      // the model, this test would hang instead of passing.
      let answer = () => {};
      slowOrch.gate = new Promise<void>((r) => (answer = r));
      const params = inboundParams('+12125550146', 'slow one');
      const res = await postSigned(slow.url, '/webhooks/twilio/sms', params);
      expect(await res.text()).toMatch(/<Response\/>/);
      // A retry meanwhile must not produce a second reply.
      expect(await (await postSigned(slow.url, '/webhooks/twilio/sms', params)).text()).toMatch(/<Response\/>/);
      answer();
      await expect.poll(async () => (await slow.t.db.outboundMessage.findFirst({ where: { to: '+12125550146' } }))?.status, { timeout: 3000 }).toBe('outbox');
      const row = await slow.t.db.outboundMessage.findFirstOrThrow({ where: { to: '+12125550146' } });
      expect(row).toMatchObject({ kind: 'reply_rest', body: 'You said: slow one' });
      expect(slowOrch.calls).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });

  it('answers an orchestrator failure with an apology instead of an error', async () => {
    orch.reply = () => {
      throw new Error('model exploded');
    };
    const res = await sms(inboundParams('+12125550148', 'book something'));
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<Message>Sorry, something went wrong on our side/);
  });

  it('never calls the orchestrator twice for a sid even across a retry after the answer', async () => {
    const sid = messageSid();
    await sms(inboundParams('+12125550147', 'first', { MessageSid: sid }));
    await sms(inboundParams('+12125550147', 'first', { MessageSid: sid }));
    expect(orch.calls).toHaveLength(1);
  });
});
