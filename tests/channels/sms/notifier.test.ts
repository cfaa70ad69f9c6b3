import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsNotifier } from '../../../src/channels/sms/notifier.ts';
import { createSmsSender } from '../../../src/channels/sms/outbound.ts';
import { UnsupportedNotice } from '../../../src/channels/sms/render-notice.ts';
import { isGsm7 } from '../../../src/channels/sms/segments.ts';
import type { Notice } from '../../../src/contract/notifier.ts';
import { smsDeps } from '../../../src/context.ts';
import { createTestApp, type TestApp } from '../../support/app.ts';

// The SMS notifier sends through the outbox once per key and never to an opted-out
// number; what each notice says is tested with renderNotice (render-notice.test.ts).

const to = { channel: 'sms' as const, address: '+12125550501' };
const notice = (n: Partial<Notice>): Notice => ({ kind: 'staff_reply', to, idempotencyKey: 'k', from: 'Bright Salon', ...n });

describe('createSmsNotifier', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  const notifier = () => createSmsNotifier(createSmsSender(smsDeps(app.ctx)));

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

  it('refuses a recipient on another channel, writing nothing', async () => {
    const before = await app.t.db.outboundMessage.count();
    await expect(notifier().send(notice({ to: { channel: 'slack', address: 'U024BE7LH' }, idempotencyKey: 'staff_reply:test:3', text: 'Hi' }))).rejects.toThrow(UnsupportedNotice);
    expect(await app.t.db.outboundMessage.count()).toBe(before);
  });

  it('sends a batch with the guarantees of sending one by one', async () => {
    await app.t.db.customer.create({ data: { phone: '+12125550512', optedOut: true } });
    // A row a crashed process recorded and never sent: its key is in the batch, so it goes out now, once.
    await app.t.db.outboundMessage.create({
      data: { channel: 'sms', to: '+12125550513', body: 'Bright Salon: Left', kind: 'notice', idempotencyKey: 'batch:left', status: 'queued', segments: 1 },
    });
    const earlier = await notifier().send(notice({ to: { channel: 'sms', address: '+12125550511' }, idempotencyKey: 'batch:earlier', text: 'Before' }));
    const outcomes = await notifier().sendMany!([
      notice({ to: { channel: 'sms', address: '+12125550510' }, idempotencyKey: 'batch:new', text: 'Hello' }),
      notice({ to: { channel: 'sms', address: '+12125550511' }, idempotencyKey: 'batch:earlier', text: 'Before' }),
      notice({ to: { channel: 'sms', address: '+12125550512' }, idempotencyKey: 'batch:opted-out', text: 'Hello' }),
      notice({ to: { channel: 'slack', address: 'U024BE7LH' }, idempotencyKey: 'batch:slack', text: 'Hi' }),
      notice({ to: { channel: 'sms', address: '+12125550513' }, idempotencyKey: 'batch:left', text: 'Left' }),
      notice({ to: { channel: 'sms', address: '+12125550510' }, idempotencyKey: 'batch:new', text: 'Hello' }),
    ]);
    expect(outcomes.map((o) => ('result' in o ? [o.result.status, o.result.duplicate] : (o.error as Error).name))).toEqual([
      ['outbox', false],
      ['outbox', true],
      ['suppressed', false],
      'UnsupportedNotice',
      ['outbox', true],
      ['outbox', true],
    ]);
    expect(outcomes[1]).toEqual({ result: { ...earlier, duplicate: true } });
    const rows = await app.t.db.outboundMessage.findMany({ where: { idempotencyKey: { startsWith: 'batch:' } }, orderBy: { idempotencyKey: 'asc' } });
    expect(rows.map((r) => [r.idempotencyKey, r.status, r.body])).toEqual([
      ['batch:earlier', 'outbox', 'Bright Salon: Before'],
      ['batch:left', 'outbox', 'Bright Salon: Left'],
      ['batch:new', 'outbox', 'Bright Salon: Hello'],
      ['batch:opted-out', 'suppressed', 'Bright Salon: Hello'],
    ]);
  });
});
