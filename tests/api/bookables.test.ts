import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { json, snapshot } from './fixtures.ts';
import { createBusiness, createResource } from '../engine/support/fixtures.ts';

// Internal bookables through the admin API: a service whose length the requester
// chooses, rooms asked for by size, and every out-of-range request refused with a
// problem document and nothing written. Tuesday 2026-12-01, New York (09:00 = 14:00Z).

interface Slots {
  slots: Array<{ start: string; end: string; resourceIds: string[] }>;
}

describe('internal bookables over HTTP', () => {
  let app: TestApp;
  let rooms: { huddle: string; board: string };

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-30T12:00:00Z' });
    const { location } = await createBusiness(app.t.db);
    const huddle = await createResource(app.t.db, location.id, { name: 'Huddle', kind: 'room', capacity: 4 });
    const board = await createResource(app.t.db, location.id, { name: 'Board room', kind: 'room', capacity: 10 });
    rooms = { huddle: huddle.id, board: board.id };
  });
  afterAll(() => app.close());

  const post = (path: string, body: unknown, method = 'POST') => app.api(`/api/v1${path}`, { method, json: body });
  const meetingRoom = () => ({
    name: 'Meeting room',
    slug: 'meeting-room',
    durationMinutes: 60,
    minDurationMinutes: 15,
    maxDurationMinutes: 240,
    durationStepMinutes: 15,
    slotStepMinutes: 30,
    requirements: [{ kind: 'room' }],
    eligibleResourceIds: [rooms.huddle, rooms.board],
  });

  it.each([
    [{ minDurationMinutes: 90 }, 'minDurationMinutes', 'must be at most durationMinutes (60)'],
    [{ maxDurationMinutes: 45 }, 'maxDurationMinutes', 'must be at least durationMinutes (60)'],
    [{ maxDurationMinutes: null }, 'maxDurationMinutes', 'set both minDurationMinutes and maxDurationMinutes, or neither'],
    [{ minDurationMinutes: 20 }, 'durationStepMinutes', 'durationMinutes (60) must be minDurationMinutes (20) plus a multiple of 15'],
    [{ seats: 8 }, 'seats', 'a service with several seats has one fixed length'],
  ])('refuses a service with %j: 400 naming %s, nothing written', async (change, field, message) => {
    const before = await snapshot(app);
    const res = await post('/services', { ...meetingRoom(), ...change });
    const problem = await json<{ errors: Array<{ field: string; message: string }> }>(res, 400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(problem.errors).toEqual([{ field, message: expect.stringContaining(message) }]);
    expect(await snapshot(app)).toEqual(before);
  });

  it('creates the service, and refuses an update that would put the default outside the range', async () => {
    const created = await json<{ id: string; minDurationMinutes: number; maxDurationMinutes: number; durationStepMinutes: number }>(await post('/services', meetingRoom()), 201);
    expect(created).toMatchObject({ minDurationMinutes: 15, maxDurationMinutes: 240, durationStepMinutes: 15 });
    const before = await snapshot(app);
    const res = await post(`/services/${created.id}`, { durationMinutes: 300 }, 'PATCH');
    expect((await json<{ errors: unknown[] }>(res, 400)).errors).toEqual([{ field: 'maxDurationMinutes', message: 'must be at least durationMinutes (300)' }]);
    expect(await snapshot(app)).toEqual(before);
  });

  it('GET /availability takes durationMinutes and minCapacity', async () => {
    const window = 'from=2026-12-01T14:00:00Z&to=2026-12-01T15:00:00Z';
    const plain = await json<Slots>(await app.api(`/api/v1/availability?service=meeting-room&${window}`), 200);
    expect(plain.slots.map((s) => [s.start, s.end])).toEqual([
      ['2026-12-01T14:00:00.000Z', '2026-12-01T15:00:00.000Z'],
      ['2026-12-01T14:30:00.000Z', '2026-12-01T15:30:00.000Z'],
    ]);
    const sized = await json<Slots>(await app.api(`/api/v1/availability?service=meeting-room&${window}&durationMinutes=90&minCapacity=6`), 200);
    expect(sized.slots.map((s) => [s.start, s.end, s.resourceIds])).toEqual([
      ['2026-12-01T14:00:00.000Z', '2026-12-01T15:30:00.000Z', [rooms.board]],
      ['2026-12-01T14:30:00.000Z', '2026-12-01T16:00:00.000Z', [rooms.board]],
    ]);
  });

  it.each([
    ['durationMinutes=250', 'duration', '"Meeting room" can be booked for 15 to 240 minutes in steps of 15; 250 minutes is not one of them.'],
    ['minCapacity=11', 'capacity', 'No room for "Meeting room" holds 11 people.'],
  ])('GET /availability with %s is a 422 naming the rule', async (q, rule, detail) => {
    const res = await app.api(`/api/v1/availability?service=meeting-room&from=2026-12-01T14:00:00Z&to=2026-12-01T15:00:00Z&${q}`);
    expect(await json(res, 422)).toMatchObject({ rule, detail });
  });

  it('books a room for 6 for 2 hours, and refuses an out-of-range length with nothing written', async () => {
    const customer = { phone: '+12125550199', name: 'Team lead' };
    const before = await snapshot(app);
    const refused = await post('/appointments', { service: 'meeting-room', start: '2026-12-01T16:00:00Z', customer, durationMinutes: 245 });
    expect(await json(refused, 422)).toMatchObject({ rule: 'duration' });
    expect(await snapshot(app)).toEqual(before);
    const booked = await json<{ end: string; resourceIds: string[] }>(
      await post('/appointments', { service: 'meeting-room', start: '2026-12-01T16:00:00Z', customer, durationMinutes: 120, minCapacity: 6 }),
      201,
    );
    expect(booked).toMatchObject({ end: '2026-12-01T18:00:00.000Z', resourceIds: [rooms.board] });
  });
});
