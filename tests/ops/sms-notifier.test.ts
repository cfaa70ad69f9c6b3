import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsNotifier, renderSmsNotice, UnsupportedNotice } from '../../src/channels/sms/notifier.ts';
import { createSmsSender } from '../../src/channels/sms/outbound.ts';
import { isGsm7 } from '../../src/channels/sms/segments.ts';
import type { AppointmentFacts, Notice } from '../../src/contract/notifier.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// The SMS notifier: what each notice kind says, and that sending goes through the
// outbox once per key and never to an opted-out number.

const facts: AppointmentFacts = {
  id: '6a0c8a55-2d1b-4a8e-9f0e-6f0b1c2d3e4f',
  status: 'confirmed',
  serviceName: 'Haircut',
  startsAt: new Date('2026-12-04T20:00:00Z'),
  endsAt: new Date('2026-12-04T20:30:00Z'),
  timeZone: 'America/New_York',
  locationName: 'Main St',
  locationAddress: '12 Main St',
  contactPhone: '+12125550100',
  businessName: 'Bright Salon',
  staffName: 'Dana',
};
const to = { channel: 'sms' as const, address: '+12125550501' };
const notice = (n: Partial<Notice>): Notice => ({ kind: 'staff_reply', to, idempotencyKey: 'k', ...n });

describe('renderSmsNotice', () => {
  it('sends a staff reply as written, under the business name', () => {
    expect(renderSmsNotice(notice({ text: '  See you at 3, Dana  ' }), 'Bright Salon')).toBe('Bright Salon: See you at 3, Dana');
  });

  it('words confirmations, reminders and cancellations from the committed record, in the location zone', () => {
    expect(renderSmsNotice(notice({ kind: 'confirmation', appointment: facts }), 'x')).toBe(
      'Bright Salon: your Haircut is booked for Fri Dec 4, 3:00 PM EST at Main St, 12 Main St. Questions? Call +12125550100.',
    );
    expect(renderSmsNotice(notice({ kind: 'reminder', appointment: { ...facts, contactPhone: null } }), 'x')).toBe(
      'Bright Salon: reminder of your Haircut on Fri Dec 4, 3:00 PM EST at Main St, 12 Main St.',
    );
    expect(renderSmsNotice(notice({ kind: 'cancellation', appointment: facts }), 'x')).toBe('Bright Salon: your Haircut on Fri Dec 4, 3:00 PM EST is canceled. Questions? Call +12125550100.');
    for (const kind of ['confirmation', 'reminder', 'cancellation'] as const) expect(isGsm7(renderSmsNotice(notice({ kind, appointment: facts }), 'x'))).toBe(true);
  });

  it('refuses a kind it has no wording for, or a notice missing what it needs', () => {
    expect(() => renderSmsNotice(notice({ kind: 'no_show_prompt', appointment: facts }), 'x')).toThrow(UnsupportedNotice);
    expect(() => renderSmsNotice(notice({ kind: 'confirmation' }), 'x')).toThrow(UnsupportedNotice);
    expect(() => renderSmsNotice(notice({ text: undefined }), 'x')).toThrow(UnsupportedNotice);
  });
});

describe('createSmsNotifier', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await app.t.db.business.create({ data: { name: 'Bright Salon', timeZone: 'America/New_York' } });
  });
  afterAll(() => app.close());

  const notifier = () => createSmsNotifier({ sender: createSmsSender(app.ctx), db: app.t.db });

  it('records the message in the outbox once per key, GSM-7 after typography is normalized', async () => {
    const first = await notifier().send(notice({ idempotencyKey: 'staff_reply:test:1', text: 'We’ll see you “soon”' }));
    const again = await notifier().send(notice({ idempotencyKey: 'staff_reply:test:1', text: 'We’ll see you “soon”' }));
    expect(first).toMatchObject({ status: 'outbox', duplicate: false });
    expect(again).toEqual({ ...first, duplicate: true });
    const rows = await app.t.db.outboundMessage.findMany({ where: { idempotencyKey: 'staff_reply:test:1' } });
    expect(rows.map((r) => [r.to, r.body])).toEqual([[to.address, `Bright Salon: We'll see you "soon"`]]);
    expect(isGsm7(rows[0]!.body)).toBe(true);
  });

  it('holds a notice back from an opted-out number', async () => {
    await app.t.db.customer.create({ data: { phone: '+12125550502', optedOut: true } });
    const result = await notifier().send(notice({ to: { channel: 'sms', address: '+12125550502' }, idempotencyKey: 'staff_reply:test:2', text: 'Hello' }));
    expect(result.status).toBe('suppressed');
  });

  it('refuses a recipient on another channel', async () => {
    await expect(notifier().send(notice({ to: { channel: 'slack', address: 'U024BE7LH' }, idempotencyKey: 'staff_reply:test:3', text: 'Hi' }))).rejects.toThrow(UnsupportedNotice);
  });
});
