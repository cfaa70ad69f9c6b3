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
});
