import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { buildFixture, json, type Fixture } from '../api/fixtures.ts';

// CSV exports: every row the list filter selects, across many pages, read back by a CSV
// parser with the values the database holds (commas, quotes and line breaks included).

let app: TestApp;
let f: Fixture;
const APPOINTMENTS = 450; // more than two export pages of 200

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
  await app.t.pool.query(
    `WITH a AS (
       INSERT INTO appointment (service_id, location_id, customer_id, starts_at, ends_at, channel, rule_version, status)
       SELECT $1, $2, $3, t, t + interval '45 minutes', 'api', 2, CASE WHEN n % 3 = 0 THEN 'canceled'::"AppointmentStatus" ELSE 'confirmed'::"AppointmentStatus" END
       FROM generate_series(1, $4::int) n, LATERAL (SELECT timestamptz '2027-01-04T14:00:00Z' + n * interval '1 hour' AS t) x
       RETURNING id, starts_at, ends_at)
     INSERT INTO reservation (resource_id, appointment_id, session_key, block_start, block_end) SELECT $5, id, id::text, starts_at, ends_at FROM a`,
    [f.serviceId, f.locationId, f.customerId, APPOINTMENTS, f.resourceId],
  );
  await json(await app.api(`/api/v1/customers/${f.customerId}`, { method: 'PATCH', json: { name: 'Ana "Nana" Lima, Jr.\nSecond line' } }), 200);
});
afterAll(() => app.close());

const csvOf = async (path: string) => {
  const res = await app.api(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  return parse(await res.text(), { columns: true }) as Array<Record<string, string>>;
};

describe('GET /exports/appointments.csv', () => {
  it('writes every appointment the filter selects, across pages, each once', async () => {
    const rows = await csvOf('/api/v1/exports/appointments.csv');
    expect(rows).toHaveLength(APPOINTMENTS);
    expect(new Set(rows.map((r) => r.id)).size).toBe(APPOINTMENTS);
    const { rows: db } = await app.t.pool.query(`SELECT id, status::text, starts_at FROM appointment WHERE id = $1`, [rows[17]!.id]);
    expect(rows[17]).toMatchObject({ status: db[0].status, start: db[0].starts_at.toISOString(), serviceName: 'Cleaning', ruleVersion: '2', resourceNames: 'Dana' });
  });

  it('takes the list filters', async () => {
    // n = 3, 6, … 450 are canceled: 150 of them.
    expect(await csvOf('/api/v1/exports/appointments.csv?status=canceled')).toHaveLength(150);
    // Starting before 2027-01-04T14:00 + 10 h: n = 1 … 9.
    expect(await csvOf('/api/v1/exports/appointments.csv?to=2027-01-05T00:00:00Z')).toHaveLength(9);
  });
});

describe('GET /exports/customers.csv', () => {
  it('round-trips awkward text through a CSV parser', async () => {
    const rows = await csvOf('/api/v1/exports/customers.csv');
    expect(rows).toEqual([expect.objectContaining({ id: f.customerId, phone: '+12125550142', name: 'Ana "Nana" Lima, Jr.\nSecond line', optedOut: 'false' })]);
    expect(await csvOf('/api/v1/exports/customers.csv?optedOut=true')).toEqual([]);
  });
});
