import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { ensureConversation, lockConversation, readTurn } from '../../src/conversation/store.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { wipe } from './support/fixture.ts';

// A turn takes the conversation's lock and reads its row in one round trip (readTurn,
// through read_after_advisory_lock). The read must see what the previous holder of the
// lock committed, not a snapshot from before the lock was granted.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());
beforeEach(() => wipe(t.db));

const keys = { replyExternalId: null, phone: '+15555550123', slackUserId: null, teamsUserId: null, noticeTo: null };

it('reads the state the previous holder of the lock committed while the turn waited for it', async () => {
  const { id } = await ensureConversation(t.db, 'sms', '+15555550123');
  let locked!: () => void;
  const holderHasLock = new Promise<void>((resolve) => (locked = resolve));
  const holder = t.db.$transaction(async (tx) => {
    await lockConversation(tx, id);
    locked();
    await tx.conversation.update({ where: { id }, data: { state: { v: 1, history: [{ role: 'user', content: 'first' }] } } });
    // The turn below starts its read now and waits for the lock.
    await new Promise((r) => setTimeout(r, 300));
  });
  await holderHasLock;
  const started = Date.now();
  const row = await t.db.$transaction((tx) => readTurn(tx, id, keys));
  await holder;
  expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  expect(row?.state).toMatchObject({ history: [{ role: 'user', content: 'first' }] });
});

it('reads the sender\'s latest notice only while the conversation has said nothing since', async () => {
  const { id } = await ensureConversation(t.db, 'sms', '+15555550123');
  const noticeTo = { channel: 'sms', address: '+15555550123' };
  await t.db.customerNotice.create({ data: { channel: 'sms', address: '+15555550123', kind: 'reminder', idempotencyKey: 'n-old', sentAt: new Date(Date.now() - 60_000) } });
  const latest = await t.db.customerNotice.create({ data: { channel: 'sms', address: '+15555550123', kind: 'reminder', idempotencyKey: 'n-new', sentAt: new Date(Date.now() - 30_000) } });
  await t.db.customerNotice.create({ data: { channel: 'sms', address: '+15555550999', kind: 'reminder', idempotencyKey: 'n-other', sentAt: new Date() } });
  const read = () => t.db.$transaction((tx) => readTurn(tx, id, { ...keys, noticeTo }));
  expect((await read())?.notice).toEqual({ id: latest.id, kind: 'reminder', idempotencyKey: 'n-new', appointmentId: null });
  expect((await t.db.$transaction((tx) => readTurn(tx, id, keys)))?.notice).toBeNull();
  await t.db.message.create({ data: { conversationId: id, direction: 'outbound', role: 'assistant', text: 'since', createdAt: new Date() } });
  expect((await read())?.notice).toBeNull();
});

it('is null for a conversation whose row is gone', async () => {
  expect(await t.db.$transaction((tx) => readTurn(tx, '00000000-0000-4000-8000-000000000000', keys))).toBeNull();
});
