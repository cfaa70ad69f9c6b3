import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifierRegistry } from '../../src/contract/notifier.ts';
import { runDueReminders } from '../../src/jobs/reminders.ts';
import { bookHaircut } from './support/book.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createSalon, type Fixture } from '../conversation/support/fixture.ts';
import { recordingNotifier } from './support/notifiers.ts';

// The reminder job knows no channel: it hands a Notice, built from the committed
// appointment, to the notifier of the customer's channel.

const T0 = new Date('2026-12-01T14:00:00Z');
let app: TestApp;
let salon: Fixture;

beforeAll(async () => {
  app = await createTestApp({ clock: () => T0 });
  salon = await createSalon(app.t.db);
  await app.t.db.service.updateMany({ data: { reminderOffsetsMinutes: [1440, 120] } });
});
afterAll(() => app.close());

const book = (phone: string, start: string) => bookHaircut(app, salon, phone, start);

describe('reminders through the notifier port', () => {
  it('sends one reminder Notice with the committed facts and a per-channel key', async () => {
    const id = await book('+12125550601', '2026-12-03T15:00:00Z');
    const sms = recordingNotifier('sms');
    const run = await runDueReminders(app.ctx, notifierRegistry([sms]), new Date('2026-12-02T15:00:30Z'));
    expect(run).toMatchObject({ sent: 1, duplicate: 0 });
    expect(sms.notices).toHaveLength(1);
    const [notice] = sms.notices;
    expect(notice).toMatchObject({ kind: 'reminder', to: { channel: 'sms', address: '+12125550601' }, idempotencyKey: `reminder:${id}:1440:sms` });
    expect(notice!.appointment).toMatchObject({
      id,
      status: 'confirmed',
      serviceName: 'Haircut',
      startsAt: new Date('2026-12-03T15:00:00Z'),
      timeZone: 'America/New_York',
      locationName: 'Main St',
      locationAddress: '12 Main St, New York, NY',
      contactPhone: '+12125550100',
      businessName: 'Bright Salon',
    });
    expect(['Dana', 'Lee']).toContain(notice!.appointment!.staffName);
    expect(await runDueReminders(app.ctx, notifierRegistry([sms]), new Date('2026-12-02T15:01:30Z'))).toMatchObject({ sent: 0, considered: 0 });
  });

  it('sends nothing when the customer’s channel has no notifier, and records why', async () => {
    const id = await book('+12125550602', '2026-12-04T15:00:00Z');
    const slack = recordingNotifier('slack');
    const run = await runDueReminders(app.ctx, notifierRegistry([slack]), new Date('2026-12-03T15:00:30Z'));
    expect(run).toMatchObject({ sent: 0 });
    expect(slack.notices).toEqual([]);
    expect(await app.t.db.reminderDelivery.findMany({ where: { appointmentId: id }, select: { offsetMinutes: true, channel: true, status: true, reason: true } })).toEqual([
      { offsetMinutes: 1440, channel: 'sms', status: 'skipped', reason: 'no sms channel in this installation' },
    ]);
  });
});
