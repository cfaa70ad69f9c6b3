import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Orchestrator } from '../../../src/contract/conversation.ts';
import { createSmsSender, type SmsSender } from '../../../src/channels/sms/outbound.ts';
import { smsDeps } from '../../../src/context.ts';
import { createSmsChannel } from '../../../src/channels/sms/router.ts';
import { runDueReminders } from '../../../src/jobs/reminders.ts';
import { smsNotifiers } from '../../jobs/support/notifiers.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL, createAppointment, fakeTwilio, inboundParams, postSigned, seedBasics, type Basics, type FakeTwilio } from './helpers.ts';

// Outbound SMS through the real twilio REST client (answered by a local stand-in
// for api.twilio.com), opt-out suppression, and delivery status callbacks.

const FROM = '+15005550006';
const unused: Orchestrator = {
  handle: () => Promise.reject(new Error('the orchestrator is not part of these tests')),
  // STOP ends the conversation, of which these tests have none.
  end: async () => {},
};

let app: TestApp;
let twilioApi: FakeTwilio;
let sender: SmsSender;
let basics: Basics;

beforeAll(async () => {
  twilioApi = fakeTwilio();
  app = await createTestApp({
    env: { TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_FROM_NUMBER: FROM, PUBLIC_URL },
    routers: (ctx) => {
      sender = createSmsSender(smsDeps(ctx), { httpClient: twilioApi });
      return [{ path: '/webhooks/twilio', router: createSmsChannel({ ...smsDeps(ctx), orchestrator: unused, sender }).router }];
    },
  });
  basics = await seedBasics(app.t.db);
});
afterAll(() => app.close());

const status = (params: Record<string, string>) => postSigned(app.url, '/webhooks/twilio/status', { AccountSid: ACCOUNT_SID, ...params });
const sms = (from: string, body: string) => postSigned(app.url, '/webhooks/twilio/sms', inboundParams(from, body));

describe('sending through Twilio', () => {
  it('sends once per idempotency key with the status callback URL, and records the Twilio sid', async () => {
    const to = '+12125550201';
    const n = twilioApi.requests.length;
    const first = await sender.send({ to, body: 'Your appointment is confirmed.', kind: 'confirmation', idempotencyKey: 'test:confirm:1' });
    const second = await sender.send({ to, body: 'Your appointment is confirmed.', kind: 'confirmation', idempotencyKey: 'test:confirm:1' });
    expect(twilioApi.requests.length - n).toBe(1);
    const req = twilioApi.requests.at(-1)!;
    expect(req.uri).toBe(`https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    expect(req.data).toMatchObject({ To: to, From: FROM, Body: 'Your appointment is confirmed.', StatusCallback: `${PUBLIC_URL}/webhooks/twilio/status` });
    expect(first).toMatchObject({ created: true, message: { status: 'sent', segments: 1 } });
    expect(first.message.providerMessageId).toMatch(/^SM/);
    expect(second).toMatchObject({ created: false, message: { id: first.message.id } });
  });

  it('concurrent sends with one key send once', async () => {
    const n = twilioApi.requests.length;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => sender.send({ to: '+12125550202', body: 'Hi', kind: 'notice', idempotencyKey: 'test:concurrent' })),
    );
    expect(twilioApi.requests.length - n).toBe(1);
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
  });

  it('Twilio error 21610 marks the customer opted out and raises opted_out_upcoming', async () => {
    const to = '+12125550203';
    const appt = await createAppointment(app.t.db, basics, { customerPhone: to, startsAt: new Date(Date.now() + 2 * 86_400_000) });
    twilioApi.blocked.add(to);
    const { message } = await sender.send({ to, body: 'Hello', kind: 'notice', idempotencyKey: 'test:21610' });
    expect(message.status).toBe('suppressed');
    expect(message.error).toMatch(/^21610/);
    expect((await app.t.db.customer.findUniqueOrThrow({ where: { phone: to } })).optedOut).toBe(true);
    expect(await app.t.db.exception.count({ where: { type: 'opted_out_upcoming', appointmentId: appt } })).toBe(1);
    // From now on nothing is even attempted.
    const n = twilioApi.requests.length;
    const next = await sender.send({ to, body: 'Hello again', kind: 'notice', idempotencyKey: 'test:21610:2' });
    expect(next.message.status).toBe('suppressed');
    expect(twilioApi.requests.length).toBe(n);
  });
});

describe('status callbacks', () => {
  it('records delivery per message and never moves a status backwards', async () => {
    const { message } = await sender.send({ to: '+12125550204', body: 'Status test', kind: 'notice', idempotencyKey: 'test:status:1' });
    const sid = message.providerMessageId!;
    expect((await status({ MessageSid: sid, MessageStatus: 'delivered' })).status).toBe(204);
    expect((await status({ MessageSid: sid, MessageStatus: 'sent' })).status).toBe(204);
    const row = await app.t.db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row.status).toBe('delivered');
  });

  it('undelivered for an appointment message raises message_failed (once)', async () => {
    const to = '+12125550205';
    const appt = await createAppointment(app.t.db, basics, { customerPhone: to, startsAt: new Date(Date.now() + 86_400_000) });
    const { message } = await sender.send({ to, body: 'Reminder', kind: 'reminder', idempotencyKey: `reminder:${appt}:120:sms`, appointmentId: appt });
    const sid = message.providerMessageId!;
    await status({ MessageSid: sid, MessageStatus: 'sent' });
    await status({ MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30003', ErrorMessage: 'Unreachable destination handset' });
    await status({ MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30003' });
    const row = await app.t.db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row.status).toBe('undelivered');
    expect(row.error).toMatch(/30003/);
    const ex = await app.t.db.exception.findMany({ where: { type: 'message_failed', appointmentId: appt } });
    expect(ex).toHaveLength(1);
    expect(ex[0]!.status).toBe('open');
    expect(ex[0]!.summary).toMatch(/reminder/);
  });

  it('a failed message that is not about an appointment raises nothing; an unknown sid is ignored', async () => {
    const before = await app.t.db.exception.count();
    const { message } = await sender.send({ to: '+12125550206', body: 'FYI', kind: 'notice', idempotencyKey: 'test:status:3' });
    await status({ MessageSid: message.providerMessageId!, MessageStatus: 'failed', ErrorCode: '30007' });
    expect((await app.t.db.outboundMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe('failed');
    expect((await status({ MessageSid: 'SM' + 'e'.repeat(32), MessageStatus: 'failed' })).status).toBe(204);
    expect(await app.t.db.exception.count()).toBe(before);
  });
});

describe('STOP → suppressed (reminders included) → START → delivered again', () => {
  it('holds every outbound message while opted out and resumes after START', async () => {
    const to = '+12125550207';
    const now = new Date();
    const soon = await createAppointment(app.t.db, basics, {
      customerPhone: to,
      startsAt: new Date(now.getTime() + 60 * 60_000),
      createdAt: new Date(now.getTime() - 3 * 86_400_000),
    });

    expect(await (await sms(to, 'STOP')).text()).toMatch(/unsubscribed/);
    expect(await app.t.db.exception.count({ where: { type: 'opted_out_upcoming', appointmentId: soon } })).toBe(1);

    const n = twilioApi.requests.length;
    const reminders = await runDueReminders(app.ctx, smsNotifiers(sender), now);
    expect(reminders).toMatchObject({ suppressed: 1, sent: 0 });
    const reminder = await app.t.db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: `reminder:${soon}:120:sms` } });
    expect(reminder.status).toBe('suppressed');
    const notice = await sender.send({ to, body: 'We moved your appointment.', kind: 'notice', idempotencyKey: 'test:stop:notice' });
    expect(notice.message.status).toBe('suppressed');
    expect(twilioApi.requests.length).toBe(n);

    expect(await (await sms(to, 'START')).text()).toMatch(/subscribed again/);
    const later = await createAppointment(app.t.db, basics, {
      customerPhone: to,
      startsAt: new Date(now.getTime() + 90 * 60_000),
      createdAt: new Date(now.getTime() - 86_400_000),
    });
    const after = await runDueReminders(app.ctx, smsNotifiers(sender), now);
    // The suppressed reminder stays recorded as suppressed; only the new one is sent.
    expect(after).toMatchObject({ sent: 1, duplicate: 0 });
    expect(await app.t.db.reminderDelivery.findFirstOrThrow({ where: { appointmentId: soon } })).toMatchObject({ status: 'suppressed', reason: 'the recipient opted out' });
    const sentReminder = await app.t.db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: `reminder:${later}:120:sms` } });
    expect(sentReminder.status).toBe('sent');
    expect(twilioApi.requests.at(-1)!.data).toMatchObject({ To: to });
    await status({ MessageSid: sentReminder.providerMessageId!, MessageStatus: 'delivered' });
    expect((await app.t.db.outboundMessage.findUniqueOrThrow({ where: { id: sentReminder.id } })).status).toBe('delivered');
  });
});

describe('without Twilio credentials', () => {
  it('writes to the local outbox and sends nothing', async () => {
    const local = createSmsSender(smsDeps({ ...app.ctx, config: { ...app.ctx.config, TWILIO_ACCOUNT_SID: undefined } }));
    expect(local.mode).toBe('outbox');
    const n = twilioApi.requests.length;
    const { message } = await local.send({ to: '+12125550208', body: 'Local only', kind: 'notice', idempotencyKey: 'test:outbox:1' });
    expect(message).toMatchObject({ status: 'outbox', providerMessageId: null, body: 'Local only' });
    expect(twilioApi.requests.length).toBe(n);
  });
});
