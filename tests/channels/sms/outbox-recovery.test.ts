import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Orchestrator } from '../../../src/contract/conversation.ts';
import { createSmsSender, type SmsSender } from '../../../src/channels/sms/outbound.ts';
import { smsDeps } from '../../../src/context.ts';
import { createSmsChannel } from '../../../src/channels/sms/router.ts';
import { reminderKey, runDueReminders } from '../../../src/jobs/reminders.ts';
import { smsNotifiers } from '../../jobs/support/notifiers.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { ACCOUNT_SID, AUTH_TOKEN, PUBLIC_URL, createAppointment, fakeTwilio, seedBasics, type Basics, type FakeTwilio } from './helpers.ts';

// What a crashed sender leaves behind, and how the outbox recovers it: queued rows
// are sent once, expired `sending` claims are checked with Twilio before any
// re-send, and live claims are left alone. Rows are written here exactly as a
// process killed at that point leaves them.

const FROM = '+15005550006';
let app: TestApp;
let twilioApi: FakeTwilio;
let sender: SmsSender;
let basics: Basics;

beforeAll(async () => {
  twilioApi = fakeTwilio();
  app = await createTestApp({ env: { TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_FROM_NUMBER: FROM, PUBLIC_URL } });
  sender = createSmsSender(smsDeps(app.ctx), { httpClient: twilioApi });
  basics = await seedBasics(app.t.db);
});
afterAll(() => app.close());

type Left = { to: string; body: string; key: string; kind?: string; appointmentId?: string };

/** A row committed as queued by a process that died before sending it. */
async function leftQueued(m: Left): Promise<string> {
  const row = await app.t.db.outboundMessage.create({
    data: { channel: 'sms', to: m.to, body: m.body, kind: m.kind ?? 'confirmation', idempotencyKey: m.key, status: 'queued', segments: 1, appointmentId: m.appointmentId ?? null },
  });
  return row.id;
}

/** A row claimed by a process that died during (or just before) the Twilio call; `expired` says whether its lease ran out. */
async function leftSending(m: Left, expired = true): Promise<string> {
  const id = await leftQueued(m);
  await app.t.db.outboundMessage.update({
    where: { id },
    data: { status: 'sending', attempts: 1, claimedUntil: new Date(Date.now() + (expired ? -1000 : 60_000)) },
  });
  return id;
}

const acceptedFor = (to: string) => twilioApi.accepted.filter((m) => m.to === to);
const row = (id: string) => app.t.db.outboundMessage.findUniqueOrThrow({ where: { id } });

describe('queued rows left by a crash', () => {
  it('a reminder committed as queued is sent by the next reminder run, once', async () => {
    const to = '+12125550801';
    const now = new Date();
    const appt = await createAppointment(app.t.db, basics, { customerPhone: to, startsAt: new Date(now.getTime() + 60 * 60_000), createdAt: new Date(now.getTime() - 86_400_000) });
    const id = await leftQueued({ to, body: 'Maple Dental: reminder of your Cleaning', key: reminderKey(appt, 120), kind: 'reminder', appointmentId: appt });

    await runDueReminders(app.ctx, smsNotifiers(sender), now);
    expect(acceptedFor(to).map((m) => m.body)).toEqual(['Maple Dental: reminder of your Cleaning']);
    await runDueReminders(app.ctx, smsNotifiers(sender), now);
    await sender.deliverPending();
    expect(acceptedFor(to)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', providerMessageId: acceptedFor(to)[0]!.sid, claimedUntil: null });
  });

  it('concurrent sweepers send every queued confirmation and REST reply once, and leave inbound bookkeeping alone', async () => {
    const ids = [];
    for (let i = 0; i < 12; i++) {
      ids.push(await leftQueued({ to: `+121255508${String(10 + i)}`, body: `Message ${i}`, key: `crash:${i}`, kind: i % 2 ? 'reply_rest' : 'confirmation' }));
    }
    // The webhook's claim of an inbound message whose reply is still being written.
    const pending = await app.t.db.outboundMessage.create({ data: { channel: 'sms', to: '+12125550830', body: '', kind: 'reply', idempotencyKey: 'sms:reply:SMpending', status: 'queued' } });

    const claimed = await Promise.all([sender.deliverPending(), sender.deliverPending(), sender.deliverPending()]);
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(12);
    for (let i = 0; i < 12; i++) expect(acceptedFor(`+121255508${String(10 + i)}`).map((m) => m.body)).toEqual([`Message ${i}`]);
    const rows = await app.t.db.outboundMessage.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.status === 'sent' && r.providerMessageId)).toBe(true);
    expect(await row(pending.id)).toMatchObject({ status: 'queued', segments: null });
    expect(await sender.deliverPending()).toBe(0);
  });
});

describe('the REST reply path', () => {
  it('a reply written but never handed to Twilio goes out when its job is retried, without asking the model again', async () => {
    const to = '+12125550835';
    const model: Orchestrator = {
      handle: () => Promise.reject(new Error('the reply exists; the model must not run again')),
      end: () => Promise.reject(new Error('no keyword in this test')),
    };
    const { processor } = createSmsChannel({ ...smsDeps(app.ctx), orchestrator: model, sender });
    const id = await leftQueued({ to, body: 'Answer to the slow question', key: 'sms:reply:SMrestcrash', kind: 'reply_rest' });
    const job = { replyId: id, inbound: { from: to, to: FROM, body: 'slow question', messageSid: 'SMrestcrash', media: [], receivedAt: new Date().toISOString() } };

    await processor.processReplyJob(job);
    await processor.processReplyJob(job);
    expect(acceptedFor(to).map((m) => m.body)).toEqual(['Answer to the slow question']);
    expect((await row(id)).status).toBe('sent');
  });
});

describe('sending rows left by a crash', () => {
  it('when Twilio had accepted it: marked sent with that sid, not sent again', async () => {
    const to = '+12125550840';
    const id = await leftSending({ to, body: 'Your appointment is confirmed.', key: 'crash:accepted' });
    // The dead process's request had reached Twilio.
    await twilioApi.request({ method: 'POST', uri: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`, data: { To: to, From: FROM, Body: 'Your appointment is confirmed.' } });
    const sid = acceptedFor(to)[0]!.sid;

    expect(await sender.deliverPending()).toBe(1);
    expect(acceptedFor(to)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', providerMessageId: sid, attempts: 2 });
  });

  it('when Twilio never got it: sent once (a same-body message already recorded for another row does not count)', async () => {
    const to = '+12125550841';
    const earlier = await sender.send({ to, body: 'See you soon.', kind: 'notice', idempotencyKey: 'crash:earlier' });
    expect(earlier.message.status).toBe('sent');
    const id = await leftSending({ to, body: 'See you soon.', key: 'crash:never-sent' });

    await sender.deliverPending();
    await sender.deliverPending();
    expect(acceptedFor(to)).toHaveLength(2);
    const recovered = await row(id);
    expect(recovered.status).toBe('sent');
    expect(recovered.providerMessageId).not.toBe(earlier.message.providerMessageId);
  });

  it('a claim whose lease has not run out belongs to a live sender and is left alone', async () => {
    const to = '+12125550842';
    const id = await leftSending({ to, body: 'In flight', key: 'crash:live' }, false);
    await sender.deliverPending();
    expect(acceptedFor(to)).toHaveLength(0);
    expect((await row(id)).status).toBe('sending');
  });
});

describe('a send whose outcome is unknown', () => {
  it('a 503 keeps the claim; once it expires the sweeper checks with Twilio and sends once', async () => {
    const to = '+12125550850';
    twilioApi.failNext = { statusCode: 503, code: 20503 };
    const { message } = await sender.send({ to, body: 'Retry me', kind: 'notice', idempotencyKey: 'crash:503' });
    expect(message).toMatchObject({ status: 'sending', error: expect.stringMatching(/503/) });
    await sender.deliverPending();
    expect(acceptedFor(to)).toHaveLength(0);

    await app.t.db.outboundMessage.update({ where: { id: message.id }, data: { claimedUntil: new Date(Date.now() - 1000) } });
    await sender.deliverPending();
    await sender.deliverPending();
    expect(acceptedFor(to).map((m) => m.body)).toEqual(['Retry me']);
    expect(await row(message.id)).toMatchObject({ status: 'sent', error: null });
  });
});
