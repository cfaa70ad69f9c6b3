import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifierRegistry, type Notice, type NoticeOutcome, type Notifier } from '../../src/contract/notifier.ts';
import { rememberAnswerableNotices } from '../../src/notices/answerable.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Answerable notices (reminders, reschedule offers) are remembered per recipient as
// they go out, one by one or in a channel's batch; others, and those not sent, are not.

const notice = (key: string, kind: Notice['kind'] = 'reminder'): Notice => ({ kind, to: { channel: 'sms', address: '+12125550601' }, idempotencyKey: key, text: 'x' });

/** A batching notifier whose outcome per key is given: suppressed, an error, or sent. */
function batching(outcomeOf: (key: string) => NoticeOutcome): Notifier {
  return {
    channel: 'sms',
    send: async (n) => {
      const o = outcomeOf(n.idempotencyKey);
      if ('error' in o) throw o.error;
      return o.result;
    },
    sendMany: async (notices) => notices.map((n) => outcomeOf(n.idempotencyKey)),
  };
}

describe('rememberAnswerableNotices', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  const remembered = async () => (await app.t.db.customerNotice.findMany({ where: { idempotencyKey: { startsWith: 'ans:' } }, orderBy: { idempotencyKey: 'asc' } })).map((r) => r.idempotencyKey);

  it('remembers the answerable notices of a batch that went out, once per key', async () => {
    const inner = batching((key) => {
      if (key.endsWith(':failed')) return { error: new Error('down') };
      return { result: { messageId: key, status: key.endsWith(':suppressed') ? 'suppressed' : 'outbox', duplicate: false } };
    });
    const notifier = rememberAnswerableNotices(notifierRegistry([inner]), { db: app.t.db }).forChannel('sms')!;
    const batch = [notice('ans:1'), notice('ans:2:suppressed'), notice('ans:3:failed'), notice('ans:4', 'confirmation'), notice('ans:5', 'reschedule_offer')];
    const outcomes = await notifier.sendMany!(batch);
    expect(outcomes).toHaveLength(5);
    await notifier.sendMany!([notice('ans:1')]);
    await notifier.send(notice('ans:6'));
    expect(await remembered()).toEqual(['ans:1', 'ans:5', 'ans:6']);
  });

  it('gives no batch path to a channel that has none', () => {
    const { sendMany: _none, ...single } = batching(() => ({ result: { messageId: 'm', status: 'sent', duplicate: false } }));
    const notifier = rememberAnswerableNotices(notifierRegistry([single]), { db: app.t.db }).forChannel('sms')!;
    expect(notifier.sendMany).toBeUndefined();
  });
});
