import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSchedulingStore } from '../../src/db/scheduling/store.ts';
import { createScheduler } from '../../src/engine/scheduler.ts';
import { createBusiness, createResource, createService, system } from '../engine/support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

// A store keeps reservations in memory per resource-day and reads again only the days
// busy_change names (src/db/scheduling/busy.ts). Two stores on one database stand for
// two processes: whatever one writes, the other's next search must see, exactly as if
// it had read every reservation again, including a write that was still uncommitted
// when the copy was read.

describe('reservations kept in memory, brought up to date through busy_change', () => {
  let t: TestDatabase;
  let ids: { location: string; service: string; dana: string };
  let clock = new Date('2026-11-30T12:00:00Z');
  const nine = new Date('2026-12-01T14:00:00Z'); // 09:00 in New York
  const day = { from: new Date('2026-12-01T14:00:00Z'), to: new Date('2026-12-01T22:00:00Z') };

  beforeAll(async () => {
    t = await createTestDatabase();
    const { business, location } = await createBusiness(t.db);
    const dana = await createResource(t.db, location.id, { name: 'Dana' });
    const service = await createService(t.db, business.id, { slug: 'visit', eligible: [dana.id] });
    ids = { location: location.id, service: service.id, dana: dana.id };
  });
  afterAll(() => t.drop());

  beforeEach(async () => {
    clock = new Date('2026-11-30T12:00:00Z');
    await t.pool.query(`DELETE FROM appointment`);
    await t.pool.query(`DELETE FROM hold`);
  });

  /** A scheduler on its own store, as another process would have. */
  const instance = () => createScheduler(createSchedulingStore(t.pool), () => clock, { holdMinutes: 10 });
  const offersNine = async (s: ReturnType<typeof instance>) =>
    (await s.findSlots({ service: 'visit', ...day })).some((x) => x.start.getTime() === nine.getTime());

  it('notes each written resource-day with the writing transaction', async () => {
    const before = await t.pool.query(`SELECT count(*)::int AS n FROM busy_change`);
    const r = await instance().book({ service: 'visit', start: nine, channel: 'api', actor: system });
    expect(r.ok).toBe(true);
    const { rows } = await t.pool.query(`SELECT resource_id, day FROM busy_change ORDER BY xid DESC LIMIT 1`);
    expect(rows[0]).toEqual({ resource_id: ids.dana, day: Math.floor(nine.getTime() / 86_400_000) });
    const after = await t.pool.query(`SELECT count(*)::int AS n FROM busy_change`);
    expect(after.rows[0].n).toBe(before.rows[0].n + 1);
  });

  it("sees another store's booking and cancellation on its next search", async () => {
    const a = instance();
    const b = instance();
    expect(await offersNine(a)).toBe(true);
    const booked = await b.book({ service: 'visit', start: nine, channel: 'api', actor: system });
    if (!booked.ok) throw new Error('the booking was refused');
    expect(await offersNine(a)).toBe(false);
    expect((await b.cancel(booked.appointment.id, system)).ok).toBe(true);
    expect(await offersNine(a)).toBe(true);
  });

  it("sees another store's hold, and the time again once the hold expires or is deleted", async () => {
    const a = instance();
    const b = instance();
    expect(await offersNine(a)).toBe(true);
    const held = await b.hold({ service: 'visit', start: nine, channel: 'api', actor: system, minutes: 10 });
    if (!held.ok) throw new Error('the hold was refused');
    expect(await offersNine(a)).toBe(false);
    clock = new Date(clock.getTime() + 11 * 60_000);
    expect(await offersNine(a)).toBe(true);
    clock = new Date('2026-11-30T12:00:00Z');
    expect(await offersNine(a)).toBe(false);
    await t.pool.query(`DELETE FROM hold`);
    expect(await offersNine(a)).toBe(true);
  });

  it('sees a write that was uncommitted when its copy was read, once it commits', async () => {
    const a = instance();
    expect(await offersNine(a)).toBe(true);
    const writer = await t.pool.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(
        `WITH h AS (INSERT INTO hold (service_id, location_id, starts_at, ends_at, expires_at)
                    VALUES ($1, $2, $3, $3::timestamptz + interval '30 minutes', '2026-12-31T00:00:00Z') RETURNING id)
         INSERT INTO reservation (hold_id, resource_id, session_key, block_start, block_end)
         SELECT h.id, $4, 'hold:' || h.id, $3, $3::timestamptz + interval '30 minutes' FROM h`,
        [ids.service, ids.location, nine.toISOString(), ids.dana],
      );
      // Read while the write is in flight: the copy is as of a snapshot that cannot see it.
      expect(await offersNine(a)).toBe(true);
      await writer.query('COMMIT');
    } finally {
      writer.release();
    }
    expect(await offersNine(a)).toBe(false);
  });
});
