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

describe('GET /exports/exceptions.csv', () => {
  let otherLocationAppointment: string;
  beforeAll(async () => {
    const uptown = await json<{ id: string }>(await app.api('/api/v1/locations', { method: 'POST', json: { name: 'Uptown', timeZone: 'America/New_York', address: '9 Broadway' } }), 201);
    const { rows } = await app.t.pool.query(
      `INSERT INTO appointment (service_id, location_id, customer_id, starts_at, ends_at, channel, rule_version) VALUES ($1, $2, $3, '2027-02-01T15:00:00Z', '2027-02-01T15:45:00Z', 'api', 1) RETURNING id`,
      [f.serviceId, uptown.id, f.customerId],
    );
    otherLocationAppointment = rows[0].id as string;
    const { rows: downtown } = await app.t.pool.query(`SELECT id FROM appointment WHERE location_id = $1 ORDER BY starts_at LIMIT 1`, [f.locationId]);
    // 250 exceptions (more than one page): every 5th dismissed, types alternating, one a day from 2027-01-01;
    // even ones about a Downtown appointment, every 25th about the Uptown one, the rest about none.
    await app.t.pool.query(
      `INSERT INTO exception (type, status, subject, appointment_id, summary, details, created_at)
       SELECT CASE WHEN n % 2 = 0 THEN 'no_slot'::"ExceptionType" ELSE 'human_requested'::"ExceptionType" END,
              CASE WHEN n % 5 = 0 THEN 'dismissed'::"ExceptionStatus" ELSE 'open'::"ExceptionStatus" END,
              'test:' || n,
              CASE WHEN n % 25 = 0 THEN $2::uuid WHEN n % 2 = 0 THEN $1::uuid END,
              'Customer said "no", then, later,' || chr(10) || 'asked again #' || n,
              jsonb_build_object('n', n, 'note', 'a, "b"'),
              timestamptz '2027-01-01T00:00:00Z' + (n - 1) * interval '1 day'
       FROM generate_series(1, 250) n`,
      [downtown[0].id, otherLocationAppointment],
    );
  });

  it('round-trips every exception through a CSV parser, awkward text and details included', async () => {
    const rows = await csvOf('/api/v1/exports/exceptions.csv');
    expect(rows).toHaveLength(250);
    expect(new Set(rows.map((r) => r.id)).size).toBe(250);
    const { rows: db } = await app.t.pool.query(`SELECT id, type::text, status::text, summary, details, created_at FROM exception WHERE subject = 'test:7'`);
    const row = rows.find((r) => r.id === db[0].id)!;
    expect(row).toMatchObject({ type: db[0].type, status: db[0].status, summary: db[0].summary, createdAt: db[0].created_at.toISOString(), appointmentId: '', locationId: '' });
    expect(JSON.parse(row.details!)).toEqual(db[0].details);
    expect(row.summary).toBe('Customer said "no", then, later,\nasked again #7');
  });

  it('takes status, type, from/to and location, in any mix', async () => {
    expect(await csvOf('/api/v1/exports/exceptions.csv?status=dismissed')).toHaveLength(50);
    expect(await csvOf('/api/v1/exports/exceptions.csv?status=open,dismissed&type=no_slot')).toHaveLength(125);
    // Day n is 2027-01-01 + (n - 1): n = 10 … 19.
    expect(await csvOf('/api/v1/exports/exceptions.csv?from=2027-01-10T00:00:00Z&to=2027-01-20T00:00:00Z')).toHaveLength(10);
    // n = 25, 50, …, 250 are Uptown's.
    const uptown = await csvOf(`/api/v1/exports/exceptions.csv?location=${(await app.t.pool.query(`SELECT location_id FROM appointment WHERE id = $1`, [otherLocationAppointment])).rows[0].location_id}`);
    expect(uptown).toHaveLength(10);
    expect(uptown.every((r) => r.appointmentId === otherLocationAppointment)).toBe(true);
    // Downtown: even n that are not multiples of 25 (125 − 5 = 120), dismissed ones among them (multiples of 10 but not 50: 25 − 5 = 20).
    expect(await csvOf(`/api/v1/exports/exceptions.csv?location=${f.locationId}`)).toHaveLength(120);
    expect(await csvOf(`/api/v1/exports/exceptions.csv?location=${f.locationId}&status=dismissed&type=no_slot`)).toHaveLength(20);
  });

  it('refuses a bad filter with a 400 naming it', async () => {
    for (const [query, field] of [['status=closed', 'status'], ['type=fire', 'type'], ['from=yesterday', 'from'], ['location=main', 'location'], ['to=2027-01-01T00:00:00Z&from=2027-02-01T00:00:00Z', 'to']]) {
      const res = await app.api(`/api/v1/exports/exceptions.csv?${query}`);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(await res.json()), query).toContain(field);
    }
  });
});
