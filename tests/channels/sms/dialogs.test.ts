import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsSender } from '../../../src/channels/sms/outbound.ts';
import { smsDeps } from '../../../src/context.ts';
import { createSmsChannel } from '../../../src/channels/sms/router.ts';
import { createOrchestrator } from '../../../src/conversation/orchestrator.ts';
import { createOfflineProvider } from '../../../src/conversation/providers/offline/provider.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';
import { createSalon, type Fixture } from '../../conversation/support/fixture.ts';
import { AUTH_TOKEN, PUBLIC_URL, inboundParams, messageSid, postSigned } from './helpers.ts';

// Whole conversations over signed HTTP webhooks, through the real orchestrator
// (offline provider) and engine, judged by what ends up in the database.
// Tuesday 1 Dec 2026, 9:00 in New York.

const NOW = '2026-12-01T14:00:00Z';
let app: TestApp;
let salon: Fixture;

beforeAll(async () => {
  app = await createTestApp({
    env: { TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_URL },
    clock: NOW,
    routers: (ctx) => {
      const orchestrator = createOrchestrator({ db: ctx.db, scheduler: ctx.scheduler, clock: ctx.clock, log: ctx.log, provider: createOfflineProvider() });
      return [{ path: '/webhooks/twilio', router: createSmsChannel({ ...smsDeps(ctx), orchestrator, sender: createSmsSender(smsDeps(ctx)) }).router }];
    },
  });
  salon = await createSalon(app.t.db);
});
afterAll(() => app.close());

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Sends one SMS and returns the reply text (empty when the answer was an empty <Response/>). */
async function say(from: string, text: string, extra: Record<string, string> = {}): Promise<string> {
  const res = await postSigned(app.url, '/webhooks/twilio/sms', inboundParams(from, text, extra));
  expect(res.status).toBe(200);
  const xml = await res.text();
  const m = /<Message>([\s\S]*)<\/Message>/.exec(xml);
  return m ? unescapeXml(m[1]!) : '';
}

const appointmentsOf = async (phone: string) =>
  app.t.db.appointment.findMany({ where: { customer: { phone } }, orderBy: { createdAt: 'asc' }, include: { reservations: true } });

describe('SMS dialogs end to end', () => {
  const ana = '+12125550301';

  it('books: service and day, pick a number, confirm', async () => {
    expect(await say(ana, 'hi')).toMatch(/Bright Salon/);
    const offers = await say(ana, 'I want a haircut tomorrow afternoon');
    expect(offers).toMatch(/^Openings for Haircut:\n1\) Wed Dec 2, 12:00 PM with (Dana|Lee)\n2\) Wed Dec 2, 1:00 PM with (Dana|Lee)/);
    expect(offers).toMatch(/Times are ET\.$/);
    const staff = /^2\) Wed Dec 2, 1:00 PM with (Dana|Lee)$/m.exec(offers)![1]!;
    expect(await say(ana, '2')).toMatch(new RegExp(`^Book Haircut on Wed Dec 2, 1:00 PM with ${staff} at Main St\\? Reply Y to confirm`));
    expect(await say(ana, 'yes')).toMatch(/^Booked: Haircut, Wed Dec 2, 1:00 PM/);

    const [a, ...rest] = await appointmentsOf(ana);
    expect(rest).toHaveLength(0);
    expect(a).toMatchObject({ status: 'confirmed', channel: 'sms', serviceId: salon.services.haircut, startsAt: new Date('2026-12-02T18:00:00Z') });
    expect(a!.reservations.map((r) => r.resourceId)).toEqual([salon.staff[staff.toLowerCase() as 'dana' | 'lee']]);
    expect(await app.t.db.customer.count({ where: { phone: ana } })).toBe(1);
    // Every reply is in the outbox, in order.
    const outbox = (await (await app.api(`/api/v1/outbox?to=${encodeURIComponent(ana)}`)).json()) as { items: Array<{ body: string }> };
    expect(outbox.items.map((i) => i.body.split('\n')[0])).toEqual([
      expect.stringMatching(/^Hi! This is Bright Salon/),
      'Openings for Haircut:',
      expect.stringMatching(/^Book Haircut/),
      expect.stringMatching(/^Booked: Haircut/),
    ]);
  });

  it('reschedules: R, a new time, confirm', async () => {
    expect(await say(ana, 'R')).toMatch(/When would you like to move your/);
    // A free time asked for is proposed at once (issue 14).
    expect(await say(ana, 'friday 11am')).toMatch(/^Move your Haircut from Wed Dec 2, 1:00 PM to Fri Dec 4, 11:00 AM with (Dana|Lee)\?/);
    expect(await say(ana, 'y')).toMatch(/^Done: your Haircut is now Fri Dec 4, 11:00 AM/);

    const [old, moved] = await appointmentsOf(ana);
    expect(old).toMatchObject({ status: 'canceled', cancelReason: 'rescheduled' });
    expect(moved).toMatchObject({ status: 'confirmed', rescheduledFromId: old!.id, startsAt: new Date('2026-12-04T16:00:00Z') });
    expect(old!.reservations.every((r) => !r.active)).toBe(true);
  });

  it('cancels: C and confirm (never a bare CANCEL, which would unsubscribe)', async () => {
    expect(await say(ana, 'C')).toMatch(/^Cancel your Haircut on Fri Dec 4, 11:00 AM\? Reply Y to confirm/);
    expect(await say(ana, 'y')).toMatch(/canceled/);
    const appts = await appointmentsOf(ana);
    expect(appts.map((a) => a.status)).toEqual(['canceled', 'canceled']);
    expect((await app.t.db.customer.findUniqueOrThrow({ where: { phone: ana } })).optedOut).toBe(false);
  });

  it('STOP while a time waits for its Y: the hold is let go, and a yes after START books nothing', async () => {
    const dee = '+12125550306';
    expect(await say(dee, 'haircut fri dec 11 at 2pm')).toMatch(/^Book Haircut on Fri Dec 11, 2:00 PM/);
    const conversation = { conversation: { externalId: dee } };
    expect(await app.t.db.hold.count({ where: conversation })).toBe(1);

    expect(await say(dee, 'STOP')).toMatch(/unsubscribed/);
    expect(await app.t.db.hold.count({ where: conversation })).toBe(0);
    expect(await say(dee, 'START')).toMatch(/subscribed again/);
    expect(await say(dee, 'yes')).not.toMatch(/Booked:/);
    expect(await appointmentsOf(dee)).toEqual([]);
    // The time it held is free for the next customer at once, not when the hold would have expired.
    expect(await say('+12125550307', 'haircut fri dec 11 at 2pm')).toMatch(/^Book Haircut on Fri Dec 11, 2:00 PM/);
  });

  it('intake: answers and an MMS photo end up on the appointment', async () => {
    const ben = '+12125550302';
    // A free time asked for is held at once, and the intake questions are about it.
    expect(await say(ben, 'consultation friday 2pm')).toMatch(/^Holding Consultation on Fri Dec 4, 2:00 PM with Lee at Main St for you\.\n[^]*Is this your first visit with us\?/);
    expect(await say(ben, 'yes')).toMatch(/How did you hear about us\?\n1\) Friend\n2\) Online/);
    expect(await say(ben, 'online')).toMatch(/What email/);
    expect(await say(ben, 'ben@example.com')).toMatch(/how long is your hair/);
    const photo = 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM9/Media/ME9';
    expect(await say(ben, '4', { NumMedia: '1', MediaUrl0: photo, MediaContentType0: 'image/jpeg' })).toMatch(/^Book Consultation on Fri Dec 4, 2:00 PM/);
    expect(await say(ben, 'Y')).toMatch(/^Booked: Consultation/);

    const [a] = await appointmentsOf(ben);
    expect(a).toMatchObject({ status: 'confirmed', serviceId: salon.services.consult, startsAt: new Date('2026-12-04T19:00:00Z') });
    expect(a!.intake).toMatchObject({ first_visit: true, referral: 'Online', email: 'ben@example.com', hair_length: 4 });
    expect(a!.attachments).toEqual([{ url: photo, contentType: 'image/jpeg' }]);
  });

  it('the same MessageSid delivered 3 times concurrently books once, with identical replies', async () => {
    const cy = '+12125550303';
    await say(cy, 'haircut tomorrow afternoon');
    await say(cy, '1');
    const sid = messageSid();
    const params = inboundParams(cy, 'yes', { MessageSid: sid });
    const responses = await Promise.all([1, 2, 3].map(() => postSigned(app.url, '/webhooks/twilio/sms', params)));
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toMatch(/Booked: Haircut/);
    const appts = await appointmentsOf(cy);
    expect(appts).toHaveLength(1);
    expect(appts[0]!.status).toBe('confirmed');
    // The transcript holds the inbound message once.
    expect(await app.t.db.message.count({ where: { externalId: sid } })).toBe(1);
  });

  it('two customers confirming the same time at once: one booking, the other is offered other times', async () => {
    const phones = ['+12125550304', '+12125550305'];
    await Promise.all(phones.map((p) => say(p, 'color thursday morning')));
    await Promise.all(phones.map((p) => say(p, '1')));
    const replies = await Promise.all(phones.map((p) => say(p, 'y')));
    expect(replies.filter((r) => r.startsWith('Booked: Color, Thu Dec 3, 9:00 AM'))).toHaveLength(1);
    expect(replies.filter((r) => /^Openings for Color:|taken/.test(r))).toHaveLength(1);
    const booked = await app.t.db.appointment.findMany({ where: { customer: { phone: { in: phones } }, status: 'confirmed' } });
    expect(booked).toHaveLength(1);
  });

  it('answers a burst of texts from more numbers than there are database connections, each with its own offers', async () => {
    // The orchestrator, not the channel, keeps concurrent turns within the connection pool.
    const phones = Array.from({ length: 30 }, (_, i) => `+1212555${String(4000 + i)}`);
    const replies = await Promise.all(phones.map((p) => say(p, 'haircut friday morning')));
    for (const r of replies) expect(r).toMatch(/^Openings for Haircut:\n1\) Fri Dec 4/);
    expect(await app.t.db.conversation.count({ where: { externalId: { in: phones } } })).toBe(phones.length);
  });
});
