import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { buildFixture, json, type Fixture } from '../api/fixtures.ts';

// GET /api/v1/audit: both trails (appointment events and audit events) as one list,
// filtered by record, actor and time, in cursor pages, with each appointment's rule version.

interface Entry {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  actorType: string;
  actorId: string | null;
  at: string;
  ruleVersion: number | null;
}
interface Page {
  items: Entry[];
  nextCursor: string | null;
}

let app: TestApp;
let f: Fixture;
let appointmentId: string;
let exceptionId: string;

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
  const q = (sql: string, params: unknown[] = []) => app.t.pool.query(sql, params);
  appointmentId = (
    await q(
      `INSERT INTO appointment (service_id, location_id, customer_id, starts_at, ends_at, channel, rule_version) VALUES ($1, $2, $3, '2026-12-07T15:00:00Z', '2026-12-07T15:45:00Z', 'sms', 3) RETURNING id`,
      [f.serviceId, f.locationId, f.customerId],
    )
  ).rows[0].id;
  await q(`INSERT INTO appointment_event (appointment_id, actor_type, actor_id, action, at) VALUES ($1, 'customer', $2, 'booked', '2026-12-01T10:00:00Z')`, [appointmentId, f.customerId]);
  await q(`INSERT INTO appointment_event (appointment_id, actor_type, actor_id, action, at) VALUES ($1, 'user', 'u-kim', 'status', '2026-12-07T16:00:00Z')`, [appointmentId]);
  exceptionId = (await q(`INSERT INTO exception (type, subject, appointment_id, summary) VALUES ('human_requested', 'x', $1, 'Call me') RETURNING id`, [appointmentId])).rows[0].id;
  await q(`INSERT INTO audit_event (entity_type, entity_id, action, actor_type, actor_id, at) VALUES ('exception', $1, 'opened', 'system', 'conversation', '2026-12-01T11:00:00Z')`, [exceptionId]);
  await q(`INSERT INTO audit_event (entity_type, entity_id, action, actor_type, actor_id, at) VALUES ('exception', $1, 'resolved', 'user', 'u-kim', '2026-12-01T12:00:00Z')`, [exceptionId]);
});
afterAll(() => app.close());

const list = async (query: string) => json<Page>(await app.api(`/api/v1/audit?${query}`), 200);
const mine = (p: Page) => p.items.filter((e) => e.entityId === appointmentId || e.entityId === exceptionId);

describe('GET /audit', () => {
  it('lists appointment and exception changes as one trail, oldest first, with the rule version of appointments', async () => {
    const all = mine(await list('limit=200'));
    expect(all.map((e) => [e.entityType, e.action])).toEqual([
      ['appointment', 'booked'],
      ['exception', 'opened'],
      ['exception', 'resolved'],
      ['appointment', 'status'],
    ]);
    expect(all[0]).toMatchObject({ entityId: appointmentId, actorType: 'customer', ruleVersion: 3 });
    expect(all[1]!.ruleVersion).toBeNull();
  });

  it('filters by record, actor and time', async () => {
    expect((await list(`entity=appointment:${appointmentId}`)).items.map((e) => e.action)).toEqual(['booked', 'status']);
    expect(mine(await list('entity=exception')).map((e) => e.action)).toEqual(['opened', 'resolved']);
    expect((await list('actor=u-kim')).items.map((e) => e.action)).toEqual(['resolved', 'status']);
    expect((await list('from=2026-12-01T10:30:00Z&to=2026-12-07T00:00:00Z')).items.map((e) => e.action)).toEqual(['opened', 'resolved']);
  });

  it('pages with a cursor, each entry once', async () => {
    const seen: string[] = [];
    let after = '';
    for (;;) {
      const p = await list(`entity=exception:${exceptionId}&limit=1${after}`);
      seen.push(...p.items.map((e) => e.action));
      if (!p.nextCursor) break;
      after = `&after=${p.nextCursor}`;
    }
    expect(seen).toEqual(['opened', 'resolved']);
  });
});
