import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { engineBody as json, snapshot, type EngineBody } from './fixtures.ts';
import { createBusiness, createResource, createService } from '../engine/support/fixtures.ts';


// The /appointments endpoints over HTTP: status codes, problem documents, and that
// every write goes through the engine's rules.

describe('/api/v1/appointments', () => {
  let app: TestApp;
  let ids: { dana: string; eli: string; location: string };

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-30T12:00:00Z' });
    const db = app.t.db;
    const { business, location } = await createBusiness(db);
    const dana = await createResource(db, location.id, { name: 'Dana' });
    const eli = await createResource(db, location.id, { name: 'Eli' });
    await createService(db, business.id, { slug: 'visit', eligible: [dana.id, eli.id] });
    await createService(db, business.id, { slug: 'consult', requiresApproval: true, eligible: [dana.id] });
    ids = { dana: dana.id, eli: eli.id, location: location.id };
  });
  afterAll(() => app.close());

  const post = (path: string, json: unknown) => app.api(`/api/v1${path}`, { method: 'POST', json });
  const customer = { phone: '+1 212 555 0111', name: 'Pat' };

  it('books, finds or creates the customer by phone, and returns 201 with the appointment', async () => {
    const res = await post('/appointments', { service: 'visit', start: '2026-12-01T15:00:00Z', resource: ids.dana, customer });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body).toMatchObject({ status: 'confirmed', start: '2026-12-01T15:00:00.000Z', end: '2026-12-01T15:30:00.000Z', resourceIds: [ids.dana], customerPhone: '+12125550111' });
    expect(body.localStart).toBe('2026-12-01T10:00:00-05:00');
    const again = await post('/appointments', { service: 'visit', start: '2026-12-01T16:00:00Z', customer: { phone: '+12125550111' } });
    expect((await json(again)).customerId).toBe(body.customerId);
    expect(await app.t.db.customer.count()).toBe(1);
  });

  it('answers a taken time with 409 problem+json carrying alternatives', async () => {
    const res = await post('/appointments', { service: 'visit', start: '2026-12-01T15:00:00Z', resource: ids.dana, customer });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await json(res);
    expect(body.alternatives).toHaveLength(3);
    expect(body.alternatives[0]).toMatchObject({ resourceIds: [ids.dana], locationId: ids.location });
  });

  it('answers a rule violation with 422 naming the rule', async () => {
    const res = await post('/appointments', { service: 'visit', start: '2026-12-01T15:10:00Z', customer });
    expect(res.status).toBe(422);
    expect(await json(res)).toMatchObject({ rule: 'off_grid' });
    const early = await post('/appointments', { service: 'visit', start: '2026-11-30T11:00:00Z', customer });
    expect(await json(early)).toMatchObject({ status: 422, rule: 'min_notice' });
  });

  it('rejects bad bodies with 400 and writes nothing', async () => {
    const before = await snapshot(app);
    for (const body of [
      { service: 'visit', start: '2026-12-01T15:00:00', customer },
      { service: 'visit', start: '2026-12-01T15:00:00Z', customer: { phone: '555' } },
      { service: 'visit', start: '2026-12-01T15:00:00Z', customer, extra: 1 },
      { start: '2026-12-01T15:00:00Z', customer },
    ]) {
      const res = await post('/appointments', body);
      expect(res.status).toBe(400);
    }
    expect(await snapshot(app)).toEqual(before);
    expect((await app.api('/api/v1/appointments', { auth: false })).status).toBe(401);
  });

  it('replays an idempotency key', async () => {
    const body = { service: 'visit', start: '2026-12-02T15:00:00Z', customer, idempotencyKey: 'http-1' };
    const a = await json(await post('/appointments', body));
    const b = await post('/appointments', body);
    expect(b.status).toBe(201);
    expect((await json(b)).id).toBe(a.id);
  });

  it('reschedules, cancels and changes status, and shows the history', async () => {
    const created = await json(await post('/appointments', { service: 'consult', start: '2026-12-03T15:00:00Z', customer }));
    expect(created.status).toBe('requested');
    expect((await post(`/appointments/${created.id}/status`, { status: 'completed' })).status).toBe(422);
    const confirmed = await post(`/appointments/${created.id}/status`, { status: 'confirmed' });
    expect(await json(confirmed)).toMatchObject({ status: 'confirmed' });

    const moved = await post(`/appointments/${created.id}/reschedule`, { start: '2026-12-03T16:00:00Z' });
    expect(moved.status).toBe(200);
    const next = await json(moved);
    expect(next).toMatchObject({ status: 'confirmed', rescheduledFromId: created.id, start: '2026-12-03T16:00:00.000Z' });

    const canceled = await post(`/appointments/${next.id}/cancel`, { reason: 'changed plans' });
    expect(await json(canceled)).toMatchObject({ status: 'canceled', cancelReason: 'changed plans', lateCancel: false });
    expect((await post(`/appointments/${next.id}/cancel`, {})).status).toBe(422);

    const old = await json(await app.api(`/api/v1/appointments/${created.id}`));
    expect(old.status).toBe('canceled');
    expect(old.events.map((e: { action: string }) => e.action)).toEqual(['requested', 'status', 'rescheduled']);
    const fresh = await json(await app.api(`/api/v1/appointments/${next.id}`));
    expect(fresh.events.map((e: { action: string }) => e.action)).toEqual(['rescheduled_in', 'canceled']);
  });

  it('404s unknown appointments', async () => {
    expect((await app.api('/api/v1/appointments/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await app.api('/api/v1/appointments/nope')).status).toBe(404);
    expect((await post('/appointments/00000000-0000-4000-8000-000000000000/cancel', {})).status).toBe(404);
  });

  it('lists with filters and cursor pagination', async () => {
    // Another customer on Eli's calendar, on a day of its own, so each filter drops something.
    await json(await post('/appointments', { service: 'visit', start: '2026-12-04T15:00:00Z', resource: ids.eli, customer: { phone: '+1 212 555 0112' } }));
    const all = await json(await app.api('/api/v1/appointments?limit=200'));
    expect(all.items.length).toBeGreaterThanOrEqual(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: EngineBody = await json(await app.api(`/api/v1/appointments?limit=2${cursor ? `&after=${cursor}` : ''}`));
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i: { id: string }) => i.id));

    type Item = { id: string; status: string; start: string; resourceIds: string[]; customerPhone: string };
    const items = all.items as unknown as Item[];
    const idsOf = (list: Array<{ id: string }>) => list.map((i) => i.id);
    // Each filter must keep some appointments and drop others, or an ignored filter would pass.
    const expectFiltered = (got: EngineBody, keep: (i: Item) => boolean) => {
      const expected = items.filter(keep);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(items.length);
      expect(idsOf(got.items)).toEqual(idsOf(expected));
    };
    expectFiltered(await json(await app.api('/api/v1/appointments?status=canceled,no_show')), (i) => i.status === 'canceled' || i.status === 'no_show');
    expectFiltered(
      await json(await app.api(`/api/v1/appointments?resource=${ids.dana}&from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z`)),
      (i) => i.resourceIds.includes(ids.dana) && i.start.startsWith('2026-12-01'),
    );
    expectFiltered(await json(await app.api(`/api/v1/appointments?resource=${ids.eli}`)), (i) => i.resourceIds.includes(ids.eli));
    expectFiltered(await json(await app.api(`/api/v1/appointments?phone=${encodeURIComponent('+1 212 555 0111')}`)), (i) => i.customerPhone === '+12125550111');
    expect((await app.api('/api/v1/appointments?status=bogus')).status).toBe(400);
    expect((await app.api('/api/v1/appointments?unknown=1')).status).toBe(400);
  });
});
