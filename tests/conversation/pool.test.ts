import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '../../src/db/client.ts';
import { createOrchestrator } from '../../src/conversation/orchestrator.ts';
import { createOfflineProvider } from '../../src/conversation/providers/offline/provider.ts';
import { T } from '../../src/conversation/templates.ts';
import { createLogger } from '../../src/log.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createSalon } from './support/fixture.ts';
import { schedulerFor } from '../support/scheduler.ts';

// Any channel may hand the orchestrator any number of messages at once. A turn holds a
// pooled connection for its transaction; far more concurrent turns than connections
// must still all finish (they once waited on each other for a second connection until
// the transaction timeout).

const clock = () => new Date('2026-12-01T14:00:00Z');
const POOL = 5;
const SENDERS = 40;
let t: TestDatabase;
let small: PrismaClient;

beforeAll(async () => {
  t = await createTestDatabase();
  small = createPrisma(t.url, { max: POOL });
  await createSalon(t.db);
});
afterAll(async () => {
  await small.$disconnect();
  await t.drop();
});

it(`completes ${SENDERS} concurrent conversations on a pool of ${POOL} connections, through slot search, holds and new customers`, async () => {
  const o = createOrchestrator({ db: small, scheduler: schedulerFor(t, clock), clock, log: createLogger('silent'), provider: createOfflineProvider() });
  // Web senders have no Customer row yet: picking a time creates it, on first need, mid-turn.
  const phones = Array.from({ length: SENDERS }, (_, i) => `+1555555${String(1000 + i)}`);

  const offered = await Promise.all(phones.map((p) => o.handle({ channel: 'web', senderIdentity: p, text: 'haircut tomorrow afternoon' })));
  for (const r of offered) expect(r.messages.join('\n')).toMatch(/^1\) /m);

  const picked = await Promise.all(phones.map((p) => o.handle({ channel: 'web', senderIdentity: p, text: '1' })));
  for (const r of picked) expect(r.messages).not.toContain(T.internalError);
  const proposals = picked.filter((r) => /^Book Haircut/.test(r.messages[0] ?? '')).length;
  expect(proposals).toBeGreaterThan(0);

  expect(await t.db.conversation.count()).toBe(SENDERS);
  expect(await t.db.message.count({ where: { direction: 'inbound' } })).toBe(2 * SENDERS);
  expect(await t.db.hold.count()).toBe(proposals);
  expect(await t.db.customer.count()).toBe(SENDERS);
});
