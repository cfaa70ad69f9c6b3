import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { engineBody as json } from './fixtures.ts';
import { createBusiness, createResource, createService } from '../engine/support/fixtures.ts';


// GET /api/v1/availability over HTTP.

describe('GET /api/v1/availability', () => {
  let app: TestApp;
  let ids: { dana: string; eli: string; location: string; service: string };

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-30T12:00:00Z' });
    const db = app.t.db;
    const { business, location } = await createBusiness(db, { postalCodes: ['10001'] });
    const dana = await createResource(db, location.id, { name: 'Dana', languages: ['en', 'es'], hours: [{ weekday: 2, startTime: '09:00', endTime: '10:00' }] });
    const eli = await createResource(db, location.id, { name: 'Eli', languages: ['en'], hours: [{ weekday: 2, startTime: '09:30', endTime: '10:30' }] });
    const service = await createService(db, business.id, { slug: 'visit', eligible: [dana.id, eli.id] });
    ids = { dana: dana.id, eli: eli.id, location: location.id, service: service.id };
  });
  afterAll(() => app.close());

  const get = (q: string) => app.api(`/api/v1/availability?${q}`);
  const window = 'from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z';

  it('lists slots with resources, location and local time', async () => {
    const res = await get(`service=visit&${window}`);
    expect(res.status).toBe(200);
    const { slots } = await json(res);
    expect(slots.map((s: { start: string }) => s.start)).toEqual([
      '2026-12-01T14:00:00.000Z',
      '2026-12-01T14:30:00.000Z',
      '2026-12-01T15:00:00.000Z',
    ]);
    expect(slots[0]).toMatchObject({ end: '2026-12-01T14:30:00.000Z', resourceIds: [ids.dana], locationId: ids.location, localStart: '2026-12-01T09:00:00-05:00', seatsLeft: 1 });
    expect(slots[2]!.resourceIds).toEqual([ids.eli]);
  });

  it('accepts the service id, and filters by resource, language and postal code', async () => {
    const byId = await json(await get(`service=${ids.service}&${window}`));
    expect(byId.slots).toHaveLength(3);
    const eli = await json(await get(`service=visit&resource=${ids.eli}&${window}`));
    expect(eli.slots.map((s: { start: string }) => s.start)).toEqual(['2026-12-01T14:30:00.000Z', '2026-12-01T15:00:00.000Z']);
    const spanish = await json(await get(`service=visit&language=es&${window}`));
    // Only Dana speaks Spanish: Eli's own 15:00 slot goes, and 14:30 (both free) is Dana's.
    expect(spanish.slots.map((s) => [s.start, s.resourceIds])).toEqual([
      ['2026-12-01T14:00:00.000Z', [ids.dana]],
      ['2026-12-01T14:30:00.000Z', [ids.dana]],
    ]);
    expect((await json(await get(`service=visit&postalCode=10001&${window}`))).slots).toHaveLength(3);
    expect((await json(await get(`service=visit&postalCode=94105&${window}`))).slots).toHaveLength(0);
  });

  it('rejects bad queries and unknown services', async () => {
    expect((await get('service=visit&from=2026-12-01T00:00:00&to=2026-12-02T00:00:00Z')).status).toBe(400);
    expect((await get('service=visit&from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z')).status).toBe(400);
    expect((await get(`service=visit&${window}&color=blue`)).status).toBe(400);
    expect((await get(`${window}`)).status).toBe(400);
    const missing = await get(`service=nope&${window}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect((await app.api(`/api/v1/availability?service=visit&${window}`, { auth: false })).status).toBe(401);
  });
});
