import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { page } from '../../src/api/schemas/common.ts';
import { BusinessView } from '../../src/api/schemas/business.ts';
import { CustomerView } from '../../src/api/schemas/customer.ts';
import { DateOverrideView, TimeOffView, WeeklyHoursView } from '../../src/api/schemas/hours.ts';
import { LocationView } from '../../src/api/schemas/location.ts';
import { ResourceView } from '../../src/api/schemas/resource.ts';
import { ServiceView } from '../../src/api/schemas/service.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { json } from './fixtures.ts';

// The happy path of every resource: create, read, list, update, delete, each
// response checked against the schema the OpenAPI document publishes.

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ clock: '2026-11-30T12:00:00Z' });
});
afterAll(() => app.close());

const call = (path: string, init: Parameters<TestApp['api']>[1] = {}) => app.api(`/api/v1${path}`, init);

async function expectGone(path: string) {
  await json(await call(path, { method: 'DELETE' }), 204);
  const p = await json<{ status: number }>(await call(path), 404);
  expect(p.status).toBe(404);
}

describe('admin API CRUD', () => {
  let locationId: string;
  let resourceId: string;

  it('creates and replaces the business', async () => {
    await json(await call('/business'), 404);
    const created = BusinessView.parse(await json(await call('/business', { method: 'PUT', json: { name: 'Maple', timeZone: 'America/New_York', phone: '+12125550100' } }), 200));
    const replaced = BusinessView.parse(await json(await call('/business', { method: 'PUT', json: { name: 'Maple & Main', timeZone: 'America/Chicago' } }), 200));
    expect(replaced).toMatchObject({ id: created.id, name: 'Maple & Main', timeZone: 'America/Chicago', phone: null });
    expect(BusinessView.parse(await json(await call('/business'), 200)).name).toBe('Maple & Main');
  });

  it('locations', async () => {
    const created = LocationView.parse(
      await json(await call('/locations', { method: 'POST', json: { name: 'Brooklyn', timeZone: 'America/New_York', address: '12 Court St', postalCodes: ['11201'] } }), 201),
    );
    expect(created).toMatchObject({ active: true, territory: null, postalCodes: ['11201'] });
    locationId = created.id;
    expect(LocationView.parse(await json(await call(`/locations/${created.id}`), 200))).toEqual(created);
    const updated = LocationView.parse(await json(await call(`/locations/${created.id}`, { method: 'PATCH', json: { territory: 'Brooklyn', active: false } }), 200));
    expect(updated).toMatchObject({ name: 'Brooklyn', territory: 'Brooklyn', active: false });
    const list = page(LocationView).parse(await json(await call('/locations?active=false'), 200));
    expect(list.items.map((l) => l.id)).toEqual([created.id]);
    expect(page(LocationView).parse(await json(await call('/locations?active=true'), 200)).items).toEqual([]);
  });

  it('resources take their time zone from the location unless given', async () => {
    const staff = ResourceView.parse(
      await json(await call('/resources', { method: 'POST', json: { kind: 'staff', name: 'Rosa', locationId, skills: ['color'], languages: ['es', 'en'], slackUserId: 'U123' } }), 201),
    );
    expect(staff).toMatchObject({ timeZone: 'America/New_York', capacity: 1, routingWeight: 1, maxDailyBookings: null, active: true });
    resourceId = staff.id;
    const remote = ResourceView.parse(
      await json(await call('/resources', { method: 'POST', json: { kind: 'staff', name: 'Lee', locationId, timeZone: 'America/Los_Angeles' } }), 201),
    );
    expect(remote.timeZone).toBe('America/Los_Angeles');
    const updated = ResourceView.parse(await json(await call(`/resources/${staff.id}`, { method: 'PATCH', json: { maxDailyBookings: 6, routingWeight: 2 } }), 200));
    expect(updated).toMatchObject({ maxDailyBookings: 6, routingWeight: 2, skills: ['color'] });
    const rooms = page(ResourceView).parse(await json(await call(`/resources?kind=room&locationId=${locationId}`), 200));
    expect(rooms.items).toEqual([]);
    const staffList = page(ResourceView).parse(await json(await call('/resources?kind=staff'), 200));
    expect(staffList.items.map((r) => r.name)).toEqual(['Rosa', 'Lee']);
    await json(await call(`/resources/${staff.id}`, { method: 'PATCH', json: { slackUserId: 'U999' } }), 200);
    await json(await call(`/resources/${remote.id}`, { method: 'PATCH', json: { slackUserId: 'U999' } }), 409);
    await expectGone(`/resources/${remote.id}`);
  });

  it('weekly hours are replaced as a week', async () => {
    const week = [
      { weekday: 2, start: '13:00', end: '18:00' },
      { weekday: 2, start: '09:00', end: '12:00' },
      { weekday: 6, start: '10:00', end: '24:00' },
    ];
    const put = WeeklyHoursView.parse(await json(await call(`/resources/${resourceId}/hours`, { method: 'PUT', json: { intervals: week } }), 200));
    expect(put.intervals).toEqual([week[1], week[0], week[2]]);
    expect(put.timeZone).toBe('America/New_York');
    const replaced = WeeklyHoursView.parse(await json(await call(`/resources/${resourceId}/hours`, { method: 'PUT', json: { intervals: [week[2]] } }), 200));
    expect(replaced.intervals).toEqual([week[2]]);
    expect(WeeklyHoursView.parse(await json(await call(`/resources/${resourceId}/hours`), 200))).toEqual(replaced);
  });

  it('date overrides: hours on a date, a closed day, removal', async () => {
    const base = `/resources/${resourceId}/overrides`;
    const short = DateOverrideView.parse(await json(await call(`${base}/2026-12-24`, { method: 'PUT', json: { intervals: [{ start: '09:00', end: '13:00' }] } }), 200));
    expect(short).toMatchObject({ date: '2026-12-24', closed: false, intervals: [{ start: '09:00', end: '13:00' }] });
    const closed = DateOverrideView.parse(await json(await call(`${base}/2026-12-25`, { method: 'PUT', json: { intervals: [] } }), 200));
    expect(closed).toMatchObject({ closed: true, intervals: [] });
    expect(DateOverrideView.parse(await json(await call(`${base}/2026-12-25`), 200))).toEqual(closed);
    // Dates on both sides of the window, which the list must leave out.
    for (const date of ['2026-11-30', '2027-01-01']) await json(await call(`${base}/${date}`, { method: 'PUT', json: { intervals: [] } }), 200);
    const list = page(DateOverrideView).parse(await json(await call(`${base}?from=2026-12-01&to=2026-12-31`), 200));
    expect(list.items.map((o) => o.date)).toEqual(['2026-12-24', '2026-12-25']);
    await expectGone(`${base}/2026-12-24`);
  });

  it('time off', async () => {
    const created = TimeOffView.parse(
      await json(await call('/time-off', { method: 'POST', json: { resourceId, startsAt: '2026-12-24T09:00:00-05:00', endsAt: '2026-12-26T09:00:00-05:00', reason: 'Holidays' } }), 201),
    );
    expect(created).toMatchObject({ startsAt: '2026-12-24T14:00:00.000Z', endsAt: '2026-12-26T14:00:00.000Z' });
    const moved = TimeOffView.parse(await json(await call(`/time-off/${created.id}`, { method: 'PATCH', json: { endsAt: '2026-12-27T14:00:00Z' } }), 200));
    expect(moved.endsAt).toBe('2026-12-27T14:00:00.000Z');
    await json(await call(`/time-off/${created.id}`, { method: 'PATCH', json: { endsAt: '2026-12-01T00:00:00Z' } }), 400);
    const inRange = page(TimeOffView).parse(await json(await call(`/time-off?resourceId=${resourceId}&from=2026-12-25T00:00:00Z&to=2026-12-26T00:00:00Z`), 200));
    expect(inRange.items.map((t) => t.id)).toEqual([created.id]);
    const outOfRange = page(TimeOffView).parse(await json(await call('/time-off?from=2027-01-01T00:00:00Z'), 200));
    expect(outOfRange.items).toEqual([]);
    await expectGone(`/time-off/${created.id}`);
  });

  it('customers: phone normalized to E.164, opt-out stamped', async () => {
    const created = CustomerView.parse(await json(await call('/customers', { method: 'POST', json: { phone: '+1 (212) 555-0199', name: 'Marta', language: 'es' } }), 201));
    expect(created).toMatchObject({ phone: '+12125550199', optedOut: false, optedOutAt: null, language: 'es' });
    await json(await call('/customers', { method: 'POST', json: { phone: '+12125550199' } }), 409);
    const optedOut = CustomerView.parse(await json(await call(`/customers/${created.id}`, { method: 'PATCH', json: { optedOut: true } }), 200));
    expect(optedOut.optedOutAt).toBe('2026-11-30T12:00:00.000Z');
    const back = CustomerView.parse(await json(await call(`/customers/${created.id}`, { method: 'PATCH', json: { optedOut: false } }), 200));
    expect(back.optedOutAt).toBeNull();
    // A second customer, so a phone filter that was ignored would list two.
    const other = CustomerView.parse(await json(await call('/customers', { method: 'POST', json: { phone: '+12125550198' } }), 201));
    const found = page(CustomerView).parse(await json(await call(`/customers?phone=${encodeURIComponent('+1 212-555-0199')}`), 200));
    expect(found.items.map((c) => c.id)).toEqual([created.id]);
    const unencoded = page(CustomerView).parse(await json(await call('/customers?phone=+12125550199'), 200));
    expect(unencoded.items.map((c) => c.id)).toEqual([created.id]);
    await expectGone(`/customers/${created.id}`);
    await expectGone(`/customers/${other.id}`);
  });

  it('services with requirements, eligibility and intake', async () => {
    const body = {
      name: 'Color',
      slug: 'color',
      synonyms: ['dye', 'highlights'],
      durationMinutes: 90,
      bufferAfterMinutes: 15,
      requirements: [{ kind: 'staff', skills: ['color'] }],
      eligibleResourceIds: [resourceId],
      intakeQuestions: [
        { id: 'first_time', prompt: 'Is this your first color with us?', type: 'yes_no' },
        { id: 'allergies', prompt: 'Any allergies to dyes?', type: 'text', when: { question: 'first_time', equals: true } },
      ],
    };
    const created = ServiceView.parse(await json(await call('/services', { method: 'POST', json: body }), 201));
    expect(created).toMatchObject({ ruleVersion: 1, seats: 1, slotStepMinutes: 15, bufferBeforeMinutes: 0, eligibleResourceIds: [resourceId] });
    expect(created.intakeQuestions[1]).toMatchObject({ required: true, when: { question: 'first_time', equals: true } });
    await json(await call('/services', { method: 'POST', json: body }), 409);
    expect(ServiceView.parse(await json(await call(`/services/${created.id}`), 200))).toEqual(created);
    const list = z.object({ items: z.array(ServiceView) }).parse(await json(await call('/services'), 200));
    expect(list.items.map((s) => s.slug)).toEqual(['color']);
    await expectGone(`/services/${created.id}`);
  });

  it('locations: delete', async () => {
    const spare = LocationView.parse(await json(await call('/locations', { method: 'POST', json: { name: 'Spare', timeZone: 'UTC', address: 'x' } }), 201));
    await expectGone(`/locations/${spare.id}`);
  });
});
