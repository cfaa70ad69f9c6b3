import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { buildFixture, json, type Fixture } from '../api/fixtures.ts';

// GET /api/v1/reports/kpis over a small day of business whose figures were worked out
// by hand (see the comments), as JSON and as CSV, and who may ask for it.

let app: TestApp;
let f: Fixture;

// Monday 2026-12-07 in New York (UTC-5): Dana works 09:00–17:00 = 14:00Z–22:00Z.
const PERIOD = 'from=2026-12-07T05:00:00Z&to=2026-12-08T05:00:00Z';

async function appointment(a: { start: string; channel: string; status: string; confirmedAt: string; canceledAt?: string; createdAt: string }) {
  const end = new Date(Date.parse(a.start) + 45 * 60_000).toISOString();
  const { rows } = await app.t.pool.query(
    `INSERT INTO appointment (service_id, location_id, customer_id, starts_at, ends_at, channel, status, confirmed_at, canceled_at, created_at, rule_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1) RETURNING id`,
    [f.serviceId, f.locationId, f.customerId, a.start, end, a.channel, a.status, a.confirmedAt, a.canceledAt ?? null, a.createdAt],
  );
  const id = rows[0].id as string;
  // A canceled appointment's reservations are released, as the engine does.
  for (const r of [f.resourceId, f.roomId]) {
    await app.t.pool.query(`INSERT INTO reservation (resource_id, appointment_id, session_key, block_start, block_end, active) VALUES ($1, $2::uuid, $2::text, $3, $4, $5)`, [
      r,
      id,
      a.start,
      end,
      a.status !== 'canceled',
    ]);
  }
  return id;
}

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
  const q = (sql: string, params: unknown[] = []) => app.t.pool.query(sql, params);
  // Time off 12:00–13:00 local: Dana is available 7 h of the day.
  await q(`INSERT INTO time_off (resource_id, starts_at, ends_at) VALUES ($1, '2026-12-07T17:00:00Z', '2026-12-07T18:00:00Z')`, [f.resourceId]);
  // Two SMS requests: messages 06:00 and 06:05, confirmed 06:10 (10 min); message 07:00, confirmed 07:30 (30 min).
  const convo = (await q(`INSERT INTO conversation (channel, external_id, customer_id) VALUES ('sms', '+12125550142', $1) RETURNING id`, [f.customerId])).rows[0].id;
  for (const at of ['2026-12-07T06:00:00Z', '2026-12-07T06:05:00Z', '2026-12-07T07:00:00Z']) {
    await q(`INSERT INTO message (conversation_id, direction, role, text, created_at) VALUES ($1, 'inbound', 'user', 'hi', $2)`, [convo, at]);
  }
  await appointment({ start: '2026-12-07T14:00:00Z', channel: 'sms', status: 'completed', confirmedAt: '2026-12-07T06:10:00Z', createdAt: '2026-12-07T06:10:00Z' });
  await appointment({ start: '2026-12-07T15:00:00Z', channel: 'sms', status: 'no_show', confirmedAt: '2026-12-07T07:30:00Z', createdAt: '2026-12-07T07:30:00Z' });
  // Booked through the API (no conversation), canceled 4 h before its start: late.
  await appointment({ start: '2026-12-07T16:00:00Z', channel: 'api', status: 'canceled', confirmedAt: '2026-12-07T08:00:00Z', canceledAt: '2026-12-07T12:00:00Z', createdAt: '2026-12-07T08:00:00Z' });
  // Needed an approval: a person booked it (1 event) and worked its exception (2 audit steps).
  const approved = await appointment({ start: '2026-12-07T20:00:00Z', channel: 'api', status: 'confirmed', confirmedAt: '2026-12-07T09:00:00Z', createdAt: '2026-12-07T09:00:00Z' });
  await q(`INSERT INTO appointment_event (appointment_id, actor_type, actor_id, action) VALUES ($1, 'user', 'u1', 'booked')`, [approved]);
  const exception = (
    await q(`INSERT INTO exception (type, subject, appointment_id, summary, status) VALUES ('approval_needed', $2, $1, 'Approve', 'resolved') RETURNING id`, [approved, `appointment:${approved}`])
  ).rows[0].id;
  for (const [action, actor] of [['opened', 'system'], ['assigned', 'user'], ['approved', 'user']]) {
    await q(`INSERT INTO audit_event (entity_type, entity_id, action, actor_type, actor_id) VALUES ('exception', $1, $2, $3, 'u1')`, [exception, action, actor]);
  }
});
afterAll(() => app.close());

describe('GET /reports/kpis', () => {
  it('answers with the hand-computed figures', async () => {
    const report = await json<Record<string, unknown>>(await app.api(`/api/v1/reports/kpis?${PERIOD}`), 200);
    expect(report.lateCancelWindowMinutes).toBe(1440);
    // 10 and 30 minutes: median 20, nearest-rank p90 30. The API bookings had no conversation.
    expect(report.speedToAppointment).toEqual([{ serviceId: f.serviceId, serviceName: 'Cleaning', appointments: 2, medianMinutes: 20, p90Minutes: 30 }]);
    // Outcomes recorded for the completed and the no-show SMS appointments only.
    expect(report.noShowRate).toEqual([
      { dimension: 'channel', key: 'sms', count: 1, of: 2, rate: 0.5 },
      { dimension: 'reminderPattern', key: '24h + 2h', count: 1, of: 2, rate: 0.5 },
      { dimension: 'serviceName', key: 'Cleaning', count: 1, of: 2, rate: 0.5 },
    ]);
    // All four were confirmed; the API one canceled 4 h ahead is late.
    expect(report.lateCancelRate).toEqual([
      { dimension: 'channel', key: 'api', count: 1, of: 2, rate: 0.5 },
      { dimension: 'channel', key: 'sms', count: 0, of: 2, rate: 0 },
      { dimension: 'reminderPattern', key: '24h + 2h', count: 1, of: 4, rate: 0.25 },
      { dimension: 'serviceName', key: 'Cleaning', count: 1, of: 4, rate: 0.25 },
    ]);
    // Three live 45-minute appointments = 2.25 h on Dana (7 h available) and on Room 1 (no hours).
    expect(report.utilization).toEqual({
      byResource: [
        { id: f.resourceId, name: 'Dana', bookedHours: 2.25, availableHours: 7, rate: 2.25 / 7 },
        { id: f.roomId, name: 'Room 1', bookedHours: 2.25, availableHours: 0, rate: null },
      ],
      byLocation: [{ id: f.locationId, name: 'Downtown', bookedHours: 4.5, availableHours: 7, rate: 4.5 / 7 }],
    });
    expect(report.exceptionRate).toEqual({ appointments: 4, withException: 1, rate: 0.25 });
    expect(report.adminTime).toEqual({ appointments: 4, humanTouches: 3, perAppointment: 0.75 });
  });

  it('narrows to a channel and follows the business late-cancel window', async () => {
    const sms = await json<Record<string, { rate: number | null }>>(await app.api(`/api/v1/reports/kpis?${PERIOD}&channel=sms`), 200);
    expect(sms.exceptionRate).toEqual({ appointments: 2, withException: 0, rate: 0 });
    await json(await app.api('/api/v1/business', { method: 'PUT', json: { name: 'Maple Clinic', timeZone: 'America/New_York', lateCancelWindowMinutes: 120 } }), 200);
    const narrow = await json<{ lateCancelWindowMinutes: number; lateCancelRate: Array<{ count: number }> }>(await app.api(`/api/v1/reports/kpis?${PERIOD}`), 200);
    expect(narrow.lateCancelWindowMinutes).toBe(120);
    expect(narrow.lateCancelRate.every((s) => s.count === 0)).toBe(true);
    await json(await app.api('/api/v1/business', { method: 'PUT', json: { name: 'Maple Clinic', timeZone: 'America/New_York' } }), 200);
  });

  it('gives the same figures as CSV, which a CSV parser reads back', async () => {
    const report = await json<{ utilization: { byResource: Array<{ id: string; rate: number | null }> } }>(await app.api(`/api/v1/reports/kpis?${PERIOD}`), 200);
    const asks: Array<{ query: string; headers: Record<string, string> }> = [{ query: '&format=csv', headers: {} }, { query: '', headers: { accept: 'text/csv' } }];
    for (const ask of asks) {
      const res = await app.api(`/api/v1/reports/kpis?${PERIOD}${ask.query}`, { headers: ask.headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const rows = parse(await res.text(), { columns: true }) as Array<Record<string, string>>;
      expect(Object.keys(rows[0]!)).toEqual(['kpi', 'dimension', 'key', 'name', 'measure', 'value']);
      const figure = (kpi: string, key: string, measure: string) => rows.find((r) => r.kpi === kpi && r.key === key && r.measure === measure)?.value;
      expect(Number(figure('utilization', f.resourceId, 'rate'))).toBe(report.utilization.byResource[0]!.rate);
      expect(figure('utilization', f.roomId, 'rate')).toBe('');
      expect(figure('speed_to_appointment', f.serviceId, 'median_minutes')).toBe('20');
      expect(figure('admin_time', '', 'per_appointment')).toBe('0.75');
    }
  });

  it('is for managers and admins: a viewer and a staff member are refused', async () => {
    for (const role of ['viewer', 'staff', 'manager'] as const) {
      const user = await json<{ id: string }>(await app.api('/api/v1/users', { method: 'POST', json: { name: `A ${role}`, role, resourceId: role === 'staff' ? f.resourceId : undefined } }), 201);
      const { token } = await json<{ token: string }>(await app.api('/api/v1/tokens', { method: 'POST', json: { userId: user.id, name: role } }), 201);
      const res = await app.api(`/api/v1/reports/kpis?${PERIOD}`, { auth: token });
      expect(res.status, role).toBe(role === 'manager' ? 200 : 403);
    }
  });
});
