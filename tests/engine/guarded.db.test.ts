import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSchedulingStore } from '../../src/db/scheduling/store.ts';
import { SlotTakenError, type SchedulingStore, type Snapshot, type SnapshotRequest } from '../../src/engine/ports.ts';
import { createScheduler } from '../../src/engine/scheduler.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createBusiness, createResource, createService, system } from './support/fixtures.ts';

// A one-to-one booking is decided on a snapshot and written in one statement guarded
// by the configuration versions the snapshot read. A change to the configuration that
// commits between the two must be caught: the write does not happen, the engine
// decides again on fresh data, and the rule that now forbids the time is reported.

describe('guarded one-statement booking', () => {
  let t: TestDatabase;
  let ids: { business: string; location: string; service: string; dana: string };
  const now = new Date('2026-11-30T12:00:00Z');
  const start = new Date('2026-12-01T14:00:00Z'); // 09:00 in New York

  beforeAll(async () => {
    t = await createTestDatabase();
    const { business, location } = await createBusiness(t.db);
    const dana = await createResource(t.db, location.id, { name: 'Dana' });
    const service = await createService(t.db, business.id, { slug: 'visit', eligible: [dana.id] });
    ids = { business: business.id, location: location.id, service: service.id, dana: dana.id };
  });
  afterAll(() => t.drop());

  beforeEach(async () => {
    await t.pool.query(`DELETE FROM appointment`);
    await t.pool.query(`DELETE FROM time_off`);
    await t.pool.query(`UPDATE service SET active = true, min_notice_minutes = 0 WHERE id = $1`, [ids.service]);
    await t.pool.query(`DELETE FROM weekly_hours WHERE resource_id = $1`, [ids.dana]);
    await t.pool.query(
      `INSERT INTO weekly_hours (resource_id, weekday, start_time, end_time) SELECT $1, d, '09:00', '17:00' FROM generate_series(1, 5) d`,
      [ids.dana],
    );
  });

  /** A store that runs `change` right after the first versioned snapshot is read, i.e. between decision and commit. */
  function racing(change: () => Promise<unknown>): { store: SchedulingStore; guardedWrites: () => number } {
    const real = createSchedulingStore(t.pool);
    let fired = false;
    let writes = 0;
    const store: SchedulingStore = {
      ...real,
      async loadSnapshot(req: SnapshotRequest): Promise<Snapshot | null> {
        const snap = await real.loadSnapshot(req);
        if (req.withVersions && !fired) {
          fired = true;
          await change();
        }
        return snap;
      },
      async commitGuarded(b) {
        writes++;
        return real.commitGuarded(b);
      },
    };
    return { store, guardedWrites: () => writes };
  }

  async function appointments(): Promise<number> {
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM appointment`);
    return rows[0].n;
  }

  it('books through the guarded write when nothing changes', async () => {
    const { store, guardedWrites } = racing(async () => {});
    const r = await createScheduler(store, () => now).book({ service: 'visit', start, channel: 'api', actor: system });
    expect(r.ok).toBe(true);
    expect(guardedWrites()).toBe(1);
    if (r.ok) expect(r.appointment).toMatchObject({ status: 'confirmed', resourceIds: [ids.dana] });
    // The view the write returns (built from the guarded configuration) is the stored one.
    if (r.ok) expect(r.appointment).toEqual(await store.getAppointment(r.appointment.id));
    const { rows } = await t.pool.query(`SELECT action FROM appointment_event`);
    expect(rows.map((x) => x.action)).toEqual(['booked']);
  });

  it('catches working hours replaced between snapshot and commit', async () => {
    const { store, guardedWrites } = racing(async () => {
      await t.pool.query(`DELETE FROM weekly_hours WHERE resource_id = $1`, [ids.dana]);
      await t.pool.query(`INSERT INTO weekly_hours (resource_id, weekday, start_time, end_time) VALUES ($1, 2, '12:00', '17:00')`, [ids.dana]);
    });
    const r = await createScheduler(store, () => now).book({ service: 'visit', start, channel: 'api', actor: system });
    expect(r).toMatchObject({ ok: false, kind: 'rule', rule: 'outside_hours' });
    expect(guardedWrites()).toBe(1);
    expect(await appointments()).toBe(0);
  });

  it('catches a service rule changed between snapshot and commit', async () => {
    const { store } = racing(() => t.pool.query(`UPDATE service SET min_notice_minutes = 7 * 24 * 60 WHERE id = $1`, [ids.service]));
    const r = await createScheduler(store, () => now).book({ service: 'visit', start, channel: 'api', actor: system });
    expect(r).toMatchObject({ ok: false, kind: 'rule', rule: 'min_notice' });
    expect(await appointments()).toBe(0);
  });

  it('catches the service deactivated between snapshot and commit', async () => {
    const { store } = racing(() => t.pool.query(`UPDATE service SET active = false WHERE id = $1`, [ids.service]));
    const r = await createScheduler(store, () => now).book({ service: 'visit', start, channel: 'api', actor: system });
    expect(r).toMatchObject({ ok: false, kind: 'rule', rule: 'inactive_service' });
    expect(await appointments()).toBe(0);
  });

  it('catches time off added between snapshot and commit', async () => {
    const { store } = racing(() =>
      t.pool.query(`INSERT INTO time_off (resource_id, starts_at, ends_at) VALUES ($1, '2026-12-01T13:00:00Z', '2026-12-01T16:00:00Z')`, [ids.dana]),
    );
    const r = await createScheduler(store, () => now).book({ service: 'visit', start, channel: 'api', actor: system });
    expect(r).toMatchObject({ ok: false, kind: 'conflict' });
    expect(await appointments()).toBe(0);
  });

  it('catches an eligibility row removed between snapshot and commit', async () => {
    const { store } = racing(() => t.pool.query(`DELETE FROM service_eligibility WHERE service_id = $1`, [ids.service]));
    const r = await createScheduler(store, () => now).book({ service: 'visit', start, channel: 'api', actor: system });
    expect(r).toMatchObject({ ok: false, kind: 'rule', rule: 'not_eligible' });
    expect(await appointments()).toBe(0);
    await t.pool.query(`INSERT INTO service_eligibility (service_id, resource_id) VALUES ($1, $2)`, [ids.service, ids.dana]);
  });

  // Writers inserting overlapping reservations at once can wait on each other, and
  // Postgres aborts one of them (a deadlock): the victim lost to writers still in
  // flight, and the time may be free once they settle. On a loaded machine a caller can
  // be the victim again and again on the same free resource; it must keep deciding
  // again, not answer "taken". A loss the constraint settled (someone committed there)
  // that the next snapshot still does not show is a view that does not move: that gives
  // up after a few rounds.
  describe('races lost on a time the snapshot shows free', () => {
    function losing(times: number, settled: boolean): { store: SchedulingStore; guardedWrites: () => number } {
      const real = createSchedulingStore(t.pool);
      let writes = 0;
      const store: SchedulingStore = {
        ...real,
        async commitGuarded(b) {
          if (++writes <= times) throw new SlotTakenError(undefined, { settled });
          return real.commitGuarded(b);
        },
      };
      return { store, guardedWrites: () => writes };
    }

    it('books after losing to a deadlock twelve rounds in a row', async () => {
      const { store, guardedWrites } = losing(12, false);
      const r = await createScheduler(store, () => now).book({ service: 'visit', start, channel: 'api', actor: system });
      expect(r).toMatchObject({ ok: true, appointment: { resourceIds: [ids.dana] } });
      expect(guardedWrites()).toBe(13);
      expect(await appointments()).toBe(1);
    });

    it('answers "taken" after a few settled losses the snapshot never shows', async () => {
      const { store, guardedWrites } = losing(Infinity, true);
      const r = await createScheduler(store, () => now).book({ service: 'visit', start, channel: 'api', actor: system });
      expect(r).toMatchObject({ ok: false, kind: 'conflict' });
      expect(guardedWrites()).toBeLessThanOrEqual(8);
      expect(await appointments()).toBe(0);
    });
  });

  // The store keeps the configuration in memory by schedule_version. Here the cache is
  // warm and the change is made by another connection the store knows nothing about,
  // so the booking is decided on the cached copy without reading anything: the write
  // must find the version moved, write nothing, and the decision made again on the
  // reloaded configuration must name the rule.
  describe('decided on the cached configuration', () => {
    const cases: Array<{ name: string; change: () => Promise<unknown>; expected: Record<string, unknown> }> = [
      {
        name: 'working hours',
        change: async () => {
          await t.pool.query(`DELETE FROM weekly_hours WHERE resource_id = $1`, [ids.dana]);
          await t.pool.query(`INSERT INTO weekly_hours (resource_id, weekday, start_time, end_time) VALUES ($1, 2, '12:00', '17:00')`, [ids.dana]);
        },
        expected: { ok: false, kind: 'rule', rule: 'outside_hours' },
      },
      {
        name: 'a service rule',
        change: () => t.pool.query(`UPDATE service SET min_notice_minutes = 7 * 24 * 60 WHERE id = $1`, [ids.service]),
        expected: { ok: false, kind: 'rule', rule: 'min_notice' },
      },
      {
        name: 'eligibility',
        change: () => t.pool.query(`DELETE FROM service_eligibility WHERE service_id = $1`, [ids.service]),
        expected: { ok: false, kind: 'rule', rule: 'not_eligible' },
      },
      {
        name: 'time off',
        change: () => t.pool.query(`INSERT INTO time_off (resource_id, starts_at, ends_at) VALUES ($1, '2026-12-01T13:00:00Z', '2026-12-01T16:00:00Z')`, [ids.dana]),
        expected: { ok: false, kind: 'conflict' },
      },
    ];

    /** A scheduler on the real store that records whether each guarded write was written or refused. */
    function recordingScheduler() {
      const real = createSchedulingStore(t.pool);
      const outcomes: Array<'written' | 'refused'> = [];
      const store: SchedulingStore = {
        ...real,
        async commitGuarded(b) {
          const view = await real.commitGuarded(b);
          outcomes.push(view ? 'written' : 'refused');
          return view;
        },
      };
      return { s: createScheduler(store, () => now), outcomes };
    }

    for (const c of cases) {
      it(`catches ${c.name} changed after the cache was loaded`, async () => {
        const { s, outcomes } = recordingScheduler();
        // Loads the configuration into the store's cache.
        expect((await s.findSlots({ service: 'visit', from: start, to: new Date(start.getTime() + 3_600_000) })).length).toBeGreaterThan(0);
        await c.change();
        try {
          const r = await s.book({ service: 'visit', start, channel: 'api', actor: system });
          expect(r).toMatchObject(c.expected);
          // The guarded write ran on the stale decision and was refused by the version.
          expect(outcomes[0]).toBe('refused');
          expect(outcomes).not.toContain('written');
          expect(await appointments()).toBe(0);
        } finally {
          await t.pool.query(`INSERT INTO service_eligibility (service_id, resource_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [ids.service, ids.dana]);
        }
      });
    }

    it('books on the reloaded configuration when an unrelated change moved the version', async () => {
      const { s, outcomes } = recordingScheduler();
      await s.findSlots({ service: 'visit', from: start, to: new Date(start.getTime() + 3_600_000) });
      await t.pool.query(`UPDATE business SET name = name || '.' WHERE id = $1`, [ids.business]);
      const r = await s.book({ service: 'visit', start, channel: 'api', actor: system });
      expect(r).toMatchObject({ ok: true, appointment: { resourceIds: [ids.dana] } });
      expect(outcomes).toEqual(['refused', 'written']);
      expect(await appointments()).toBe(1);
    });
  });
});
