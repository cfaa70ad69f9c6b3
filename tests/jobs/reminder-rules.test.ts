import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsSender } from '../../src/channels/sms/outbound.ts';
import { smsDeps } from '../../src/context.ts';
import { notifierRegistry } from '../../src/contract/notifier.ts';
import { reminderKey, runDueReminders } from '../../src/jobs/reminders.ts';
import { isQuiet } from '../../src/jobs/reminders/quiet-hours.ts';
import { planDueReminders } from '../../src/jobs/reminders/planner.ts';
import { SKIP_REASONS } from '../../src/jobs/reminders/schedule.ts';
import { createAppointment, seedBasics, type Basics } from '../channels/sms/helpers.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { recordingNotifier, smsNotifiers } from './support/notifiers.ts';

// The reminder rules with an injected "now" (each run is handed its instant): across a
// daylight-saving change, with quiet hours, for opted-out customers, for appointments
// canceled or moved after their reminder was planned, and on Slack. Every reminder
// that fell due is a reminder_delivery row saying what became of it.

let app: TestApp;
let basics: Basics;
const LONG_AGO = new Date('2026-01-01T00:00:00Z');

beforeAll(async () => {
  app = await createTestApp({ clock: '2026-01-01T00:00:00Z' });
  basics = await seedBasics(app.t.db, { reminderOffsetsMinutes: [1440, 120] });
});
afterAll(() => app.close());

const recorded = (appointmentId: string) =>
  app.t.db.reminderDelivery.findMany({ where: { appointmentId }, orderBy: { dueAt: 'asc' }, select: { offsetMinutes: true, channel: true, status: true, reason: true, dueAt: true, sendAt: true } });

describe('across a daylight-saving change (New York, clocks forward Sun Mar 8 2026 02:00)', () => {
  it('sends each reminder its offset in real time before the start, and reads quiet hours off the wall clock of the day', async () => {
    const sms = recordingNotifier('sms');
    const notifiers = notifierRegistry([sms]);
    // Sun Mar 8, 10:00 EDT = 14:00Z. 24 h earlier is Sat 14:00Z = 09:00 EST (not 10:00 EST, 15:00Z).
    const id = await createAppointment(app.t.db, basics, { customerPhone: '+12125550701', startsAt: new Date('2026-03-08T14:00:00Z'), createdAt: LONG_AGO });
    await runDueReminders(app.ctx, notifiers, new Date('2026-03-07T13:59:00Z'));
    expect(sms.notices).toHaveLength(0);
    await runDueReminders(app.ctx, notifiers, new Date('2026-03-07T14:00:00Z'));
    expect(sms.notices.map((n) => n.idempotencyKey)).toEqual([reminderKey(id, 1440)]);
    // 2 h before is 12:00Z = 08:00 EDT: quiet hours (until 08:00) are over in EDT, though it would be 07:00 in EST.
    await runDueReminders(app.ctx, notifiers, new Date('2026-03-08T11:59:00Z'));
    expect(sms.notices).toHaveLength(1);
    await runDueReminders(app.ctx, notifiers, new Date('2026-03-08T12:00:00Z'));
    expect(sms.notices.map((n) => n.idempotencyKey)).toEqual([reminderKey(id, 1440), reminderKey(id, 120)]);
    expect((await recorded(id)).map((r) => [r.offsetMinutes, r.status, r.sendAt.toISOString()])).toEqual([
      [1440, 'sent', '2026-03-07T14:00:00.000Z'],
      [120, 'sent', '2026-03-08T12:00:00.000Z'],
    ]);
  });

  it('moves a reminder due in the DST night to the evening before, in that evening’s offset', async () => {
    const sms = recordingNotifier('sms');
    const notifiers = notifierRegistry([sms]);
    // Sun Mar 8, 09:00 EDT = 13:00Z; 2 h before is 07:00 EDT, quiet: sent Sat 20:59 EST = Sun 01:59Z.
    const id = await createAppointment(app.t.db, basics, { customerPhone: '+12125550702', startsAt: new Date('2026-03-08T13:00:00Z'), createdAt: LONG_AGO });
    await app.t.db.service.update({ where: { id: basics.serviceId }, data: { reminderOffsetsMinutes: [120] } });
    try {
      await runDueReminders(app.ctx, notifiers, new Date('2026-03-08T01:58:00Z'));
      expect(sms.notices).toHaveLength(0);
      await runDueReminders(app.ctx, notifiers, new Date('2026-03-08T01:59:00Z'));
      expect(sms.notices.map((n) => n.idempotencyKey)).toEqual([reminderKey(id, 120)]);
      expect(await recorded(id)).toMatchObject([{ offsetMinutes: 120, status: 'sent', dueAt: new Date('2026-03-08T11:00:00Z'), sendAt: new Date('2026-03-08T01:59:00Z') }]);
    } finally {
      await app.t.db.service.update({ where: { id: basics.serviceId }, data: { reminderOffsetsMinutes: [1440, 120] } });
    }
  });
});

describe('quiet hours', () => {
  it('default 21:00–08:00; equal start and end mean none', () => {
    const zone = 'America/New_York';
    const quiet = { start: '21:00', end: '08:00' };
    expect(isQuiet(new Date('2026-12-02T01:59:00Z'), zone, quiet)).toBe(false); // 20:59
    expect(isQuiet(new Date('2026-12-02T02:00:00Z'), zone, quiet)).toBe(true); // 21:00
    expect(isQuiet(new Date('2026-12-02T12:59:00Z'), zone, quiet)).toBe(true); // 07:59
    expect(isQuiet(new Date('2026-12-02T13:00:00Z'), zone, quiet)).toBe(false); // 08:00
    expect(isQuiet(new Date('2026-12-02T02:00:00Z'), zone, { start: '00:00', end: '00:00' })).toBe(false);
  });

  it('move an SMS reminder earlier, before the appointment, in the customer’s own zone when known', async () => {
    const sms = recordingNotifier('sms');
    const notifiers = notifierRegistry([sms]);
    // Wed Dec 9, 08:30 New York = 13:30Z; the 2-hour reminder (06:30) moves to Tue 20:59 New York = Wed 01:59Z.
    const ny = await createAppointment(app.t.db, basics, { customerPhone: '+12125550711', startsAt: new Date('2026-12-09T13:30:00Z'), createdAt: LONG_AGO });
    // The same time for a customer in Los Angeles: 06:30 New York is 03:30 there; it moves to Tue 20:59 Los Angeles = Wed 04:59Z.
    const la = await createAppointment(app.t.db, basics, { customerPhone: '+13105550712', startsAt: new Date('2026-12-09T13:30:00Z'), createdAt: LONG_AGO });
    await app.t.db.customer.update({ where: { phone: '+13105550712' }, data: { timeZone: 'America/Los_Angeles' } });

    await runDueReminders(app.ctx, notifiers, new Date('2026-12-09T01:58:00Z'));
    expect(sms.notices.filter((n) => n.idempotencyKey.endsWith(':120:sms'))).toEqual([]);
    await runDueReminders(app.ctx, notifiers, new Date('2026-12-09T01:59:00Z'));
    expect(sms.notices.filter((n) => n.idempotencyKey.endsWith(':120:sms')).map((n) => n.to.address)).toEqual(['+12125550711']);
    await runDueReminders(app.ctx, notifiers, new Date('2026-12-09T04:59:00Z'));
    expect(sms.notices.filter((n) => n.idempotencyKey.endsWith(':120:sms')).map((n) => n.to.address)).toEqual(['+12125550711', '+13105550712']);
    expect((await recorded(ny)).at(-1)).toMatchObject({ offsetMinutes: 120, status: 'sent', dueAt: new Date('2026-12-09T11:30:00Z'), sendAt: new Date('2026-12-09T01:59:00Z') });
    expect((await recorded(la)).at(-1)).toMatchObject({ offsetMinutes: 120, status: 'sent', sendAt: new Date('2026-12-09T04:59:00Z') });
    for (const r of [...(await recorded(ny)), ...(await recorded(la))]) expect(r.sendAt.getTime()).toBeLessThanOrEqual(r.dueAt.getTime());
  });

  it('never into the past: a reminder moved before the booking is skipped, with the reason', async () => {
    const sms = recordingNotifier('sms');
    // Booked Tue 22:00 New York (Wed 03:00Z) for Wed 09:00 (14:00Z): 07:00 is quiet, 20:59 Tue precedes the booking.
    const id = await createAppointment(app.t.db, basics, { customerPhone: '+12125550713', startsAt: new Date('2026-12-16T14:00:00Z'), createdAt: new Date('2026-12-16T03:00:00Z') });
    await runDueReminders(app.ctx, notifierRegistry([sms]), new Date('2026-12-16T03:01:00Z'));
    expect(sms.notices.filter((n) => n.idempotencyKey.includes(id))).toEqual([]);
    expect((await recorded(id)).map((r) => [r.offsetMinutes, r.status, r.reason])).toEqual([
      [1440, 'skipped', SKIP_REASONS.beforeBooking],
      [120, 'skipped', SKIP_REASONS.quietBeforeBooking],
    ]);
  });
});

describe('re-checked at send time', () => {
  it('an opted-out customer gets nothing; the reminder is recorded suppressed', async () => {
    const sender = createSmsSender(smsDeps(app.ctx));
    const id = await createAppointment(app.t.db, basics, { customerPhone: '+12125550721', startsAt: new Date('2026-12-22T15:00:00Z'), createdAt: LONG_AGO });
    await app.t.db.customer.update({ where: { phone: '+12125550721' }, data: { optedOut: true, optedOutAt: LONG_AGO } });
    const run = await runDueReminders(app.ctx, smsNotifiers(sender), new Date('2026-12-21T15:00:00Z'));
    expect(run).toMatchObject({ suppressed: 1, sent: 0 });
    expect(await recorded(id)).toMatchObject([{ offsetMinutes: 1440, status: 'suppressed', reason: 'the recipient opted out' }]);
    expect(await app.t.db.outboundMessage.findMany({ where: { appointmentId: id }, select: { status: true } })).toEqual([{ status: 'suppressed' }]);
  });

  it('an appointment canceled or rescheduled after its reminder was planned is skipped with the reason, never sent', async () => {
    const sms = recordingNotifier('sms');
    const notifiers = notifierRegistry([sms]);
    const canceled = await createAppointment(app.t.db, basics, { customerPhone: '+12125550731', startsAt: new Date('2026-12-23T15:00:00Z'), createdAt: LONG_AGO });
    const moved = await createAppointment(app.t.db, basics, { customerPhone: '+12125550732', startsAt: new Date('2026-12-23T15:00:00Z'), createdAt: LONG_AGO });
    const now = new Date('2026-12-22T15:00:00Z');
    expect(await planDueReminders(app.t.db, now)).toMatchObject({ pending: 2 });
    // Between planning and sending: one canceled, the other moved (a new appointment, the old one canceled).
    await app.t.db.appointment.update({ where: { id: canceled }, data: { status: 'canceled', canceledAt: now } });
    await app.t.db.appointment.update({ where: { id: moved }, data: { status: 'canceled', canceledAt: now } });
    const customer = await app.t.db.customer.findUniqueOrThrow({ where: { phone: '+12125550732' } });
    await app.t.db.appointment.create({
      data: { serviceId: basics.serviceId, locationId: basics.locationId, customerId: customer.id, startsAt: new Date('2026-12-28T15:00:00Z'), endsAt: new Date('2026-12-28T15:30:00Z'), channel: 'sms', ruleVersion: 1, rescheduledFromId: moved, confirmedAt: now, createdAt: now },
    });
    await runDueReminders(app.ctx, notifiers, now);
    expect(sms.notices).toEqual([]);
    expect(await recorded(canceled)).toMatchObject([{ status: 'skipped', reason: 'the appointment is canceled' }]);
    expect(await recorded(moved)).toMatchObject([{ status: 'skipped', reason: 'the appointment was rescheduled' }]);
  });
});

describe('on Slack', () => {
  it('reminds the colleague who booked from Slack by direct message, with the committed facts in text', async () => {
    const user = await app.t.db.user.create({ data: { name: 'Robin', role: 'staff', slackUserId: 'U0ROBIN' } });
    const a = await app.t.db.appointment.create({
      data: { serviceId: basics.serviceId, locationId: basics.locationId, requesterUserId: user.id, startsAt: new Date('2026-12-30T15:00:00Z'), endsAt: new Date('2026-12-30T15:30:00Z'), channel: 'slack', ruleVersion: 1, confirmedAt: LONG_AGO, createdAt: LONG_AGO },
    });
    const slack = recordingNotifier('slack');
    // Quiet hours are for phones: a Slack reminder due at 21:30 New York is not moved.
    await app.t.db.service.update({ where: { id: basics.serviceId }, data: { reminderOffsetsMinutes: [750] } });
    try {
      await runDueReminders(app.ctx, notifierRegistry([slack]), new Date('2026-12-30T02:30:00Z'));
    } finally {
      await app.t.db.service.update({ where: { id: basics.serviceId }, data: { reminderOffsetsMinutes: [1440, 120] } });
    }
    expect(slack.notices).toHaveLength(1);
    expect(slack.notices[0]).toMatchObject({ kind: 'reminder', to: { channel: 'slack', address: 'U0ROBIN' }, idempotencyKey: reminderKey(a.id, 750, 'slack') });
    expect(slack.notices[0]!.text).toBe('Reminder: Cleaning on Wed Dec 30, 10:00 AM EST at Downtown, 1 Main St.');
    expect(await recorded(a.id)).toMatchObject([{ channel: 'slack', status: 'sent', sendAt: new Date('2026-12-30T02:30:00Z') }]);
  });
});
