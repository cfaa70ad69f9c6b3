import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';

// The scheduling store caches the configuration keyed by schedule_version.version and
// guards bookings by it, so every write to a table the rules read must move it — or a
// booking could be decided and committed on configuration that no longer holds.

describe('schedule_version', () => {
  let t: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  async function version(): Promise<bigint> {
    const { rows } = await t.pool.query(`SELECT version::text AS v FROM schedule_version`);
    expect(rows).toHaveLength(1);
    return BigInt(rows[0].v);
  }

  async function bumps(sql: string, params: unknown[] = []): Promise<void> {
    const before = await version();
    await t.pool.query(sql, params);
    expect(await version()).toBeGreaterThan(before);
  }

  it('moves on insert, update and delete of every configuration table', async () => {
    const one = async (sql: string, key: string, params: unknown[] = []) => {
      const before = await version();
      const { rows } = await t.pool.query(sql, params);
      ids[key] = rows[0].id;
      expect(await version()).toBeGreaterThan(before);
    };
    await one(`INSERT INTO business (name, time_zone) VALUES ('B', 'UTC') RETURNING id`, 'business');
    await one(`INSERT INTO location (business_id, name, time_zone, address) VALUES ($1, 'L', 'UTC', '1 Main St') RETURNING id`, 'location', [ids.business]);
    await one(`INSERT INTO service (business_id, name, slug, duration_minutes) VALUES ($1, 'S', 's', 30) RETURNING id`, 'service', [ids.business]);
    await one(`INSERT INTO resource (location_id, kind, name, time_zone) VALUES ($1, 'staff', 'R', 'UTC') RETURNING id`, 'resource', [ids.location]);
    await one(`INSERT INTO service_requirement (service_id, kind) VALUES ($1, 'staff') RETURNING id`, 'requirement', [ids.service]);
    await one(`INSERT INTO service_eligibility (service_id, resource_id) VALUES ($1, $2) RETURNING service_id AS id`, 'eligibility', [ids.service, ids.resource]);
    await one(`INSERT INTO weekly_hours (resource_id, weekday, start_time, end_time) VALUES ($1, 1, '09:00', '17:00') RETURNING id`, 'hours', [ids.resource]);
    await one(`INSERT INTO date_override (resource_id, date, start_time, end_time) VALUES ($1, '2026-12-01', '10:00', '12:00') RETURNING id`, 'override', [ids.resource]);
    await one(`INSERT INTO time_off (resource_id, starts_at, ends_at) VALUES ($1, '2026-12-02T10:00Z', '2026-12-02T12:00Z') RETURNING id`, 'timeOff', [ids.resource]);

    await bumps(`UPDATE business SET name = 'B2' WHERE id = $1`, [ids.business]);
    await bumps(`UPDATE location SET active = false WHERE id = $1`, [ids.location]);
    await bumps(`UPDATE service SET min_notice_minutes = 60 WHERE id = $1`, [ids.service]);
    await bumps(`UPDATE service_requirement SET skills = '{cut}' WHERE id = $1`, [ids.requirement]);
    await bumps(`UPDATE service_eligibility SET resource_id = resource_id WHERE service_id = $1`, [ids.service]);
    await bumps(`UPDATE resource SET max_daily_bookings = 3 WHERE id = $1`, [ids.resource]);
    await bumps(`UPDATE weekly_hours SET end_time = '16:00' WHERE id = $1`, [ids.hours]);
    await bumps(`UPDATE date_override SET end_time = '13:00' WHERE id = $1`, [ids.override]);
    await bumps(`UPDATE time_off SET ends_at = '2026-12-02T13:00Z' WHERE id = $1`, [ids.timeOff]);

    await bumps(`DELETE FROM time_off WHERE id = $1`, [ids.timeOff]);
    await bumps(`DELETE FROM date_override WHERE id = $1`, [ids.override]);
    await bumps(`DELETE FROM weekly_hours WHERE id = $1`, [ids.hours]);
    await bumps(`DELETE FROM service_eligibility WHERE service_id = $1`, [ids.service]);
    await bumps(`DELETE FROM service_requirement WHERE id = $1`, [ids.requirement]);
    await bumps(`DELETE FROM resource WHERE id = $1`, [ids.resource]);
    await bumps(`DELETE FROM service WHERE id = $1`, [ids.service]);
    await bumps(`DELETE FROM location WHERE id = $1`, [ids.location]);
    await bumps(`DELETE FROM business WHERE id = $1`, [ids.business]);
  });

  it('moves even when a statement touches no row, and rolls back with the change', async () => {
    // A statement that matched nothing changed nothing, but bumping anyway is harmless (a reload).
    await bumps(`UPDATE weekly_hours SET end_time = end_time WHERE false`);
    const before = await version();
    const c = await t.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(`INSERT INTO business (name, time_zone) VALUES ('Gone', 'UTC')`);
      await c.query('ROLLBACK');
    } finally {
      c.release();
    }
    expect(await version()).toBe(before);
  });

  it('does not move for bookings', async () => {
    const before = await version();
    await t.pool.query(`INSERT INTO customer (phone) VALUES ('+12125550199')`);
    expect(await version()).toBe(before);
  });
});
