import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdminToken } from '../../src/api/auth.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { json } from './fixtures.ts';

// API tokens: issued per user with a scope and an expiry, shown once, stored as a
// hash; a revoked or expired token gets 401; rotation replaces a token. Time comes
// from the app's clock, which the tests move instead of sleeping.

let app: TestApp;
let now = new Date('2026-12-02T12:00:00Z');
const HOUR = 3_600_000;

beforeAll(async () => {
  app = await createTestApp({ clock: () => new Date(now) });
  // Locations belong to the business, so writing one needs it.
  await json(await app.api('/api/v1/business', { method: 'PUT', json: { name: 'Maple Clinic', timeZone: 'America/New_York' } }), 200);
});
afterAll(() => app.close());

type Issued = { id: string; token: string; role: string; expiresAt: string | null; revokedAt: string | null; lastUsedAt: string | null };

async function user(role: string) {
  return json<{ id: string }>(await app.api('/api/v1/users', { method: 'POST', json: { name: `U ${role}`, role } }), 201);
}
async function issue(body: Record<string, unknown>) {
  return json<Issued>(await app.api('/api/v1/tokens', { method: 'POST', json: { name: 'script', ...body } }), 201);
}
/** A read every role but staff may do: 200 while the token is good. */
const read = (token: string) => app.api('/api/v1/locations', { auth: token });
const write = (token: string) => app.api('/api/v1/locations', { method: 'POST', auth: token, json: { name: 'X', timeZone: 'UTC', address: 'x' } });

describe('issuing', () => {
  it('shows the token once and stores only its sha256', async () => {
    const u = await user('manager');
    const issued = await issue({ userId: u.id });
    expect(issued.token).toMatch(/^fd_[A-Za-z0-9_-]{32}$/);
    const shown = await json<Record<string, unknown>>(await app.api(`/api/v1/tokens/${issued.id}`), 200);
    expect(shown).not.toHaveProperty('token');
    const list = await json<{ items: Array<Record<string, unknown>> }>(await app.api(`/api/v1/tokens?userId=${u.id}`), 200);
    expect(list.items.map((t) => t.id)).toEqual([issued.id]);
    expect(JSON.stringify(list)).not.toContain(issued.token);
    const { rows } = await app.t.pool.query('SELECT to_jsonb(t)::text AS row, token_hash FROM api_token t WHERE id = $1', [issued.id]);
    expect(rows[0].token_hash).toBe(createHash('sha256').update(issued.token).digest('hex'));
    expect(rows[0].row).not.toContain(issued.token);
  });

  it("acts as the user's role unless a lower one is asked, and expires in 90 days by default", async () => {
    const u = await user('manager');
    const issued = await issue({ userId: u.id });
    expect(issued.role).toBe('manager');
    expect(issued.expiresAt).toBe(new Date(now.getTime() + 90 * 24 * HOUR).toISOString());
    expect((await write(issued.token)).status).toBe(201);
    const viewerScoped = await issue({ userId: u.id, role: 'viewer' });
    expect((await read(viewerScoped.token)).status).toBe(200);
    await json(await write(viewerScoped.token), 403);
  });

  it("refuses a scope above the user's role and an expiry in the past, writing nothing", async () => {
    const u = await user('viewer');
    const count = async () => (await app.t.pool.query('SELECT count(*)::int AS n FROM api_token')).rows[0].n;
    const before = await count();
    await json(await app.api('/api/v1/tokens', { method: 'POST', json: { userId: u.id, name: 'x', role: 'admin' } }), 422);
    await json(await app.api('/api/v1/tokens', { method: 'POST', json: { userId: u.id, name: 'x', expiresAt: new Date(now.getTime() - 1).toISOString() } }), 422);
    await json(await app.api('/api/v1/tokens', { method: 'POST', json: { userId: '0b6f1c1e-3a5d-4e7f-8a9b-1c2d3e4f5a6b', name: 'x' } }), 422);
    expect(await count()).toBe(before);
  });

  it("follows the user's role down when the user is demoted", async () => {
    const u = await user('manager');
    const issued = await issue({ userId: u.id });
    await json(await app.api(`/api/v1/users/${u.id}`, { method: 'PATCH', json: { role: 'viewer' } }), 200);
    await json(await write(issued.token), 403);
    expect((await read(issued.token)).status).toBe(200);
  });

  it('records when a token was last used, by the app clock', async () => {
    const u = await user('viewer');
    const issued = await issue({ userId: u.id });
    expect(issued.lastUsedAt).toBeNull();
    now = new Date(now.getTime() + HOUR);
    await read(issued.token);
    const shown = await json<Issued>(await app.api(`/api/v1/tokens/${issued.id}`), 200);
    expect(shown.lastUsedAt).toBe(now.toISOString());
  });
});

describe('401 for a token that is no longer good', () => {
  it('expires at expiresAt', async () => {
    const u = await user('viewer');
    const issued = await issue({ userId: u.id, expiresAt: new Date(now.getTime() + HOUR).toISOString() });
    now = new Date(now.getTime() + HOUR - 1);
    expect((await read(issued.token)).status).toBe(200);
    now = new Date(now.getTime() + 1);
    await json(await read(issued.token), 401);
  });

  it('is revoked by DELETE, keeping the row for the record', async () => {
    const u = await user('viewer');
    const issued = await issue({ userId: u.id });
    expect((await read(issued.token)).status).toBe(200);
    expect((await app.api(`/api/v1/tokens/${issued.id}`, { method: 'DELETE' })).status).toBe(204);
    await json(await read(issued.token), 401);
    expect((await app.api(`/api/v1/tokens/${issued.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await json<Issued>(await app.api(`/api/v1/tokens/${issued.id}`), 200)).revokedAt).toBe(now.toISOString());
  });

  it("goes with its user's deletion", async () => {
    const u = await user('viewer');
    const issued = await issue({ userId: u.id });
    expect((await app.api(`/api/v1/users/${u.id}`, { method: 'DELETE' })).status).toBe(204);
    await json(await read(issued.token), 401);
  });
});

describe('rotation', () => {
  it('replaces the token: the old one gets 401, the new one works and is shown once', async () => {
    const u = await user('manager');
    const old = await issue({ userId: u.id, role: 'viewer' });
    now = new Date(now.getTime() + HOUR);
    const rotated = await json<Issued>(await app.api(`/api/v1/tokens/${old.id}/rotate`, { method: 'POST', json: {} }), 200);
    expect(rotated.id).not.toBe(old.id);
    expect(rotated.token).not.toBe(old.token);
    expect(rotated).toMatchObject({ role: 'viewer', revokedAt: null, expiresAt: new Date(now.getTime() + 90 * 24 * HOUR).toISOString() });
    await json(await read(old.token), 401);
    expect((await read(rotated.token)).status).toBe(200);
    await json(await app.api(`/api/v1/tokens/${old.id}/rotate`, { method: 'POST', json: {} }), 409);
  });
});

describe('the bootstrap admin token', () => {
  it('is generated once when none is configured, and acts as an admin', async () => {
    const first = await ensureAdminToken(app.t.db, undefined, () => now);
    expect(first.source).toBe('generated');
    expect(await ensureAdminToken(app.t.db, undefined, () => now)).toEqual({ source: 'stored' });
    const bare = await createTestApp({ env: { FRONTDESK_ADMIN_TOKEN: '' } });
    try {
      const generated = await ensureAdminToken(bare.t.db, undefined);
      expect((await bare.api('/api/v1/users', { auth: generated.newToken! })).status).toBe(200);
      await json(await bare.api('/api/v1/users', { auth: 'test-admin-token-0123456789' }), 401);
    } finally {
      await bare.close();
    }
  });

  it('is revoked when FRONTDESK_ADMIN_TOKEN is set, and refused even before that', async () => {
    await app.t.pool.query('DELETE FROM api_token WHERE user_id IS NULL');
    const generated = (await ensureAdminToken(app.t.db, undefined, () => now)).newToken!;
    // This app is configured with FRONTDESK_ADMIN_TOKEN, so the generated token is refused already.
    await json(await read(generated), 401);
    expect(await ensureAdminToken(app.t.db, 'a-configured-admin-token', () => now)).toEqual({ source: 'environment' });
    const { rows } = await app.t.pool.query('SELECT revoked_at FROM api_token WHERE user_id IS NULL');
    expect(rows).toEqual([{ revoked_at: now }]);
    // Unset again, the old token stays revoked and a new one is generated.
    expect((await ensureAdminToken(app.t.db, undefined, () => now)).source).toBe('generated');
  });

  it('can be rotated through the API and stays a never-expiring admin token', async () => {
    const bare = await createTestApp({ env: { FRONTDESK_ADMIN_TOKEN: '' } });
    try {
      const generated = (await ensureAdminToken(bare.t.db, undefined)).newToken!;
      const { items } = await json<{ items: Issued[] }>(await bare.api('/api/v1/tokens', { auth: generated }), 200);
      const rotated = await json<Issued>(await bare.api(`/api/v1/tokens/${items[0]!.id}/rotate`, { method: 'POST', auth: generated, json: {} }), 200);
      expect(rotated).toMatchObject({ role: 'admin', userId: null, expiresAt: null });
      await json(await bare.api('/api/v1/users', { auth: generated }), 401);
      expect((await bare.api('/api/v1/users', { auth: rotated.token })).status).toBe(200);
      expect(await ensureAdminToken(bare.t.db, undefined)).toEqual({ source: 'stored' });
    } finally {
      await bare.close();
    }
  });
});
