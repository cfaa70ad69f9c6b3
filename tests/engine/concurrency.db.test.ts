import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookResult, Scheduler } from '../../src/engine/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { OVERLAP_SQL, createBusiness, createResource, createService, system, weekdays } from './support/fixtures.ts';
import { schedulerFor } from '../support/scheduler.ts';

// Many writers at once against real Postgres: the engine's locks and the exclusion
// constraint together must never let two live bookings of different sessions overlap,
// and never lose an appointment.

/** Small deterministic PRNG so a failure can be replayed. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function inParallel<T>(count: number, concurrency: number, op: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await op(i);
      }
    }),
  );
  return results;
}

describe('concurrent booking against Postgres', () => {
  let t: TestDatabase;
  let s: Scheduler;
  let ids: { solo: string; coach: string; staff: string[]; limited: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    const { business, location } = await createBusiness(t.db);
    const solo = await createResource(t.db, location.id, { name: 'Solo' });
    const coach = await createResource(t.db, location.id, { name: 'Coach', capacity: 5 });
    const limited = await createResource(t.db, location.id, { name: 'Limited', maxDailyBookings: 2 });
    const staff = [];
    for (let i = 0; i < 10; i++) staff.push(await createResource(t.db, location.id, { name: `Staff ${i}`, skills: ['general'], hours: weekdays('09:00', '17:00') }));
    await createService(t.db, business.id, { slug: 'solo', eligible: [solo.id] });
    await createService(t.db, business.id, { slug: 'limited', eligible: [limited.id] });
    await createService(t.db, business.id, { slug: 'yoga', seats: 5, durationMinutes: 60, slotStepMinutes: 60, eligible: [coach.id] });
    await createService(t.db, business.id, { slug: 'visit', bufferAfterMinutes: 10, requirements: [{ kind: 'staff', skills: ['general'] }] });
    ids = { solo: solo.id, coach: coach.id, staff: staff.map((r) => r.id), limited: limited.id };
    s = schedulerFor(t, () => new Date('2026-11-30T12:00:00Z'));
  });
  afterAll(() => t.drop());

  it('50 parallel bookings of one capacity-1 slot: exactly 1 succeeds, 49 get a conflict with alternatives', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        s.book({ service: 'solo', start: new Date('2026-12-01T15:00:00Z'), channel: 'api', actor: { type: 'customer', id: `c${i}` } }),
      ),
    );
    const ok = results.filter((r) => r.ok);
    const conflicts = results.filter((r): r is Extract<BookResult, { kind: 'conflict' }> => !r.ok && r.kind === 'conflict');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    for (const c of conflicts) {
      expect(c.alternatives.length).toBeGreaterThan(0);
      expect(c.alternatives.length).toBeLessThanOrEqual(3);
      expect(c.alternatives.every((a) => a.start.getTime() !== Date.parse('2026-12-01T15:00:00Z'))).toBe(true);
    }
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM reservation WHERE resource_id = $1 AND active`, [ids.solo]);
    expect(rows[0].n).toBe(1);
  });

  it('a seats=5 slot booked 50 times in parallel: exactly 5 succeed, all in one session', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => s.book({ service: 'yoga', start: new Date('2026-12-01T15:00:00Z'), channel: 'api', actor: system })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.kind === 'conflict')).toHaveLength(45);
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n, count(DISTINCT session_key)::int AS sessions FROM reservation WHERE resource_id = $1 AND active`, [ids.coach]);
    expect(rows[0]).toEqual({ n: 5, sessions: 1 });
  });

  it('a daily limit of 2 holds when 16 different times of one day are booked at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        s.book({ service: 'limited', start: new Date(Date.parse('2026-12-01T14:00:00Z') + i * 30 * 60_000), channel: 'api', actor: system }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok)).toHaveLength(14);
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM reservation WHERE resource_id = $1 AND active`, [ids.limited]);
    expect(rows[0].n).toBe(2);
  });

  it('2,000 random concurrent book/reschedule/cancel operations on 10 resources: no overlap, nothing lost', async () => {
    const random = mulberry32(20261201);
    // Tuesday–Friday, 09:00–17:00 New York (14:00Z–22:00Z), 30-minute grid.
    const grid: Date[] = [];
    for (const day of ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']) {
      for (let m = 0; m < 16; m++) grid.push(new Date(Date.parse(`${day}T14:00:00Z`) + m * 30 * 60_000));
    }
    const pickTime = () => grid[Math.floor(random() * grid.length)]!;
    const known: string[] = [];
    const booked = new Set<string>();
    let cancels = 0;
    const outcomes = { book: 0, reschedule: 0, cancel: 0, refused: 0 };

    await inParallel(2000, 16, async () => {
      const roll = random();
      if (roll < 0.5 || known.length === 0) {
        const resourceId = random() < 0.5 ? ids.staff[Math.floor(random() * 10)] : undefined;
        const r = await s.book({ service: 'visit', start: pickTime(), resourceId, channel: 'api', actor: system });
        if (r.ok) {
          known.push(r.appointment.id);
          booked.add(r.appointment.id);
          outcomes.book++;
        } else outcomes.refused++;
      } else if (roll < 0.8) {
        const id = known[Math.floor(random() * known.length)]!;
        const r = await s.reschedule(id, pickTime(), system);
        if (r.ok) {
          known.push(r.appointment.id);
          booked.add(r.appointment.id);
          outcomes.reschedule++;
        } else outcomes.refused++;
      } else {
        const id = known[Math.floor(random() * known.length)]!;
        const r = await s.cancel(id, system, 'test');
        if (r.ok) {
          cancels++;
          outcomes.cancel++;
        } else outcomes.refused++;
      }
    });
    expect(outcomes.book).toBeGreaterThan(100);
    expect(outcomes.reschedule).toBeGreaterThan(50);
    expect(outcomes.cancel).toBeGreaterThan(50);

    expect((await t.pool.query(OVERLAP_SQL)).rows[0].n).toBe(0);

    const { rows } = await t.pool.query(
      `SELECT a.id, a.status::text, a.cancel_reason,
              (SELECT count(*)::int FROM reservation r WHERE r.appointment_id = a.id AND r.active) AS active_blocks,
              (SELECT count(*)::int FROM reservation r WHERE r.appointment_id = a.id) AS blocks,
              (SELECT count(*)::int FROM appointment n WHERE n.rescheduled_from_id = a.id) AS successors,
              (SELECT count(*)::int FROM appointment_event e WHERE e.appointment_id = a.id) AS events
       FROM appointment a JOIN service s ON s.id = a.service_id WHERE s.slug = 'visit'`,
    );
    // Every appointment the engine reported exists; none exists that it did not report.
    expect(new Set(rows.map((r) => r.id))).toEqual(booked);
    for (const r of rows) {
      expect(r.blocks, r.id).toBe(1);
      expect(r.events, r.id).toBeGreaterThan(0);
      if (r.status === 'confirmed') expect(r.active_blocks, r.id).toBe(1);
      else {
        expect(r.status).toBe('canceled');
        expect(r.active_blocks, r.id).toBe(0);
        // A moved appointment always has its successor; a canceled one never does.
        expect(r.successors, r.id).toBe(r.cancel_reason === 'rescheduled' ? 1 : 0);
      }
    }
    const live = rows.filter((r) => r.status === 'confirmed').length;
    expect(live).toBe(outcomes.book - cancels);
  });
});
