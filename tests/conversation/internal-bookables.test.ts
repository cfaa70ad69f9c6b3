import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrchestrator } from '../../src/conversation/orchestrator.ts';
import { createOfflineProvider } from '../../src/conversation/providers/offline/provider.ts';
import { createLogger } from '../../src/log.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { schedulerFor } from '../support/scheduler.ts';
import { createBusiness, createResource, createService } from '../engine/support/fixtures.ts';

// A colleague books a room or a consultant in their own words: the length and the party
// size they name reach the engine through find_slots, the hold and the booking, and the
// booked appointment (its room and its end) shows it. Now: Tue 2026-12-01 09:00 New York.

const clock = () => new Date('2026-12-01T14:00:00Z');
let t: TestDatabase;
let rooms: { huddle: string; board: string };
let consultant: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const { business, location } = await createBusiness(t.db);
  const huddle = await createResource(t.db, location.id, { name: 'Huddle', kind: 'room', capacity: 4 });
  const board = await createResource(t.db, location.id, { name: 'Board room', kind: 'room', capacity: 10 });
  const dana = await createResource(t.db, location.id, { name: 'Dana Reyes' });
  rooms = { huddle: huddle.id, board: board.id };
  consultant = dana.id;
  const room = await createService(t.db, business.id, {
    slug: 'meeting-room', durationMinutes: 60, minDurationMinutes: 15, maxDurationMinutes: 240, durationStepMinutes: 15, slotStepMinutes: 15,
    requirements: [{ kind: 'room' }], eligible: [huddle.id, board.id],
  });
  await t.db.service.update({ where: { id: room.id }, data: { name: 'Meeting room', synonyms: ['room', 'meeting'] } });
  const oneToOne = await createService(t.db, business.id, {
    slug: 'consultant-1-1', durationMinutes: 30, minDurationMinutes: 30, maxDurationMinutes: 60, durationStepMinutes: 15, slotStepMinutes: 15, eligible: [dana.id],
  });
  await t.db.service.update({ where: { id: oneToOne.id }, data: { name: '1:1 with a consultant', synonyms: ['1:1', 'one on one'] } });
  await t.db.user.create({ data: { name: 'Robin', role: 'staff', slackUserId: 'U0ROBIN' } });
});
afterAll(() => t.drop());

function chat() {
  const o = createOrchestrator({ db: t.db, scheduler: schedulerFor(t, clock), clock, log: createLogger('silent'), provider: createOfflineProvider() });
  return (text: string) => o.handle({ channel: 'slack', senderIdentity: 'U0ROBIN', text });
}

const booked = () => t.db.appointment.findMany({ where: { status: { not: 'canceled' } }, include: { reservations: true }, orderBy: { createdAt: 'asc' } });

describe('internal bookables in conversation', () => {
  it('"room for 6 tomorrow 2-3pm" books the board room from 2 to 3pm', async () => {
    const say = chat();
    const offered = await say('room for 6 tomorrow 2-3pm');
    expect(offered.messages.join('\n')).toMatch(/Wed Dec 2, 2:00 PM/);
    await say('the 2pm one');
    const done = await say('yes');
    expect(done.messages.join('\n')).toMatch(/booked|confirmed/i);
    const [a] = await booked();
    expect(a).toMatchObject({ startsAt: new Date('2026-12-02T19:00:00Z'), endsAt: new Date('2026-12-02T20:00:00Z') });
    expect(a!.reservations.map((r) => r.resourceId)).toEqual([rooms.board]);
  });

  it('"1:1 for 45 minutes Friday at 10am" books the consultant for 45 minutes', async () => {
    const say = chat();
    await say('1:1 for 45 minutes Friday at 10am');
    await say('the 10am one');
    await say('yes');
    const a = (await booked()).at(-1)!;
    expect(a).toMatchObject({ startsAt: new Date('2026-12-04T15:00:00Z'), endsAt: new Date('2026-12-04T15:45:00Z') });
    expect(a.reservations.map((r) => r.resourceId)).toEqual([consultant]);
  });

  it('a length the service does not allow is refused and nothing is booked', async () => {
    const before = (await booked()).length;
    const say = chat();
    const reply = await say('1:1 for 3 hours tomorrow at 10am');
    expect(reply.messages.join('\n')).toBe(
      '"1:1 with a consultant" can be booked for 30 to 60 minutes in steps of 15; 180 minutes is not one of them. Tell me another length or number of people.',
    );
    expect((await booked()).length).toBe(before);
    // The length is forgotten with the refusal: the next message is searched on its own terms.
    const retry = await say('for an hour');
    expect(retry.messages.join('\n')).toMatch(/Wed Dec 2, 10:00 AM/);
  });

  it('a room for more people than any room holds is refused by name', async () => {
    const reply = await chat()('room for 12 tomorrow at 3pm');
    expect(reply.messages.join('\n')).toMatch(/^No room for "Meeting room" holds 12 people\./);
  });
});
