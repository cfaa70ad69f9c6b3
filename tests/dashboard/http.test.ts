import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardMount } from '../../src/dashboard/index.ts';
import { createDashboardRouter, SESSION_COOKIE } from '../../src/dashboard/router.ts';
import { fixedClock } from '../../src/engine/clock.ts';
import { createSalon, type Fixture } from '../conversation/support/fixture.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addUser, form, PASSWORD, sessionCookie } from './support.ts';

// The /ops pages over HTTP: sign-in and its cookie, CSRF on every POST, the
// failed-sign-in limit, escaping of customer data, and a staff member's own schedule.

const NOW = '2026-12-02T15:00:00Z'; // 10:00 in New York, the salon's zone
let app: TestApp;
let salon: Fixture;

beforeAll(async () => {
  app = await createTestApp({ clock: NOW, routers: (ctx) => [dashboardMount(ctx, { signInAttempts: 3 })] });
  const db = app.t.db;
  salon = await createSalon(db);
  for (const u of [
    { name: 'Mia', email: 'mia@example.com', role: 'manager' as const },
    { name: 'Dana', email: 'dana@example.com', role: 'staff' as const, resourceId: salon.staff.dana },
  ]) await addUser(app, u);
  const book = async (customer: string, resourceId: string, startsAt: string) => {
    const c = await db.customer.create({ data: { phone: `+1212555${String(Math.floor(Math.random() * 9000) + 1000)}`, name: customer } });
    const start = new Date(startsAt);
    const end = new Date(start.getTime() + 30 * 60_000);
    const a = await db.appointment.create({ data: { serviceId: salon.services.haircut, locationId: salon.locationId, customerId: c.id, startsAt: start, endsAt: end, channel: 'sms', ruleVersion: 1 } });
    await db.reservation.create({ data: { resourceId, appointmentId: a.id, sessionKey: a.id, blockStart: start, blockEnd: end } });
  };
  await book('<b>Bold</b> Ann', salon.staff.dana, '2026-12-02T16:00:00Z');
  await book('Leo Lee-client', salon.staff.lee, '2026-12-02T17:00:00Z');
  await book('Tomorrow Tia', salon.staff.dana, '2026-12-03T16:00:00Z');
});
afterAll(async () => app?.close());


const signIn = (email: string, base = app.url) => sessionCookie(app, email, base);
const get = (path: string, cookie?: string) => fetch(`${app.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
const csrfOf = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)?.[1];

describe('/ops sign-in', () => {
  it('sends a visitor without a session to the sign-in page', async () => {
    const res = await get('/ops/today');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/ops/sign-in');
    const page = await (await get('/ops/sign-in')).text();
    expect(page).toContain('<label>Email <input type="email" name="email"');
  });

  it('sets an HttpOnly, SameSite=Lax session cookie scoped to /ops (not Secure over http)', async () => {
    const res = await fetch(`${app.url}/ops/sign-in`, form({ email: 'mia@example.com', password: PASSWORD }));
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/ops/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const secureApp = express().use('/ops', createDashboardRouter({ db: app.t.db, clock: fixedClock(NOW), ops: app.ctx.ops, publicUrl: 'https://ops.example.com', signInAttempts: 0 }));
    const server = await new Promise<Server>((resolve) => {
      const s = secureApp.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/ops/sign-in`, form({ email: 'mia@example.com', password: PASSWORD }));
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

});

describe('/ops/today', () => {
  it("shows a manager every appointment of today, in the location's zone, with customer data escaped", async () => {
    const page = await (await get('/ops/today', await signIn('mia@example.com'))).text();
    expect(page).toContain('&lt;b&gt;Bold&lt;/b&gt; Ann');
    expect(page).not.toContain('<b>Bold</b>');
    expect(page).toContain('Leo Lee-client');
    expect(page).not.toContain('Tomorrow Tia');
    expect(page).toContain('11:00–11:30');
    expect(page).toContain('<main id="main">');
  });

  it('shows a staff member only their own schedule', async () => {
    const page = await (await get('/ops/today', await signIn('dana@example.com'))).text();
    expect(page).toContain('Your appointments today');
    expect(page).toContain('Bold');
    expect(page).not.toContain('Leo Lee-client');
  });

  it('serves the stylesheet under a content hash with a long cache lifetime', async () => {
    const page = await (await get('/ops/today', await signIn('mia@example.com'))).text();
    const href = /href="(\/ops\/assets\/style\.[0-9a-f]{12}\.css)"/.exec(page)?.[1];
    expect(href).toBeDefined();
    const css = await get(href!);
    expect(css.headers.get('cache-control')).toContain('immutable');
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
  });
});

describe('CSRF and sign-out', () => {
  it('refuses a POST without the session CSRF token and keeps the session', async () => {
    const cookie = await signIn('mia@example.com');
    const forged = await fetch(`${app.url}/ops/sign-out`, { ...form({}), headers: { ...form({}).headers, cookie } });
    expect(forged.status).toBe(403);
    const wrong = await fetch(`${app.url}/ops/sign-out`, { ...form({ csrf: 'guess' }), headers: { ...form({}).headers, cookie } });
    expect(wrong.status).toBe(403);
    expect((await get('/ops/today', cookie)).status).toBe(200);
  });

  it('signs out with the token, and the old cookie no longer opens a page', async () => {
    const cookie = await signIn('mia@example.com');
    const csrf = csrfOf(await (await get('/ops/today', cookie)).text());
    expect(csrf).toBeDefined();
    const out = await fetch(`${app.url}/ops/sign-out`, { ...form({ csrf: csrf! }), headers: { ...form({}).headers, cookie } });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/ops/sign-in');
    expect((await get('/ops/today', cookie)).status).toBe(303);
  });
});

describe('PUT /api/v1/users/:id/password', () => {
  it('lets an admin set a password the user then signs in with, and signs the user out everywhere', async () => {
    const created = await app.api('/api/v1/users', { method: 'POST', json: { name: 'Ola', email: 'Ola@Example.com', role: 'viewer' } });
    const { id } = (await created.json()) as { id: string };
    expect((await app.api(`/api/v1/users/${id}/password`, { method: 'PUT', json: { password: 'short' } })).status).toBe(400);
    expect((await app.api(`/api/v1/users/${id}/password`, { method: 'PUT', json: { password: PASSWORD } })).status).toBe(200);
    const cookie = await signIn('ola@example.com');
    expect((await get('/ops/today', cookie)).status).toBe(200);
    expect((await app.api(`/api/v1/users/${id}/password`, { method: 'PUT', json: { password: `${PASSWORD}!` } })).status).toBe(200);
    expect((await get('/ops/today', cookie)).status).toBe(303);
    const stored = await app.t.db.userPassword.findUnique({ where: { userId: id } });
    expect(stored?.hash).not.toContain(PASSWORD);
  });

  it('refuses a user without an email, and writes nothing', async () => {
    const created = await app.api('/api/v1/users', { method: 'POST', json: { name: 'No Mail' } });
    const { id } = (await created.json()) as { id: string };
    expect((await app.api(`/api/v1/users/${id}/password`, { method: 'PUT', json: { password: PASSWORD } })).status).toBe(422);
    expect(await app.t.db.userPassword.findUnique({ where: { userId: id } })).toBeNull();
  });
});

// Last: after this, sign-ins from this address are refused for the window.
describe('failed sign-ins', () => {
  it('answers a wrong password with 401 and the form again, and limits failed attempts per address', async () => {
    const wrong = await fetch(`${app.url}/ops/sign-in`, form({ email: 'dana@example.com', password: 'not the password' }));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('do not match');
    for (let i = 0; i < 2; i++) await fetch(`${app.url}/ops/sign-in`, form({ email: 'dana@example.com', password: 'still wrong' }));
    const limited = await fetch(`${app.url}/ops/sign-in`, form({ email: 'dana@example.com', password: PASSWORD }));
    expect(limited.status).toBe(429);
  });
});
