import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { buildFixture, json, type Fixture } from './fixtures.ts';

// Users: a role, links to their Slack and Teams identities and to the staff
// resource whose schedule is theirs; each link names one user at most.

let app: TestApp;
let f: Fixture;
beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
});
afterAll(() => app.close());

type User = { id: string; name: string; email: string | null; role: string; slackUserId: string | null; teamsUserId: string | null; resourceId: string | null };
const create = (body: Record<string, unknown>) => app.api('/api/v1/users', { method: 'POST', json: body });

describe('users', () => {
  it('are created with their links, read back, updated and deleted', async () => {
    const teamsId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const dana = await json<User>(await create({ name: 'Dana', email: 'dana@example.com', role: 'staff', slackUserId: 'U024BE7LH', teamsUserId: teamsId, resourceId: f.resourceId }), 201);
    expect(dana).toMatchObject({ name: 'Dana', email: 'dana@example.com', role: 'staff', slackUserId: 'U024BE7LH', teamsUserId: teamsId, resourceId: f.resourceId });
    expect(await json<User>(await app.api(`/api/v1/users/${dana.id}`), 200)).toEqual(dana);
    const promoted = await json<User>(await app.api(`/api/v1/users/${dana.id}`, { method: 'PATCH', json: { role: 'manager', resourceId: null } }), 200);
    expect(promoted).toMatchObject({ role: 'manager', resourceId: null, email: 'dana@example.com' });
    const managers = await json<{ items: User[] }>(await app.api('/api/v1/users?role=manager'), 200);
    expect(managers.items.map((u) => u.id)).toEqual([dana.id]);
    expect((await app.api(`/api/v1/users/${dana.id}`, { method: 'DELETE' })).status).toBe(204);
    await json(await app.api(`/api/v1/users/${dana.id}`), 404);
  });

  it('default to the viewer role', async () => {
    expect((await json<User>(await create({ name: 'Sam' }), 201)).role).toBe('viewer');
  });

  it('link only to a staff resource, and one user per resource, email and chat identity', async () => {
    await json(await create({ name: 'Room person', resourceId: f.roomId }), 422);
    await json(await create({ name: 'Nobody', resourceId: '0b6f1c1e-3a5d-4e7f-8a9b-1c2d3e4f5a6b' }), 422);
    await json(await create({ name: 'Kim', email: 'kim@example.com', slackUserId: 'U0KIM', resourceId: f.resourceId }), 201);
    const count = async () => (await app.t.pool.query('SELECT count(*)::int AS n FROM app_user')).rows[0].n;
    const before = await count();
    for (const dup of [{ email: 'kim@example.com' }, { slackUserId: 'U0KIM' }, { resourceId: f.resourceId }]) {
      const p = await json<{ detail: string }>(await create({ name: 'Twin', ...dup }), 409);
      expect(p.detail).toMatch(/Another user/);
    }
    expect(await count()).toBe(before);
  });
});
