import { DateTime } from 'luxon';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedsRouter } from '../../src/feeds/index.ts';
import { buildFixture, json, type Fixture } from '../api/fixtures.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Calendar feeds read by an independent parser (node-ical) against the database:
// times across New York's switch to daylight time (Sunday 2027-03-14), one UID per
// appointment that survives a reschedule with SEQUENCE raised, cancellations as
// STATUS:CANCELLED, what each audience may read, and revocation.

const PUBLIC_URL = 'https://desk.example.com';
const ZONE = 'America/New_York';
let app: TestApp;
let f: Fixture;
let staffToken: string;
let kimId: string;
let serviceId: string;
/** Appointments: before the switch (EST, UTC-5), after it (EDT, UTC-4), and one to cancel. */
const ids = {} as Record<'before' | 'after' | 'toCancel', string>;

const book = async (start: string, name = 'Sam Rivera') =>
  (await json<{ id: string }>(await app.api('/api/v1/appointments', { method: 'POST', json: { service: serviceId, start, resource: f.resourceId, customer: { phone: '+14155550123', name } } }), 201)).id;

async function newFeed(subject: { type: 'resource' | 'location'; id: string }, auth?: string) {
  return json<{ id: string; url: string }>(await app.api('/api/v1/feeds', { method: 'POST', json: { subject }, auth }), 201);
}

/** The feed as a calendar app sees it, its events by UID. */
async function read(url: string): Promise<Map<string, VEvent>> {
  expect(url.startsWith(`${PUBLIC_URL}/feeds/`)).toBe(true);
  const res = await fetch(app.url + url.slice(PUBLIC_URL.length));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
  const events = Object.values(ical.sync.parseICS(await res.text())).filter((c): c is VEvent => c?.type === 'VEVENT');
  const byUid = new Map(events.map((e) => [e.uid, e]));
  expect(byUid.size, 'one event per UID').toBe(events.length);
  return byUid;
}

const dbRow = async (id: string) =>
  (await app.t.pool.query(`SELECT starts_at, ends_at, status::text FROM appointment WHERE id = $1`, [id])).rows[0] as { starts_at: Date; ends_at: Date; status: string };

beforeAll(async () => {
  app = await createTestApp({
    clock: '2027-03-01T12:00:00Z',
    env: { PUBLIC_URL },
    routers: (ctx) => [{ path: '/', router: createFeedsRouter({ db: ctx.db, clock: ctx.clock, misses: { limit: 0, windowSeconds: 60 } }) }],
  });
  f = await buildFixture(app);
  const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  for (const r of [f.resourceId, f.roomId]) await json(await app.api(`/api/v1/resources/${r}/hours`, { method: 'PUT', json: { intervals: weekdays } }), 200);
  const checkup = { name: 'Checkup', slug: 'checkup', durationMinutes: 45, requirements: [{ kind: 'staff' }, { kind: 'room' }], eligibleResourceIds: [f.resourceId, f.roomId] };
  serviceId = (await json<{ id: string }>(await app.api('/api/v1/services', { method: 'POST', json: checkup }), 201)).id;
  ids.before = await book('2027-03-08T15:00:00Z'); // Monday 10:00 EST
  ids.after = await book('2027-03-15T14:00:00Z'); // Monday 10:00 EDT
  ids.toCancel = await book('2027-03-16T14:00:00Z');
  kimId = (await json<{ id: string }>(await app.api('/api/v1/resources', { method: 'POST', json: { kind: 'staff', name: 'Kim', locationId: f.locationId } }), 201)).id;
  const user = await json<{ id: string }>(await app.api('/api/v1/users', { method: 'POST', json: { name: 'Dana', role: 'staff', resourceId: f.resourceId } }), 201);
  staffToken = (await json<{ token: string }>(await app.api('/api/v1/tokens', { method: 'POST', json: { userId: user.id, name: 'phone' } }), 201)).token;
});
afterAll(() => app.close());

describe('a staff member’s feed', () => {
  it('agrees with the database on both sides of the DST switch, in UTC, one stable UID per appointment', async () => {
    const events = await read((await newFeed({ type: 'resource', id: f.resourceId })).url);
    expect([...events.keys()].sort()).toEqual(Object.values(ids).map((id) => `${id}@frontdesk`).sort());
    for (const id of Object.values(ids)) {
      const e = events.get(`${id}@frontdesk`)!;
      const row = await dbRow(id);
      expect(e.start.getTime()).toBe(row.starts_at.getTime());
      expect(e.end?.getTime()).toBe(row.ends_at.getTime());
      expect(e.status).toBe('CONFIRMED');
      expect(Number(e.sequence)).toBe(0);
    }
    // The same wall-clock hour in New York, one hour apart in UTC.
    const local = (id: string) => DateTime.fromJSDate(events.get(`${id}@frontdesk`)!.start, { zone: ZONE });
    expect(local(ids.before).toFormat('HH:mm ZZZZ')).toBe('10:00 EST');
    expect(local(ids.after).toFormat('HH:mm ZZZZ')).toBe('10:00 EDT');
  });

  it('keeps the UID through a reschedule and raises SEQUENCE', async () => {
    const { url } = await newFeed({ type: 'resource', id: f.resourceId });
    const uid = `${ids.before}@frontdesk`;
    const first = (await read(url)).get(uid)!;
    const moved = await json<{ id: string }>(await app.api(`/api/v1/appointments/${ids.before}/reschedule`, { method: 'POST', json: { start: '2027-03-15T15:00:00Z' } }), 200);
    expect(moved.id).not.toBe(ids.before);
    const events = await read(url);
    expect(events.size).toBe(3);
    const now = events.get(uid)!;
    expect(Number(now.sequence)).toBeGreaterThan(Number(first.sequence));
    expect(now.start.getTime()).toBe((await dbRow(moved.id)).starts_at.getTime());
    expect(DateTime.fromJSDate(now.start, { zone: ZONE }).toFormat('HH:mm ZZZZ')).toBe('11:00 EDT');
    expect(now.status).toBe('CONFIRMED');
  });

  it('shows a canceled appointment as STATUS:CANCELLED with a higher SEQUENCE', async () => {
    const { url } = await newFeed({ type: 'resource', id: f.resourceId });
    const uid = `${ids.toCancel}@frontdesk`;
    const before = (await read(url)).get(uid)!;
    await json(await app.api(`/api/v1/appointments/${ids.toCancel}/cancel`, { method: 'POST', json: { reason: 'sick' } }), 200);
    const after = (await read(url)).get(uid)!;
    expect(after.status).toBe('CANCELLED');
    expect(Number(after.sequence)).toBeGreaterThan(Number(before.sequence));
    expect((await dbRow(ids.toCancel)).status).toBe('canceled');
  });

  it('shows a move to another staff member as CANCELLED here and as the same event, later in SEQUENCE, on theirs', async () => {
    await json(await app.api(`/api/v1/resources/${kimId}/hours`, { method: 'PUT', json: { intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })) } }), 200);
    await json(await app.api(`/api/v1/services/${serviceId}`, { method: 'PATCH', json: { eligibleResourceIds: [f.resourceId, f.roomId, kimId] } }), 200);
    const id = await book('2027-03-19T14:00:00Z');
    const dana = (await newFeed({ type: 'resource', id: f.resourceId })).url;
    const kim = (await newFeed({ type: 'resource', id: kimId })).url;
    const uid = `${id}@frontdesk`;
    const moved = await json<{ id: string }>(await app.api(`/api/v1/appointments/${id}/reschedule`, { method: 'POST', json: { start: '2027-03-19T15:00:00Z', resource: kimId } }), 200);
    const left = (await read(dana)).get(uid)!;
    const arrived = (await read(kim)).get(uid)!;
    expect(left.status).toBe('CANCELLED');
    expect(left.start.toISOString()).toBe('2027-03-19T14:00:00.000Z');
    expect(arrived.status).toBe('CONFIRMED');
    expect(arrived.start.getTime()).toBe((await dbRow(moved.id)).starts_at.getTime());
    expect(Number(arrived.sequence)).toBeGreaterThan(Number(left.sequence));
  });

  it("names the customer by first name only; room and location feeds name no customer", async () => {
    const staff = [...(await read((await newFeed({ type: 'resource', id: f.resourceId })).url)).values()];
    const room = await (await fetch(app.url + (await newFeed({ type: 'resource', id: f.roomId })).url.slice(PUBLIC_URL.length))).text();
    const location = await (await fetch(app.url + (await newFeed({ type: 'location', id: f.locationId })).url.slice(PUBLIC_URL.length))).text();
    expect(staff.map((e) => e.summary)).toContain('Checkup: Sam');
    for (const text of [JSON.stringify(staff), room, location]) {
      expect(text).not.toContain('Rivera');
      // The phone in any format; not a bare '555', which a random UID can hold.
      expect(text).not.toMatch(/415\D{0,2}555\D?0123/);
    }
    expect(room).not.toContain('Sam');
    expect(location).not.toContain('Sam');
    expect(room).toContain('SUMMARY:Checkup with Dana');
  });
});

describe('revoking', () => {
  it('turns the URL into a 404 that looks like an unknown token', async () => {
    const feed = await newFeed({ type: 'location', id: f.locationId });
    const path = feed.url.slice(PUBLIC_URL.length);
    expect((await fetch(app.url + path)).status).toBe(200);
    expect((await app.api(`/api/v1/feeds/${feed.id}`, { method: 'DELETE' })).status).toBe(204);
    const revoked = await fetch(app.url + path);
    const unknown = await fetch(`${app.url}/feeds/fdcal_${'x'.repeat(32)}.ics`);
    expect(revoked.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await revoked.text()).toBe(await unknown.text());
    const listed = await json<{ items: Array<{ id: string; revokedAt: string | null }> }>(await app.api('/api/v1/feeds?revoked=true'), 200);
    expect(listed.items.find((i) => i.id === feed.id)?.revokedAt).toBe('2027-03-01T12:00:00.000Z');
    expect((await json<{ items: Array<{ id: string }> }>(await app.api('/api/v1/feeds'), 200)).items.map((i) => i.id)).not.toContain(feed.id);
  });

  it('stores only a hash of the token', async () => {
    const feed = await newFeed({ type: 'location', id: f.locationId });
    const token = /\/feeds\/(.+)\.ics$/.exec(feed.url)![1]!;
    const { rows } = await app.t.pool.query(`SELECT * FROM calendar_feed WHERE id = $1`, [feed.id]);
    expect(JSON.stringify(rows[0])).not.toContain(token);
  });
});

describe('staff and feeds', () => {
  it("may create, list and revoke their own feed only, never another staff member's", async () => {
    const before = (await app.t.pool.query(`SELECT count(*)::int AS n FROM calendar_feed`)).rows[0].n as number;
    expect((await app.api('/api/v1/feeds', { method: 'POST', json: { subject: { type: 'resource', id: kimId } }, auth: staffToken })).status).toBe(403);
    expect((await app.api('/api/v1/feeds', { method: 'POST', json: { subject: { type: 'location', id: f.locationId } }, auth: staffToken })).status).toBe(403);
    expect((await app.t.pool.query(`SELECT count(*)::int AS n FROM calendar_feed`)).rows[0].n).toBe(before);

    const own = await newFeed({ type: 'resource', id: f.resourceId }, staffToken);
    const kims = await newFeed({ type: 'resource', id: kimId });
    const seen = await json<{ items: Array<{ id: string; subject: { id: string } }> }>(await app.api('/api/v1/feeds', { auth: staffToken }), 200);
    expect(seen.items.map((i) => i.id)).toContain(own.id);
    expect(seen.items.every((i) => i.subject.id === f.resourceId)).toBe(true);
    expect((await app.api(`/api/v1/feeds/${kims.id}`, { method: 'DELETE', auth: staffToken })).status).toBe(404);
    expect((await fetch(app.url + kims.url.slice(PUBLIC_URL.length))).status).toBe(200);
    expect((await app.api(`/api/v1/feeds/${own.id}`, { method: 'DELETE', auth: staffToken })).status).toBe(204);
  });

  it('refuses a feed of something that does not exist, writing nothing', async () => {
    const res = await app.api('/api/v1/feeds', { method: 'POST', json: { subject: { type: 'resource', id: '0b6f1c1e-3a5d-4e7f-8a9b-1c2d3e4f5a6b' } } });
    expect(res.status).toBe(422);
  });
});

describe("a confirmation's .ics link", () => {
  it('is in the SMS confirmation and opens the appointment, following its reschedules', async () => {
    const id = await book('2027-03-17T14:00:00Z', 'Lee Park');
    const { rows } = await app.t.pool.query(`SELECT body FROM outbound_message WHERE kind = 'confirmation' AND idempotency_key LIKE $1`, [`confirmation:${id}:%`]);
    const link = /Calendar: (\S+)/.exec(rows[0].body as string)?.[1];
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/ics/appointments/[A-Za-z0-9_-]{43}\\.ics$`));
    const open = async () => fetch(app.url + link!.slice(PUBLIC_URL.length));
    const first = Object.values(ical.sync.parseICS(await (await open()).text())).find((c): c is VEvent => c?.type === 'VEVENT')!;
    expect(first.uid).toBe(`${id}@frontdesk`);
    expect(first.start.toISOString()).toBe('2027-03-17T14:00:00.000Z');
    await json(await app.api(`/api/v1/appointments/${id}/reschedule`, { method: 'POST', json: { start: '2027-03-18T14:00:00Z' } }), 200);
    const moved = Object.values(ical.sync.parseICS(await (await open()).text())).find((c): c is VEvent => c?.type === 'VEVENT')!;
    expect(moved.uid).toBe(`${id}@frontdesk`);
    expect(moved.start.toISOString()).toBe('2027-03-18T14:00:00.000Z');
    expect(Number(moved.sequence)).toBeGreaterThan(Number(first.sequence));
  });

  it('answers 404 for a token whose MAC does not match', async () => {
    const id = ids.after.replaceAll('-', '');
    const forged = Buffer.concat([Buffer.from(id, 'hex'), Buffer.alloc(16)]).toString('base64url');
    expect((await fetch(`${app.url}/ics/appointments/${forged}.ics`)).status).toBe(404);
  });
});
