import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scheduler } from '../../src/engine/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { schedulerFor } from '../support/scheduler.ts';
import { createBusiness, createResource, createService, system } from './support/fixtures.ts';

// Requested lengths and room sizes against Postgres: what is written (appointment,
// reservations with buffers), what is refused with nothing written, and how a
// reschedule keeps the chosen length. Tuesday 2026-12-01, New York (09:00 = 14:00Z).

describe('sized bookings against Postgres', () => {
  let t: TestDatabase;
  let s: Scheduler;
  const now = new Date('2026-11-30T12:00:00Z');
  let rooms: { huddle: string; board: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    const { business, location } = await createBusiness(t.db);
    const huddle = await createResource(t.db, location.id, { name: 'Huddle', kind: 'room', capacity: 4 });
    const board = await createResource(t.db, location.id, { name: 'Board room', kind: 'room', capacity: 10 });
    await createService(t.db, business.id, {
      slug: 'meeting-room',
      durationMinutes: 60,
      minDurationMinutes: 15,
      maxDurationMinutes: 240,
      durationStepMinutes: 15,
      bufferAfterMinutes: 15,
      slotStepMinutes: 30,
      requirements: [{ kind: 'room' }],
      eligible: [huddle.id, board.id],
    });
    rooms = { huddle: huddle.id, board: board.id };
    s = schedulerFor(t, () => new Date(now));
  });
  afterAll(() => t.drop());

  const count = async (table: string) => Number((await t.pool.query(`SELECT count(*) FROM ${table}`)).rows[0].count);

  it('books a room for 6 for 90 minutes: the board room, ending 90 minutes later, blocked 15 more', async () => {
    const r = await s.book({ service: 'meeting-room', start: new Date('2026-12-01T14:00:00Z'), durationMinutes: 90, minCapacity: 6, channel: 'slack', actor: system });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.appointment.resourceIds).toEqual([rooms.board]);
    expect(r.appointment.end.toISOString()).toBe('2026-12-01T15:30:00.000Z');
    const { rows } = await t.pool.query(`SELECT resource_id, block_start, block_end FROM reservation WHERE appointment_id = $1`, [r.appointment.id]);
    expect(rows.map((x) => [x.resource_id, x.block_start.toISOString(), x.block_end.toISOString()])).toEqual([[rooms.board, '2026-12-01T14:00:00.000Z', '2026-12-01T15:45:00.000Z']]);
  });

  it('offers a room for 6 only where the board room is free, with the chosen length', async () => {
    const slots = await s.findSlots({ service: 'meeting-room', from: new Date('2026-12-01T14:00:00Z'), to: new Date('2026-12-01T17:00:00Z'), durationMinutes: 120, minCapacity: 6 });
    // Busy (buffer included) until 10:45 local; the grid starts from 11:00 = 16:00Z.
    expect(slots.map((x) => [x.start.toISOString(), x.end.toISOString(), x.resourceIds])).toEqual([
      ['2026-12-01T16:00:00.000Z', '2026-12-01T18:00:00.000Z', [rooms.board]],
      ['2026-12-01T16:30:00.000Z', '2026-12-01T18:30:00.000Z', [rooms.board]],
    ]);
  });

  it('the same time for a smaller party goes to the room that is free', async () => {
    const r = await s.book({ service: 'meeting-room', start: new Date('2026-12-01T14:00:00Z'), durationMinutes: 30, minCapacity: 3, channel: 'slack', actor: system });
    expect(r.ok && r.appointment.resourceIds).toEqual([rooms.huddle]);
  });

  it('refuses a length out of range and a party no room holds, writing nothing', async () => {
    const before = [await count('appointment'), await count('reservation'), await count('appointment_event')];
    const long = await s.book({ service: 'meeting-room', start: new Date('2026-12-02T14:00:00Z'), durationMinutes: 300, channel: 'api', actor: system });
    expect(long).toMatchObject({ ok: false, kind: 'rule', rule: 'duration' });
    const crowd = await s.book({ service: 'meeting-room', start: new Date('2026-12-02T14:00:00Z'), minCapacity: 12, channel: 'api', actor: system });
    expect(crowd).toMatchObject({ ok: false, kind: 'rule', rule: 'capacity', message: 'No room for "meeting-room" holds 12 people.' });
    const held = await s.hold({ service: 'meeting-room', start: new Date('2026-12-02T14:00:00Z'), durationMinutes: 20, channel: 'api', actor: system });
    expect(held).toMatchObject({ ok: false, rule: 'duration' });
    await expect(s.findSlots({ service: 'meeting-room', from: new Date('2026-12-02T14:00:00Z'), to: new Date('2026-12-02T17:00:00Z'), durationMinutes: 7 })).rejects.toMatchObject({ rule: 'duration' });
    expect([await count('appointment'), await count('reservation'), await count('appointment_event')]).toEqual(before);
  });

  it('a hold covers the chosen length and its booking keeps it', async () => {
    const held = await s.hold({ service: 'meeting-room', start: new Date('2026-12-03T14:00:00Z'), durationMinutes: 45, channel: 'slack', actor: system });
    expect(held.ok && held.slot.end.toISOString()).toBe('2026-12-03T14:45:00.000Z');
    if (!held.ok) return;
    const r = await s.book({ service: 'meeting-room', start: new Date('2026-12-03T14:00:00Z'), holdId: held.holdId, channel: 'slack', actor: system });
    expect(r.ok && r.appointment.end.toISOString()).toBe('2026-12-03T14:45:00.000Z');
  });

  it('a reschedule keeps the chosen length', async () => {
    const r = await s.book({ service: 'meeting-room', start: new Date('2026-12-04T14:00:00Z'), durationMinutes: 150, channel: 'slack', actor: system });
    if (!r.ok) throw new Error(r.message);
    const moved = await s.reschedule(r.appointment.id, new Date('2026-12-04T15:00:00Z'), system);
    expect(moved.ok && [moved.appointment.start.toISOString(), moved.appointment.end.toISOString()]).toEqual(['2026-12-04T15:00:00.000Z', '2026-12-04T17:30:00.000Z']);
  });
});
