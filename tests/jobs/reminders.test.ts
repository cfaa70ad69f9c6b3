import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsSender, type SmsSender } from '../../src/channels/sms/outbound.ts';
import { smsDeps } from '../../src/context.ts';
import { reminderKey, runDueReminders } from '../../src/jobs/reminders.ts';
import { dueReminders, SKIP_REASONS } from '../../src/jobs/reminders/schedule.ts';
import { smsNotifiers } from './support/notifiers.ts';
import { bookHaircut } from './support/book.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createSalon, type Fixture } from '../conversation/support/fixture.ts';

// Reminders are a function of "now": the test moves the clock, no cron involved.
// Appointments are made through the engine, as in production.

const T0 = new Date('2026-12-01T14:00:00Z'); // Tue 9:00 New York
let app: TestApp;
let salon: Fixture;
let sender: SmsSender;
let now = T0;

beforeAll(async () => {
  app = await createTestApp({ clock: () => new Date(now) });
  salon = await createSalon(app.t.db);
  await app.t.db.service.updateMany({ data: { reminderOffsetsMinutes: [1440, 120] } });
  sender = createSmsSender(smsDeps(app.ctx));
});
afterAll(() => app.close());

async function book(phone: string, start: string, at: Date = now): Promise<string> {
  now = at;
  return bookHaircut(app, salon, phone, start);
}

const sentKeys = async (appointmentId: string) =>
  (await app.t.db.outboundMessage.findMany({ where: { appointmentId, kind: 'reminder' }, orderBy: { createdAt: 'asc' } })).map((m) => m.idempotencyKey);

describe('dueReminders', () => {
  const startsAt = new Date('2026-12-03T15:00:00Z'); // Thu 10:00 New York
  const subject = (bookedAt: Date, offsets = [1440, 120]) => ({ startsAt, bookedAt, offsets, channel: 'slack' as const, timeZone: 'America/New_York', quiet: { start: '21:00', end: '08:00' } });
  const decided = (s: ReturnType<typeof subject>, now: string) => dueReminders(s, new Date(now)).map((r) => [r.offsetMinutes, r.decision.status === 'skipped' ? r.decision.reason : 'pending']);
  it('sends the offset closest to the start among those due, skipping ones due before the booking, and says why', () => {
    const booked = subject(new Date('2026-12-01T12:00:00Z'));
    expect(decided(booked, '2026-12-02T14:59:00Z')).toEqual([]);
    expect(decided(booked, '2026-12-02T15:00:00Z')).toEqual([[1440, 'pending']]);
    expect(decided(booked, '2026-12-03T13:00:00Z')).toEqual([[1440, SKIP_REASONS.superseded], [120, 'pending']]);
    expect(dueReminders(booked, new Date('2026-12-03T13:00:00Z'), new Set([1440])).map((r) => r.offsetMinutes)).toEqual([120]);
    expect(decided(booked, '2026-12-03T15:00:00Z')).toEqual([[1440, SKIP_REASONS.started], [120, SKIP_REASONS.started]]);
    // Booked 30 minutes ahead: both reminders were due before the booking existed.
    expect(decided(subject(new Date('2026-12-03T14:30:00Z')), '2026-12-03T14:31:00Z')).toEqual([[1440, SKIP_REASONS.beforeBooking], [120, SKIP_REASONS.beforeBooking]]);
    // Offsets under an hour work as well as any other.
    expect(decided(subject(new Date('2026-12-01T12:00:00Z'), [30]), '2026-12-03T14:30:00Z')).toEqual([[30, 'pending']]);
  });
})

describe('runDueReminders', () => {
  it('sends each reminder once at its offset, re-running is harmless', async () => {
    const id = await book('+12125550401', '2026-12-03T15:00:00Z', T0); // Thu 10:00
    expect(await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-02T14:00:00Z'))).toMatchObject({ sent: 0 });
    const day = await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-02T15:00:30Z'));
    expect(day.sent).toBe(1);
    // Recorded as sent: a later run does not consider it again.
    expect(await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-02T15:01:30Z'))).toMatchObject({ sent: 0, considered: 0 });
    await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-03T13:00:00Z'));
    await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-03T13:01:00Z'));
    expect(await sentKeys(id)).toEqual([reminderKey(id, 1440), reminderKey(id, 120)]);
    const body = (await app.t.db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: reminderKey(id, 120) } })).body;
    expect(body).toBe('Bright Salon: reminder of your Haircut on Thu Dec 3, 10:00 AM EST at Main St, 12 Main St, New York, NY. Reply R to reschedule or C to cancel.');
    expect(body).not.toMatch(/reply (cancel|stop|end|quit)\b/i);
  });

  it('concurrent runs (two instances) still send once', async () => {
    const id = await book('+12125550402', '2026-12-04T15:00:00Z', T0);
    const at = new Date('2026-12-03T15:00:00Z');
    const runs = await Promise.all([1, 2, 3].map(() => runDueReminders(app.ctx, smsNotifiers(sender), at)));
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBeGreaterThanOrEqual(1);
    expect(await sentKeys(id)).toEqual([reminderKey(id, 1440)]);
  });

  it('skips a reminder whose time passed before the booking; the confirmation covers it', async () => {
    const bookedAt = new Date('2026-12-02T19:30:00Z');
    const id = await book('+12125550403', '2026-12-02T20:00:00Z', bookedAt); // 30 min ahead
    now = T0;
    await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-02T19:31:00Z'));
    await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-02T19:59:00Z'));
    expect(await sentKeys(id)).toEqual([]);
  });

  it('sends nothing for a canceled appointment', async () => {
    const id = await book('+12125550404', '2026-12-08T15:00:00Z', T0);
    await app.ctx.scheduler.cancel(id, { type: 'customer' }, 'test');
    await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-07T15:00:30Z'));
    await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-08T13:00:30Z'));
    expect(await sentKeys(id)).toEqual([]);
  });

  it('a reschedule leaves no stale reminder: the old time gets nothing, the new one its own', async () => {
    const id = await book('+12125550405', '2026-12-09T15:00:00Z', T0); // Wed 10:00
    // The day-before reminder for the original time goes out...
    await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-08T15:00:30Z'));
    expect(await sentKeys(id)).toEqual([reminderKey(id, 1440)]);
    // ...then the customer moves it to Thursday.
    now = new Date('2026-12-08T16:00:00Z');
    const moved = await app.ctx.scheduler.reschedule(id, new Date('2026-12-10T16:00:00Z'), { type: 'customer' });
    if (!moved.ok) throw new Error(moved.message);
    const newId = moved.appointment.id;
    // The original 2-hour mark passes: nothing for the old appointment.
    await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-09T13:00:30Z'));
    expect(await sentKeys(id)).toEqual([reminderKey(id, 1440)]);
    expect(await sentKeys(newId)).toEqual([]);
    await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-09T16:00:30Z'));
    await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-10T14:00:30Z'));
    expect(await sentKeys(newId)).toEqual([reminderKey(newId, 1440), reminderKey(newId, 120)]);
    const last = await app.t.db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: reminderKey(newId, 120) } });
    expect(last.body).toMatch(/Thu Dec 10, 11:00 AM EST/);
  });

  it('after downtime sends only the reminder closest to the start', async () => {
    const id = await book('+12125550406', '2026-12-11T15:00:00Z', T0);
    await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-11T13:30:00Z'));
    expect(await sentKeys(id)).toEqual([reminderKey(id, 120)]);
  });

  it('requested (unconfirmed) appointments get no reminder', async () => {
    const customer = await app.t.db.customer.create({ data: { phone: '+12125550407' } });
    now = T0;
    const r = await app.ctx.scheduler.book({
      service: salon.services.haircut,
      start: new Date('2026-12-14T15:00:00Z'),
      customerId: customer.id,
      channel: 'sms',
      forceRequested: true,
      actor: { type: 'customer', id: customer.id },
    });
    if (!r.ok) throw new Error(r.message);
    expect(r.appointment.status).toBe('requested');
    await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-14T13:00:30Z'));
    expect(await sentKeys(r.appointment.id)).toEqual([]);
  });
});
