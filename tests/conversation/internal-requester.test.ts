import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrchestrator } from '../../src/conversation/orchestrator.ts';
import { createOfflineProvider } from '../../src/conversation/providers/offline/provider.ts';
import { createLogger } from '../../src/log.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { schedulerFor } from '../support/scheduler.ts';
import { createSalon, type Fixture } from './support/fixture.ts';

// A colleague writing from Slack (or Teams) is known by their user id, not a phone:
// what they requested is theirs to list and cancel, and nobody else's is.

const clock = () => new Date('2026-12-01T14:00:00Z');
let t: TestDatabase;
let salon: Fixture;
let mine: string;
let theirs: string;

beforeAll(async () => {
  t = await createTestDatabase();
  salon = await createSalon(t.db);
  const me = await t.db.user.create({ data: { name: 'Robin', role: 'staff', slackUserId: 'U0ROBIN' } });
  const other = await t.db.user.create({ data: { name: 'Sam', role: 'staff', slackUserId: 'U0SAM' } });
  const scheduler = schedulerFor(t, clock);
  const book = async (userId: string, start: string) => {
    const r = await scheduler.book({ service: salon.services.haircut, start: new Date(start), channel: 'slack', requesterUserId: userId, actor: { type: 'user', id: userId, channel: 'slack' } });
    if (!r.ok) throw new Error(`fixture booking failed: ${r.kind}`);
    return r.appointment.id;
  };
  mine = await book(me.id, '2026-12-02T15:00:00Z');
  theirs = await book(other.id, '2026-12-02T16:00:00Z');
});
afterAll(() => t.drop());

it('lists and cancels what the Slack user requested, and leaves a colleague’s booking alone', async () => {
  const o = createOrchestrator({ db: t.db, scheduler: schedulerFor(t, clock), clock, log: createLogger('silent'), provider: createOfflineProvider() });
  const say = (text: string) => o.handle({ channel: 'slack', senderIdentity: 'U0ROBIN', text });

  const listed = await say('show my appointments');
  expect(listed.messages.join('\n')).toMatch(/Wed Dec 2.*10:00/);
  expect(listed.messages.join('\n')).not.toMatch(/11:00/);

  await say('cancel my appointment');
  const confirmed = await say('yes');
  expect(confirmed.messages.join('\n')).toMatch(/cancel/i);

  const status = async (id: string) => (await t.db.appointment.findUniqueOrThrow({ where: { id } })).status;
  expect(await status(mine)).toBe('canceled');
  expect(await status(theirs)).toBe('confirmed');
});
