import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createOrchestrator } from '../../src/conversation/orchestrator.ts';
import { createOfflineProvider } from '../../src/conversation/providers/offline/provider.ts';
import type { ModelProvider } from '../../src/conversation/providers/types.ts';
import { createLogger } from '../../src/log.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createSalon, wipe } from './support/fixture.ts';
import { schedulerFor } from '../support/scheduler.ts';

// One inbound message at a time per conversation; a retried provider message id is
// answered once, with the identical reply; a restart mid-dialog loses nothing.

const clock = () => new Date('2026-12-01T14:00:00Z');
const ME = '+15555550123';
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());
beforeEach(async () => {
  await wipe(t.db);
  await createSalon(t.db);
});

/** The offline provider, slowed down and instrumented to see whether turns overlap. */
function slowProvider(delayMs: number) {
  const inner = createOfflineProvider();
  const spans: Array<{ text: string; start: number; end: number }> = [];
  let calls = 0;
  const provider: ModelProvider = {
    name: 'offline',
    async next(req) {
      calls++;
      const start = Date.now();
      await new Promise((r) => setTimeout(r, delayMs));
      const step = await inner.next(req);
      const last = [...req.history].reverse().find((m) => m.role === 'user');
      spans.push({ text: last?.role === 'user' ? last.content : '', start, end: Date.now() });
      return step;
    },
  };
  return { provider, spans, calls: () => calls };
}

function orchestratorWith(provider: ModelProvider) {
  return createOrchestrator({ db: t.db, scheduler: schedulerFor(t, clock), clock, log: createLogger('silent'), provider });
}

it('processes two messages of one conversation one after the other, never interleaved', async () => {
  const slow = slowProvider(150);
  const o = orchestratorWith(slow.provider);
  const [a, b] = await Promise.all([
    o.handle({ channel: 'sms', senderIdentity: ME, text: 'what are your hours?', externalId: 'SM-a' }),
    o.handle({ channel: 'sms', senderIdentity: ME, text: 'where are you located?', externalId: 'SM-b' }),
  ]);
  expect(a.conversationId).toBe(b.conversationId);
  // Each message takes two provider steps (a tool call, then the reply); all steps of the
  // message that went first end before any step of the other begins.
  const spans = [...slow.spans].sort((x, y) => x.start - y.start);
  expect(spans).toHaveLength(4);
  const firstText = spans[0]!.text;
  const first = { text: firstText, end: Math.max(...spans.filter((s) => s.text === firstText).map((s) => s.end)) };
  const secondSpans = spans.filter((s) => s.text !== firstText);
  expect(secondSpans).toHaveLength(2);
  const second = { text: secondSpans[0]!.text, start: Math.min(...secondSpans.map((s) => s.start)) };
  expect(second.start).toBeGreaterThanOrEqual(first.end);
  // The transcript reads as two whole exchanges: user, tool call, tool result, reply — twice.
  const rows = await t.db.message.findMany({ where: { conversationId: a.conversationId }, orderBy: { createdAt: 'asc' } });
  expect(rows.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant', 'user', 'assistant', 'tool', 'assistant']);
  expect(rows[0]!.text).toBe(first.text);
  expect(rows[4]!.text).toBe(second.text);
});

it('lets different conversations proceed in parallel', async () => {
  const slow = slowProvider(300);
  const o = orchestratorWith(slow.provider);
  const phones = ['+15555550131', '+15555550132', '+15555550133'];
  await Promise.all(phones.map((p, i) => o.handle({ channel: 'sms', senderIdentity: p, text: `hours? ${i}` })));
  // The lock is per conversation: provider steps of different conversations overlap in time.
  const first = slow.spans.filter((s) => s.text === 'hours? 0');
  const others = slow.spans.filter((s) => s.text !== 'hours? 0');
  const overlaps = others.some((o2) => first.some((f) => o2.start < f.end && f.start < o2.end));
  expect(overlaps).toBe(true);
});

it('answers a retried message id once, with the identical reply', async () => {
  const slow = slowProvider(50);
  const o = orchestratorWith(slow.provider);
  await o.handle({ channel: 'sms', senderIdentity: ME, text: 'haircut tomorrow afternoon', externalId: 'SM-1' });
  const callsBefore = slow.calls();
  const [r1, r2] = await Promise.all([
    o.handle({ channel: 'sms', senderIdentity: ME, text: '2', externalId: 'SM-2' }),
    o.handle({ channel: 'sms', senderIdentity: ME, text: '2', externalId: 'SM-2' }),
  ]);
  const r3 = await o.handle({ channel: 'sms', senderIdentity: ME, text: '2', externalId: 'SM-2' });
  expect(r2).toEqual(r1);
  expect(r3).toEqual(r1);
  expect(r1.messages[0]).toMatch(/^Book Haircut/);
  expect(slow.calls() - callsBefore).toBe(1);
  expect(await t.db.message.count({ where: { direction: 'inbound', externalId: 'SM-2' } })).toBe(1);
  expect(await t.db.hold.count()).toBe(1);
  // The retried "yes" books once.
  const y1 = await o.handle({ channel: 'sms', senderIdentity: ME, text: 'yes', externalId: 'SM-3' });
  const y2 = await o.handle({ channel: 'sms', senderIdentity: ME, text: 'yes', externalId: 'SM-3' });
  expect(y2).toEqual(y1);
  expect(await t.db.appointment.count()).toBe(1);
});

it('loses nothing across a restart mid-dialog', async () => {
  const before = orchestratorWith(createOfflineProvider());
  await before.handle({ channel: 'sms', senderIdentity: ME, text: 'consultation friday 2pm' });
  await before.handle({ channel: 'sms', senderIdentity: ME, text: 'the 2pm one' });
  await before.handle({ channel: 'sms', senderIdentity: ME, text: 'yes' });
  // A new process: new orchestrator and provider, same database.
  const after = orchestratorWith(createOfflineProvider());
  const r = await after.handle({ channel: 'sms', senderIdentity: ME, text: 'Friend' });
  expect(r.messages[0]).toContain('email');
  await after.handle({ channel: 'sms', senderIdentity: ME, text: 'skip' });
  await after.handle({ channel: 'sms', senderIdentity: ME, text: '10' });
  const done = await after.handle({ channel: 'sms', senderIdentity: ME, text: 'y' });
  expect(done.messages[0]).toContain('Booked');
  const appt = await t.db.appointment.findFirstOrThrow();
  expect(appt.intake).toEqual({ first_visit: true, referral: 'Friend', hair_length: 10 });
});
