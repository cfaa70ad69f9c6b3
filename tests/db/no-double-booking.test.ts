import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

// The exclusion constraint, exercised below any application code: two transactions
// write overlapping reservations for one staff member at the same time.

describe('reservation exclusion constraint', () => {
  let t: TestDatabase;
  let resourceId: string;
  let serviceId: string;
  let locationId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    const { rows } = await t.pool.query(`
      WITH b AS (INSERT INTO business (name, time_zone) VALUES ('Clinic', 'America/New_York') RETURNING id),
           l AS (INSERT INTO location (business_id, name, time_zone, address) SELECT id, 'Main', 'America/New_York', '1 Main St' FROM b RETURNING id),
           s AS (INSERT INTO service (business_id, name, slug, duration_minutes) SELECT id, 'Visit', 'visit', 30 FROM b RETURNING id),
           r AS (INSERT INTO resource (location_id, kind, name, time_zone) SELECT id, 'staff', 'Dana', 'America/New_York' FROM l RETURNING id)
      SELECT (SELECT id FROM r) AS resource_id, (SELECT id FROM s) AS service_id, (SELECT id FROM l) AS location_id`);
    ({ resource_id: resourceId, service_id: serviceId, location_id: locationId } = rows[0]);
  });
  afterAll(() => t.drop());

  async function bookInOwnTransaction(start: string, end: string, sessionKey?: string) {
    const c = await t.pool.connect();
    try {
      await c.query('BEGIN');
      const { rows } = await c.query(
        `INSERT INTO appointment (service_id, location_id, starts_at, ends_at, channel, rule_version)
         VALUES ($1, $2, $3, $4, 'api', 1) RETURNING id`,
        [serviceId, locationId, start, end],
      );
      await c.query(
        `INSERT INTO reservation (resource_id, appointment_id, session_key, block_start, block_end) VALUES ($1, $2, $3, $4, $5)`,
        [resourceId, rows[0].id, sessionKey ?? rows[0].id, start, end],
      );
      // Hold the transaction open so both writers are in flight together.
      await new Promise((r) => setTimeout(r, 50));
      await c.query('COMMIT');
      return 'committed';
    } catch (e) {
      await c.query('ROLLBACK');
      return (e as { code?: string }).code;
    } finally {
      c.release();
    }
  }

  it('lets exactly one of two concurrent overlapping bookings commit', async () => {
    const results = await Promise.all([
      bookInOwnTransaction('2026-12-01T14:00:00Z', '2026-12-01T14:45:00Z'),
      bookInOwnTransaction('2026-12-01T14:30:00Z', '2026-12-01T15:15:00Z'),
    ]);
    expect(results.sort()).toEqual(['23P01', 'committed']);
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM reservation WHERE resource_id = $1 AND active`, [resourceId]);
    expect(rows[0].n).toBe(1);
  });

  it('treats ranges as half-open: back-to-back bookings both commit', async () => {
    expect(await bookInOwnTransaction('2026-12-02T14:00:00Z', '2026-12-02T14:30:00Z')).toBe('committed');
    expect(await bookInOwnTransaction('2026-12-02T14:30:00Z', '2026-12-02T15:00:00Z')).toBe('committed');
  });

  it('lets seats of one session overlap but not a different session', async () => {
    expect(await bookInOwnTransaction('2026-12-03T14:00:00Z', '2026-12-03T15:00:00Z', 'class-1')).toBe('committed');
    expect(await bookInOwnTransaction('2026-12-03T14:00:00Z', '2026-12-03T15:00:00Z', 'class-1')).toBe('committed');
    expect(await bookInOwnTransaction('2026-12-03T14:30:00Z', '2026-12-03T15:30:00Z')).toBe('23P01');
  });

  it('frees the time once a reservation is no longer active (canceled)', async () => {
    await t.pool.query(`UPDATE reservation SET active = false WHERE block_start = '2026-12-01T14:00:00Z' OR block_start = '2026-12-01T14:30:00Z'`);
    expect(await bookInOwnTransaction('2026-12-01T14:15:00Z', '2026-12-01T14:45:00Z')).toBe('committed');
  });
});
