import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardMount } from '../../src/dashboard/index.ts';
import type { KpiReport } from '../../src/reports/index.ts';
import { buildFixture, type Fixture } from '../api/fixtures.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addUser, sessionCookie } from './support.ts';

// /ops/kpis: every figure on the page equals the one GET /api/v1/reports/kpis answers
// for the same period and filters, the CSV link serves the API's CSV, and only
// managers and admins may open it.

const NOW = '2026-12-09T15:00:00Z';
let app: TestApp;
let f: Fixture;

async function appointment(a: { start: string; channel: string; status: string; confirmedAt: string; canceledAt?: string }) {
  const end = new Date(Date.parse(a.start) + 45 * 60_000).toISOString();
  const { rows } = await app.t.pool.query(
    `INSERT INTO appointment (service_id, location_id, customer_id, starts_at, ends_at, channel, status, confirmed_at, canceled_at, created_at, rule_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, 1) RETURNING id`,
    [f.serviceId, f.locationId, f.customerId, a.start, end, a.channel, a.status, a.confirmedAt, a.canceledAt ?? null],
  );
  for (const r of [f.resourceId, f.roomId]) {
    await app.t.pool.query(`INSERT INTO reservation (resource_id, appointment_id, session_key, block_start, block_end, active) VALUES ($1, $2::uuid, $2::text, $3, $4, $5)`, [
      r,
      rows[0].id,
      a.start,
      end,
      a.status !== 'canceled',
    ]);
  }
  return rows[0].id as string;
}

beforeAll(async () => {
  app = await createTestApp({ clock: NOW, routers: (ctx) => [dashboardMount(ctx, { signInAttempts: 0 })] });
  f = await buildFixture(app);
  for (const u of [
    { name: 'Mia', email: 'mia@example.com', role: 'manager' as const },
    { name: 'Vic', email: 'vic@example.com', role: 'viewer' as const },
    { name: 'Dana', email: 'dana@example.com', role: 'staff' as const, resourceId: f.resourceId },
  ]) await addUser(app, u);
  // Monday 7 December in New York: Dana works 09:00–17:00. An SMS request confirmed
  // after 10 minutes, an SMS no-show, an API booking canceled 4 h ahead (late).
  const convo = (await app.t.pool.query(`INSERT INTO conversation (channel, external_id, customer_id) VALUES ('sms', '+12125550142', $1) RETURNING id`, [f.customerId])).rows[0].id;
  await app.t.pool.query(`INSERT INTO message (conversation_id, direction, role, text, created_at) VALUES ($1, 'inbound', 'user', 'hi', '2026-12-07T06:00:00Z')`, [convo]);
  await appointment({ start: '2026-12-07T14:00:00Z', channel: 'sms', status: 'completed', confirmedAt: '2026-12-07T06:10:00Z' });
  await appointment({ start: '2026-12-07T15:00:00Z', channel: 'sms', status: 'no_show', confirmedAt: '2026-12-07T07:30:00Z' });
  await appointment({ start: '2026-12-07T16:00:00Z', channel: 'api', status: 'canceled', confirmedAt: '2026-12-07T08:00:00Z', canceledAt: '2026-12-07T12:00:00Z' });
});
afterAll(async () => app?.close());

async function open(path: string, email: string): Promise<Response> {
  const cookie = await sessionCookie(app, email);
  return fetch(`${app.url}${path}`, { redirect: 'manual', headers: { cookie } });
}

/** Each row of a table marked data-kpi: its key and the data-value of each figure cell. */
function tableOf(page: string, kpi: string): Map<string, Array<number | null>> {
  const table = new RegExp(`<table data-kpi="${kpi}">([\\s\\S]*?)</table>`).exec(page)?.[1] ?? '';
  const rows = new Map<string, Array<number | null>>();
  for (const [, key, cells] of table.matchAll(/<tr data-key="([^"]*)">([\s\S]*?)<\/tr>/g)) {
    rows.set(key!, [...cells!.matchAll(/data-value="([^"]*)"/g)].map((m) => (m[1] === '' ? null : Number(m[1]))));
  }
  return rows;
}

const PAGE = '/ops/kpis?from=2026-12-07&to=2026-12-07';

describe('/ops/kpis', () => {
  it("shows the API's figures for the same period, one by one", async () => {
    const res = await open(PAGE, 'mia@example.com');
    expect(res.status).toBe(200);
    const page = await res.text();
    // The page's period is whole days in the location's zone (EST): 05:00Z to 05:00Z.
    const query = /<code>GET \/api\/v1\/reports\/kpis\?([^<]+)<\/code>/.exec(page)?.[1]?.replaceAll('&amp;', '&');
    expect(query).toBe('from=2026-12-07T05%3A00%3A00.000Z&to=2026-12-08T05%3A00%3A00.000Z');
    const api = (await (await app.api(`/api/v1/reports/kpis?${query}`)).json()) as KpiReport;

    const rates = (stats: KpiReport['noShowRate']) => new Map(stats.map((s) => [`${s.dimension}:${s.key}`, [s.count, s.of, s.rate]]));
    const usage = (stats: KpiReport['utilization']['byResource']) => new Map(stats.map((s) => [s.id, [s.bookedHours, s.availableHours, s.rate]]));
    expect(tableOf(page, 'speed')).toEqual(new Map(api.speedToAppointment.map((s) => [s.serviceId, [s.appointments, s.medianMinutes, s.p90Minutes]])));
    expect(tableOf(page, 'no-show')).toEqual(rates(api.noShowRate));
    expect(tableOf(page, 'late-cancel')).toEqual(rates(api.lateCancelRate));
    expect(tableOf(page, 'utilization-resource')).toEqual(usage(api.utilization.byResource));
    expect(tableOf(page, 'utilization-location')).toEqual(usage(api.utilization.byLocation));
    expect(tableOf(page, 'human')).toEqual(
      new Map([
        ['exception_rate', [api.exceptionRate.withException, api.exceptionRate.appointments, api.exceptionRate.rate]],
        ['admin_time', [api.adminTime.humanTouches, api.adminTime.appointments, api.adminTime.perAppointment]],
      ]),
    );
    // And by hand: Dana booked 2 × 45 min of her 8 h (the canceled one freed its time).
    expect(tableOf(page, 'utilization-resource').get(f.resourceId)).toEqual([1.5, 8, 1.5 / 8]);
    expect(page).toMatch(/data-key="channel:sms">[\s\S]*?<td data-value="0.5">50.0%<\/td>/);
  });

  it('draws the charts as accessible inline SVG', async () => {
    const page = await (await open(PAGE, 'mia@example.com')).text();
    expect(page).toMatch(/<svg [^>]*class="kpi-chart kpi-bars"[^>]*role="img" aria-labelledby="utilization-title utilization-desc"/);
    expect(page).toContain('<title id="no-show-chart-title">No-show rate by channel</title>');
  });

  it("links the CSV, which is the API's CSV for the same filter", async () => {
    const page = await (await open(`${PAGE}&channel=sms`, 'mia@example.com')).text();
    const href = /<a href="([^"]+)" download>/.exec(page)?.[1]?.replaceAll('&amp;', '&');
    expect(href).toBe('/ops/kpis.csv?from=2026-12-07&to=2026-12-07&channel=sms');
    const csv = await open(href!, 'mia@example.com');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const api = await app.api('/api/v1/reports/kpis?from=2026-12-07T05:00:00Z&to=2026-12-08T05:00:00Z&channel=sms&format=csv');
    expect(await csv.text()).toBe(await api.text());
  });

  it('has a labelled filter form and defaults to the last 30 days', async () => {
    const page = await (await open('/ops/kpis', 'mia@example.com')).text();
    expect(page).toContain('<label>From <input type="date" name="from" value="2026-11-10" required></label>');
    expect(page).toContain('<label>To <input type="date" name="to" value="2026-12-09" required></label>');
    expect(page).toMatch(/<label>Channel <select name="channel">/);
    expect(page).toContain('<a href="/ops/kpis" aria-current="page">KPIs</a>');
  });

  it('refuses bad filters with 400', async () => {
    for (const query of ['from=2026-12-08&to=2026-12-07', 'from=yesterday', 'channel=fax', 'service=cleaning', 'from=2025-01-01&to=2026-12-07']) {
      expect((await open(`/ops/kpis?${query}`, 'mia@example.com')).status, query).toBe(400);
      expect((await open(`/ops/kpis.csv?${query}`, 'mia@example.com')).status, query).toBe(400);
    }
  });

  it('is for managers and admins: staff and viewers are refused and see no link to it', async () => {
    for (const email of ['dana@example.com', 'vic@example.com']) {
      expect((await open(PAGE, email)).status).toBe(403);
      expect((await open('/ops/kpis.csv', email)).status).toBe(403);
      const today = await (await open('/ops/today', email)).text();
      expect(today).not.toContain('href="/ops/kpis"');
      expect(today).toContain('href="/ops/week"');
    }
  });
});
