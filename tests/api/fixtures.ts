import { expect } from 'vitest';
import type { TestApp } from '../support/app.ts';

// A small business built through the API itself, and a fingerprint of every table
// of the schema, for "nothing was written" checks.

/** Every table of the database's schema, read from the catalog so a new table is covered without a list to keep. */
export async function allTables(app: TestApp): Promise<string[]> {
  const { rows } = await app.t.pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const tables = rows.map((r) => r.table_name);
  // A catalog query that found nothing would make every "nothing changed" check pass.
  expect(tables).toEqual(expect.arrayContaining(['customer', 'appointment', 'reservation', 'appointment_event', 'hold', 'api_token']));
  return tables;
}

/** Row count and content digest of every table: a refused request must change neither. */
export async function snapshot(app: TestApp): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await allTables(app)) {
    const { rows } = await app.t.pool.query(`SELECT count(*)::text || ':' || md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS f FROM "${t}" x`);
    out[t] = rows[0].f;
  }
  return out;
}

export async function json<T = Record<string, unknown>>(res: Response, status: number): Promise<T> {
  const body = await res.text();
  expect(res.status, body).toBe(status);
  return (body ? JSON.parse(body) : undefined) as T;
}

export interface Fixture {
  locationId: string;
  resourceId: string;
  roomId: string;
  serviceId: string;
  customerId: string;
  timeOffId: string;
  overrideDate: string;
  /** A webhook subscription, whose delivery log is a list with its own cursor. */
  webhookId: string;
  /** Set by suites that book one (insertAppointment); the appointment endpoints need it. */
  appointmentId?: string;
}

export async function buildFixture(app: TestApp): Promise<Fixture> {
  await json(await app.api('/api/v1/business', { method: 'PUT', json: { name: 'Maple Clinic', timeZone: 'America/New_York' } }), 200);
  const location = await json<{ id: string }>(
    await app.api('/api/v1/locations', { method: 'POST', json: { name: 'Downtown', timeZone: 'America/New_York', address: '1 Main St, New York, NY 10001', postalCodes: ['10001'] } }),
    201,
  );
  const resource = await json<{ id: string }>(
    await app.api('/api/v1/resources', { method: 'POST', json: { kind: 'staff', name: 'Dana', locationId: location.id, skills: ['cleaning'], languages: ['en', 'es'] } }),
    201,
  );
  const room = await json<{ id: string }>(
    await app.api('/api/v1/resources', { method: 'POST', json: { kind: 'room', name: 'Room 1', locationId: location.id } }),
    201,
  );
  const service = await json<{ id: string }>(
    await app.api('/api/v1/services', {
      method: 'POST',
      json: {
        name: 'Cleaning',
        slug: 'cleaning',
        durationMinutes: 45,
        requirements: [{ kind: 'staff', skills: ['cleaning'] }, { kind: 'room' }],
        eligibleResourceIds: [resource.id],
      },
    }),
    201,
  );
  const customer = await json<{ id: string }>(await app.api('/api/v1/customers', { method: 'POST', json: { phone: '+1 212 555 0142', name: 'Ana' } }), 201);
  const timeOff = await json<{ id: string }>(
    await app.api('/api/v1/time-off', { method: 'POST', json: { resourceId: resource.id, startsAt: '2026-12-24T00:00:00Z', endsAt: '2026-12-27T00:00:00Z', reason: 'Holidays' } }),
    201,
  );
  await json(await app.api(`/api/v1/resources/${resource.id}/hours`, { method: 'PUT', json: { intervals: [{ weekday: 1, start: '09:00', end: '17:00' }] } }), 200);
  const overrideDate = '2026-12-31';
  await json(await app.api(`/api/v1/resources/${resource.id}/overrides/${overrideDate}`, { method: 'PUT', json: { intervals: [{ start: '09:00', end: '12:00' }] } }), 200);
  const webhook = await json<{ id: string }>(
    await app.api('/api/v1/webhooks', { method: 'POST', json: { url: 'https://example.com/frontdesk/webhooks', eventTypes: ['appointment.created'] } }),
    201,
  );
  return {
    webhookId: webhook.id,
    locationId: location.id,
    resourceId: resource.id,
    roomId: room.id,
    serviceId: service.id,
    customerId: customer.id,
    timeOffId: timeOff.id,
    overrideDate,
  };
}

/** Books an appointment straight in SQL, the way the engine stores one, so deletes can be refused. */
export async function insertAppointment(app: TestApp, f: Fixture, start = '2026-12-01T15:00:00Z', end = '2026-12-01T15:45:00Z'): Promise<string> {
  const { rows } = await app.t.pool.query(
    `INSERT INTO appointment (service_id, location_id, customer_id, starts_at, ends_at, channel, rule_version)
     VALUES ($1, $2, $3, $4, $5, 'api', 1) RETURNING id`,
    [f.serviceId, f.locationId, f.customerId, start, end],
  );
  const id = rows[0].id as string;
  for (const r of [f.resourceId, f.roomId]) {
    await app.t.pool.query(`INSERT INTO reservation (resource_id, appointment_id, session_key, block_start, block_end) VALUES ($1, $2::uuid, $2::text, $3, $4)`, [r, id, start, end]);
  }
  return id;
}

/** The fields the availability and appointment tests read from engine responses. */
export interface EngineBody {
  id: string;
  status: string | number;
  rule?: string;
  start: string;
  localStart: string;
  customerId: string;
  alternatives: Array<{ start: string; resourceIds: string[]; locationId: string }>;
  events: Array<{ action: string }>;
  items: Array<{ id: string; status: string; start: string; resourceIds: string[] }>;
  nextCursor: string | null;
  slots: Array<{ start: string; resourceIds: string[] }>;
}

export const engineBody = async (r: Response) => (await r.json()) as EngineBody;
