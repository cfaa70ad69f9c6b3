import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { json, snapshot } from '../api/fixtures.ts';

// The subscription endpoints: the secret is shown once (at creation and rotation),
// only admins may use them, and bad input is refused with a problem document naming
// the field while nothing is written.

let app: TestApp;
const tokens: Record<'manager' | 'viewer', string> = { manager: '', viewer: '' };

beforeAll(async () => {
  app = await createTestApp();
  for (const role of ['manager', 'viewer'] as const) {
    const user = await json<{ id: string }>(await app.api('/api/v1/users', { method: 'POST', json: { name: `A ${role}`, role } }), 201);
    tokens[role] = (await json<{ token: string }>(await app.api('/api/v1/tokens', { method: 'POST', json: { userId: user.id, name: role } }), 201)).token;
  }
});
afterAll(() => app.close());

const valid = { url: 'https://crm.example.com/hooks/frontdesk', eventTypes: ['appointment.created', 'appointment.canceled', 'appointment.created'], description: 'CRM sync' };

describe('/api/v1/webhooks', () => {
  it('creates a subscription, showing its secret in that answer only', async () => {
    const created = await json<Record<string, unknown>>(await app.api('/api/v1/webhooks', { method: 'POST', json: valid }), 201);
    expect(created).toMatchObject({ url: valid.url, eventTypes: ['appointment.created', 'appointment.canceled'], enabled: true, consecutiveFailures: 0, description: 'CRM sync' });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const got = await json<Record<string, unknown>>(await app.api(`/api/v1/webhooks/${created.id}`), 200);
    expect(got).not.toHaveProperty('secret');
    const list = await json<{ items: Array<Record<string, unknown>> }>(await app.api('/api/v1/webhooks'), 200);
    expect(list.items.map((s) => s.id)).toContain(created.id);
    expect(JSON.stringify(list)).not.toContain(String(created.secret));
  });

  it('rotates the secret: a new one, shown once, replaces the old', async () => {
    const created = await json<{ id: string; secret: string }>(await app.api('/api/v1/webhooks', { method: 'POST', json: valid }), 201);
    const rotated = await json<{ id: string; secret: string }>(await app.api(`/api/v1/webhooks/${created.id}/rotate-secret`, { method: 'POST' }), 200);
    expect(rotated.id).toBe(created.id);
    expect(rotated.secret).not.toBe(created.secret);
    expect((await app.t.db.webhookSubscription.findUniqueOrThrow({ where: { id: created.id } })).secret).toBe(rotated.secret);
  });

  it('updates, disables and deletes a subscription', async () => {
    const created = await json<{ id: string }>(await app.api('/api/v1/webhooks', { method: 'POST', json: valid }), 201);
    const patched = await json<Record<string, unknown>>(
      await app.api(`/api/v1/webhooks/${created.id}`, { method: 'PATCH', json: { url: 'http://localhost:4000/hooks', eventTypes: ['exception.raised'], enabled: false } }),
      200,
    );
    expect(patched).toMatchObject({ url: 'http://localhost:4000/hooks', eventTypes: ['exception.raised'], enabled: false, disabledReason: 'disabled through the API' });
    await json(await app.api(`/api/v1/webhooks/${created.id}`, { method: 'DELETE' }), 204);
    await json(await app.api(`/api/v1/webhooks/${created.id}`), 404);
    await json(await app.api(`/api/v1/webhooks/${created.id}/deliveries`), 404);
  });

  it.each([
    ['a plain-http URL to another host', { ...valid, url: 'http://crm.example.com/hooks' }, 'url'],
    ['a URL with a password', { ...valid, url: 'https://user:pw@crm.example.com/hooks' }, 'url'],
    ['a URL that is not one', { ...valid, url: 'crm.example.com' }, 'url'],
    ['an unknown event type', { ...valid, eventTypes: ['appointment.exploded'] }, 'eventTypes.0'],
    ['no event types', { ...valid, eventTypes: [] }, 'eventTypes'],
    ['no URL', { eventTypes: ['appointment.created'] }, 'url'],
    ['an unknown field', { ...valid, secret: 'mine' }, ''],
  ])('refuses %s with 400 and writes nothing', async (_what, body, field) => {
    const before = await snapshot(app);
    const p = await json<{ errors?: Array<{ field: string; message: string }> }>(await app.api('/api/v1/webhooks', { method: 'POST', json: body }), 400);
    if (field) expect(p.errors?.map((e) => e.field)).toContain(field);
    expect(await snapshot(app)).toEqual(before);
  });

  it('accepts plain http only for localhost and 127.0.0.1', async () => {
    for (const url of ['http://localhost:8080/hooks', 'http://127.0.0.1:9000/x']) {
      await json(await app.api('/api/v1/webhooks', { method: 'POST', json: { url, eventTypes: ['exception.raised'] } }), 201);
    }
  });

  it.each(['manager', 'viewer'] as const)('refuses a %s with 403 on every endpoint, writing nothing', async (role) => {
    const created = await json<{ id: string }>(await app.api('/api/v1/webhooks', { method: 'POST', json: valid }), 201);
    const before = await snapshot(app);
    const calls: Array<[string, string, unknown?]> = [
      ['GET', '/webhooks'],
      ['POST', '/webhooks', valid],
      ['GET', `/webhooks/${created.id}`],
      ['PATCH', `/webhooks/${created.id}`, { enabled: false }],
      ['DELETE', `/webhooks/${created.id}`],
      ['POST', `/webhooks/${created.id}/rotate-secret`],
      ['GET', `/webhooks/${created.id}/deliveries`],
    ];
    for (const [method, path, body] of calls) {
      await json(await app.api(`/api/v1${path}`, { method, auth: tokens[role], json: body }), 403);
    }
    const after = await snapshot(app);
    delete before.api_token;
    delete after.api_token;
    expect(after).toEqual(before);
  });
});
