import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app.ts';
import { ENDPOINTS, type Endpoint } from './endpoints.ts';
import { buildFixture, insertAppointment, snapshot, type Fixture } from './fixtures.ts';

// Bad input to every admin endpoint: no token, a wrong token, wrongly typed fields,
// unknown fields, a body that is not an object, unknown and malformed ids, bad
// query strings. Each gets a problem document with the right status, and no table
// changes at all.

let app: TestApp;
let f: Fixture;
let before: Record<string, string>;

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
  f.appointmentId = await insertAppointment(app, f);
  before = await snapshot(app);
});
afterAll(() => app.close());

const UNKNOWN_ID = '5f1c2a9e-7d3b-4c1e-9a5b-2e8f6d4c3b1a';

async function problem(res: Response, status: number) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text) as { status: number; title: string; detail?: string; errors?: Array<{ field: string; message: string }> };
  expect(body.status).toBe(status);
  expect(body.title).toBeTruthy();
  return body;
}

const send = (e: Endpoint, path: string, init: Parameters<TestApp['api']>[1] = {}) =>
  app.api(`/api/v1${path}`, { method: e.method.toUpperCase(), ...init });

const name = (e: Endpoint) => `${e.method.toUpperCase()} ${e.route}`;

const cases = (list: Endpoint[]) => list.map((e) => [name(e), e] as const);

describe.each(cases(ENDPOINTS))('%s', (_name, e) => {
  it('refuses a missing or malformed Authorization header with 401', async () => {
    await problem(await send(e, e.path(f), { auth: false, json: e.valid?.(f) }), 401);
    await problem(await send(e, e.path(f), { auth: false, headers: { authorization: `Basic ${TEST_ADMIN_TOKEN}` }, json: e.valid?.(f) }), 401);
  });

  it('refuses a wrong token with 401', async () => {
    await problem(await send(e, e.path(f), { auth: 'not-the-admin-token-at-all', json: e.valid?.(f) }), 401);
  });
});

describe.each(cases(ENDPOINTS.filter((e) => e.valid)))('%s body', (_name, e) => {
  const valid = () => e.valid!(f);

  it('refuses wrongly typed fields with a field-level 400', async () => {
    const p = await problem(await send(e, e.path(f), { json: { ...valid(), ...e.wrongTypes } }), 400);
    const fields = p.errors?.map((x) => x.field) ?? [];
    for (const key of Object.keys(e.wrongTypes ?? {})) expect(fields.some((x) => x === key || x.startsWith(`${key}.`)), `${key} in ${fields}`).toBe(true);
    for (const err of p.errors ?? []) expect(err.message).toBeTruthy();
  });

  it('refuses unknown fields, naming them', async () => {
    const p = await problem(await send(e, e.path(f), { json: { ...valid(), nickname: 'x', isAdmin: true } }), 400);
    expect(p.errors?.map((x) => x.message).join(' ')).toMatch(/unknown field\(s\): nickname, isAdmin/);
  });

  it('refuses a body that is not a JSON object', async () => {
    await problem(await send(e, e.path(f), { json: [valid()] }), 400);
    await problem(await send(e, e.path(f), { json: 'hello' }), 400);
    await problem(await send(e, e.path(f), { body: '{"name": ', headers: { 'content-type': 'application/json' } }), 400);
    await problem(await send(e, e.path(f)), 400);
  });
});

describe.each(cases(ENDPOINTS.filter((e) => e.route.includes(':id'))))('%s id', (_name, e) => {
  it('answers 404 for an unknown id and for one that is not a UUID', async () => {
    for (const id of [UNKNOWN_ID, 'abc', '1 OR 1=1', '00000000-0000-0000-0000-00000000000g']) {
      const p = await problem(await send(e, e.path(f, encodeURIComponent(id)), { json: e.valid?.(f) }), 404);
      expect(p.detail).toBeTruthy();
    }
  });
});

describe.each(cases(ENDPOINTS.filter((e) => e.badQueries)))('%s query', (_name, e) => {
  it('refuses bad query strings with 400', async () => {
    for (const q of e.badQueries ?? []) {
      const p = await problem(await send(e, `${e.path(f)}?${q}`), 400);
      expect(p.errors?.length, q).toBeGreaterThan(0);
    }
  });
});

describe('date parameters', () => {
  it('refuses an impossible date in the path', async () => {
    await problem(await app.api(`/api/v1/resources/${f.resourceId}/overrides/2026-02-30`), 400);
    await problem(await app.api(`/api/v1/resources/${f.resourceId}/overrides/2026-02-30`, { method: 'PUT', json: { intervals: [] } }), 400);
  });
});

it('wrote nothing through all of the above', async () => {
  expect(await snapshot(app)).toEqual(before);
});
