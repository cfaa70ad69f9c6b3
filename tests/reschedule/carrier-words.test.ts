import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsSender } from '../../src/channels/sms/outbound.ts';
import { createSmsChannel } from '../../src/channels/sms/router.ts';
import { smsDeps } from '../../src/context.ts';
import { createOrchestrator } from '../../src/conversation/orchestrator.ts';
import { createOfflineProvider } from '../../src/conversation/providers/offline/provider.ts';
import { runDueReminders } from '../../src/jobs/reminders.ts';
import { AUTH_TOKEN, PUBLIC_URL, inboundParams, postSigned } from '../channels/sms/helpers.ts';
import { createSalon, type Fixture } from '../conversation/support/fixture.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { bookWith } from './support.ts';

// Over the real Twilio webhook: after a reminder, "C" is read against it (a cancel to
// confirm), but a bare CANCEL keeps its carrier meaning: the customer is opted out,
// and their appointment is not touched.

let now = new Date('2026-12-01T14:00:00Z');
let app: TestApp;
let salon: Fixture;

beforeAll(async () => {
  app = await createTestApp({
    env: { TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_URL },
    clock: () => new Date(now),
    routers: (ctx) => {
      const orchestrator = createOrchestrator({ db: ctx.db, scheduler: ctx.scheduler, clock: ctx.clock, log: ctx.log, provider: createOfflineProvider() });
      return [{ path: '/webhooks/twilio', router: createSmsChannel({ ...smsDeps(ctx), orchestrator, sender: createSmsSender(smsDeps(ctx)) }).router }];
    },
  });
  salon = await createSalon(app.t.db);
  await app.t.db.service.updateMany({ data: { reminderOffsetsMinutes: [1440] } });
});
afterAll(() => app.close());

async function say(from: string, text: string): Promise<string> {
  const res = await postSigned(app.url, '/webhooks/twilio/sms', inboundParams(from, text));
  expect(res.status).toBe(200);
  return /<Message>([\s\S]*)<\/Message>/.exec(await res.text())?.[1] ?? '';
}

async function reminded(phone: string, start: string): Promise<string> {
  const id = await bookWith(app, salon.staff.dana, salon.services.haircut, phone, start);
  now = new Date(new Date(start).getTime() - 24 * 60 * 60_000 + 30_000);
  await runDueReminders(app.ctx, app.ctx.notifiers, now);
  return id;
}

describe('carrier words after a reminder', () => {
  it('C proposes canceling the reminded appointment', async () => {
    const phone = '+12125550801';
    const id = await reminded(phone, '2026-12-03T15:00:00Z');
    expect(await say(phone, 'C')).toMatch(/^Cancel your Haircut on Thu Dec 3, 10:00 AM\?/);
    expect((await app.t.db.appointment.findUniqueOrThrow({ where: { id } })).status).toBe('confirmed');
  });

  it('CANCEL opts the customer out and leaves the appointment booked', async () => {
    const phone = '+12125550802';
    const id = await reminded(phone, '2026-12-03T16:00:00Z');
    await say(phone, 'CANCEL');
    expect((await app.t.db.customer.findUniqueOrThrow({ where: { phone } })).optedOut).toBe(true);
    expect((await app.t.db.appointment.findUniqueOrThrow({ where: { id } })).status).toBe('confirmed');
  });
});
