import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createBusiness, createCustomer, createResource, createService } from '../engine/support/fixtures.ts';
import { createSchedulingStore } from '../../src/db/scheduling/store.ts';
import { snapshot } from './fixtures.ts';

// A refused POST /appointments writes nothing: not the appointment, and not the
// customer it names either, whether the booking is refused outright (404, 409, 422)
// or loses a race for the time. Both write paths are covered: the one-statement
// guarded write ("visit") and the locked transaction ("busy", least-busy routing).

let app: TestApp;
let dana: string;
let nextPhone = 1000;
/** A phone no customer has yet. */
const newPhone = () => `+1212555${nextPhone++}`;

beforeAll(async () => {
  app = await createTestApp({ clock: '2026-11-30T12:00:00Z' });
  const db = app.t.db;
  const { business } = await createBusiness(db);
  const resource = await createResource(db, (await db.location.findFirstOrThrow()).id, { name: 'Dana' });
  dana = resource.id;
  await createService(db, business.id, { slug: 'visit', eligible: [dana] });
  await createService(db, business.id, { slug: 'busy', routingStrategy: 'least_busy', eligible: [dana] });
  // An existing customer without a name: a refused booking must not name them either.
  await createCustomer(db, '+12125550999');
  const first = await book({ service: 'visit', start: '2026-12-01T15:00:00Z', customer: { phone: '+12125550998', name: 'Pat' } });
  expect(first.status).toBe(201);
});
afterAll(() => app.close());

function book(body: Record<string, unknown>) {
  return app.api('/api/v1/appointments', { method: 'POST', json: body });
}

const customerExists = async (phone: string) => (await app.t.db.customer.count({ where: { phone } })) > 0;

describe('a refused booking with a new customer', () => {
  it.each([
    ['409 for a taken time', 409, { service: 'visit', start: '2026-12-01T15:00:00Z' }],
    ['409 for a taken time (locked path)', 409, { service: 'busy', start: '2026-12-01T15:00:00Z' }],
    ['422 for a time off the grid', 422, { service: 'visit', start: '2026-12-01T15:10:00Z' }],
    ['422 for too short notice', 422, { service: 'visit', start: '2026-11-30T11:00:00Z' }],
    ['404 for an unknown service', 404, { service: 'no-such-service', start: '2026-12-01T16:00:00Z' }],
    ['404 for an unknown service id', 404, { service: '5f1c2a9e-7d3b-4c1e-9a5b-2e8f6d4c3b1a', start: '2026-12-01T16:00:00Z' }],
  ] as const)('answers %s and changes no table', async (_what, status, request) => {
    const before = await snapshot(app);
    const phone = newPhone();
    const res = await book({ ...request, customer: { phone, name: 'New' } });
    expect(res.status, await res.text()).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await customerExists(phone)).toBe(false);
    expect(await snapshot(app)).toEqual(before);
  });

  it('does not name an existing unnamed customer either', async () => {
    const before = await snapshot(app);
    const res = await book({ service: 'visit', start: '2026-12-01T15:00:00Z', customer: { phone: '+12125550999', name: 'Named' } });
    expect(res.status).toBe(409);
    expect(await snapshot(app)).toEqual(before);
  });
});

describe('a bookable request with a deeply nested intake', () => {
  // intake is free-form, so only the body's depth limit stands between it and the
  // stack of JSON.stringify when the appointment is stored.
  it.each([33, 100_000])('is refused at %i levels with 400 and changes no table', async (depth) => {
    const before = await snapshot(app);
    const phone = newPhone();
    const booking = JSON.stringify({ service: 'visit', start: '2026-12-16T15:00:00Z', customer: { phone } }).slice(0, -1);
    const res = await app.api('/api/v1/appointments', {
      method: 'POST',
      body: `${booking},"intake":${'{"a":'.repeat(depth - 1)}1${'}'.repeat(depth - 1)}}`,
      headers: { 'content-type': 'application/json' },
    });
    const text = await res.text();
    expect(res.status, text).toBe(400);
    expect(text).toMatch(/more than 32 levels/);
    expect(await snapshot(app)).toEqual(before);
  });
});

describe('a booking with a new customer that commits', () => {
  it('creates the customer, named, and links the appointment to it', async () => {
    const phone = newPhone();
    const res = await book({ service: 'visit', start: '2026-12-02T15:00:00Z', customer: { phone, name: 'Robin' } });
    const body = (await res.json()) as { customerId: string; customerPhone: string; customerName: string };
    expect(res.status).toBe(201);
    const customer = await app.t.db.customer.findUniqueOrThrow({ where: { phone } });
    expect(body).toMatchObject({ customerId: customer.id, customerPhone: phone, customerName: 'Robin' });
    expect(customer.name).toBe('Robin');
  });

  it('names an existing unnamed customer and creates no second one', async () => {
    const phone = newPhone();
    const existing = await app.t.db.customer.create({ data: { phone } });
    const res = await book({ service: 'busy', start: '2026-12-02T16:00:00Z', customer: { phone, name: 'Sasha' } });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { customerId: string }).customerId).toBe(existing.id);
    expect(await app.t.db.customer.findMany({ where: { phone } })).toMatchObject([{ id: existing.id, name: 'Sasha' }]);
  });
});

const counts = (s: Record<string, string>) => Object.fromEntries(Object.entries(s).map(([t, f]) => [t, Number(f.split(':')[0])]));

// Weekdays inside Dana's hours, distinct per service so the two races do not meet.
const raceDays = { visit: ['2026-12-07', '2026-12-08', '2026-12-09'], busy: ['2026-12-10', '2026-12-11', '2026-12-14'] };

describe.each(['visit', 'busy'] as const)('a lost race for the same time (%s)', (service) => {
  it('leaves only the winner and its customer behind', async () => {
    const before = counts(await snapshot(app));
    const racers = 4;
    const rounds = raceDays[service].length;
    const losers: string[] = [];
    for (const day of raceDays[service]) {
      const start = `${day}T15:00:00Z`;
      const phones = Array.from({ length: racers }, newPhone);
      const answers = await Promise.all(phones.map((phone) => book({ service, start, customer: { phone, name: 'Racer' } })));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 201), statuses.join()).toHaveLength(1);
      expect(statuses.filter((s) => s === 409), statuses.join()).toHaveLength(racers - 1);
      losers.push(...phones.filter((_p, i) => statuses[i] === 409));
    }
    for (const phone of losers) expect(await customerExists(phone), phone).toBe(false);
    const after = counts(await snapshot(app));
    // Each round's winner wrote one customer, appointment, reservation and event (which its
    // trigger announces as two webhook events, created and confirmed) with the note of its
    // reservation's resource-day in busy_change, and was sent one confirmation; nothing
    // else moved.
    const grown = Object.fromEntries(Object.entries(after).filter(([t, n]) => n !== before[t]).map(([t, n]) => [t, n - before[t]!]));
    expect(grown).toEqual({ customer: rounds, appointment: rounds, reservation: rounds, busy_change: rounds, appointment_event: rounds, webhook_event: rounds * 2, outbound_message: rounds });
  });
});

describe('a guarded write whose configuration moved under it', () => {
  it('writes no customer along with no appointment, where the current version would write both', async () => {
    const store = createSchedulingStore(app.t.pool);
    const service = await app.t.db.service.findFirstOrThrow({ where: { slug: 'visit' } });
    const location = await app.t.db.location.findFirstOrThrow();
    const { version } = await app.t.db.scheduleVersion.findUniqueOrThrow({ where: { id: 1 } });
    const attempt = (schedule: bigint, id: string, phone: string) => {
      const start = new Date('2026-12-15T15:00:00Z');
      const end = new Date('2026-12-15T15:30:00Z');
      return store.commitGuarded({
        versions: { schedule: String(schedule) },
        now: new Date('2026-11-30T12:00:00Z'),
        appointment: {
          id, serviceId: service.id, locationId: location.id, customerId: null, customer: { phone, name: 'Late' }, requesterUserId: null,
          start, end, status: 'confirmed', channel: 'api', intake: {}, attachments: [], notes: null, rescheduledFromId: null,
          idempotencyKey: null, ruleVersion: service.ruleVersion, confirmedAt: start,
        },
        reservations: [{ resourceId: dana, sessionKey: id, blockStart: start, blockEnd: end }],
        event: { appointmentId: id, actor: { type: 'user', id: 'test' }, action: 'booked', before: null, after: null, at: start },
      });
    };
    const before = await snapshot(app);
    const stale = newPhone();
    expect(await attempt(version + 1n, '0b7d8f5e-2c1a-4e3b-9f6d-1a2b3c4d5e6f', stale)).toBeNull();
    expect(await customerExists(stale)).toBe(false);
    expect(await snapshot(app)).toEqual(before);

    const current = newPhone();
    const written = await attempt(version, '1c8e9a6f-3d2b-4f4c-8a7e-2b3c4d5e6f70', current);
    expect(written).toMatchObject({ customerPhone: current, customerName: 'Late' });
    expect(written?.customerId).toBe((await app.t.db.customer.findUniqueOrThrow({ where: { phone: current } })).id);
  });
});
