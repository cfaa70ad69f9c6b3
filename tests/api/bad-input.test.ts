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

/** The endpoint's path with its required query, each parameter of `changes` set over it. */
function withQuery(e: Endpoint, changes = '', id?: string): string {
  const params = new URLSearchParams(e.query?.(f));
  for (const [k, v] of new URLSearchParams(changes)) params.set(k, v);
  const q = params.toString();
  return q ? `${e.path(f, id)}?${q}` : e.path(f, id);
}

const fieldsOf = (p: { errors?: Array<{ field: string }> }) => p.errors?.map((x) => x.field) ?? [];

describe.each(cases(ENDPOINTS.filter((e) => e.badQueries)))('%s query', (_name, e) => {
  // Without this, every bad query could fail for the same missing parameter.
  it('answers its required query alone with 200', async () => {
    const res = await send(e, withQuery(e));
    expect(res.status, await res.text()).toBe(200);
  });

  it.each((e.badQueries ?? []).map((b) => [b.query, b] as const))('refuses %s with 400 naming the field', async (_q, b) => {
    const p = await problem(await send(e, withQuery(e, b.query)), 400);
    expect(fieldsOf(p), b.query).toContain(b.field);
  });
});

// Instants and dates outside 1970-01-01 – 2199-12-31 (src/api/schemas/common.ts).
const OUT_OF_RANGE = {
  instant: ['1969-12-31T23:59:59Z', '2200-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59+14:00'],
  date: ['1969-12-31', '2200-01-01', '0000-01-01', '9999-12-31'],
};

describe.each(cases(ENDPOINTS.filter((e) => e.timeQuery)))('%s time query', (_name, e) => {
  const { params, kind } = e.timeQuery!;
  it.each(params.flatMap((param) => OUT_OF_RANGE[kind].map((value) => [param, value] as const)))('refuses %s=%s with 400 naming it', async (param, value) => {
    const p = await problem(await send(e, withQuery(e, new URLSearchParams({ [param]: value }).toString())), 400);
    expect(fieldsOf(p)).toContain(param);
  });
});

describe.each(cases(ENDPOINTS.filter((e) => e.instantFields)))('%s body instants', (_name, e) => {
  it.each(e.instantFields!.flatMap((field) => OUT_OF_RANGE.instant.map((value) => [field, value] as const)))('refuses %s: %s with 400 naming it', async (field, value) => {
    const p = await problem(await send(e, e.path(f), { json: { ...e.valid!(f), [field]: value } }), 400);
    expect(fieldsOf(p)).toContain(field);
  });
});

const encode = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
const IN_RANGE_KEY = { instant: '2026-12-01T00:00:00.000Z', date: '2026-12-01', id: UNKNOWN_ID };

describe.each(cases(ENDPOINTS.filter((e) => e.paginated)))('%s cursor', (_name, e) => {
  const { list, key } = e.paginated!;
  const good = IN_RANGE_KEY[key];
  const foreign = list === 'customers' ? 'locations' : 'customers';
  const outOfRange = key === 'id' ? ['not-a-uuid', 42] : [...OUT_OF_RANGE[key], 'yesterday', 42];

  // The tampered cursors below differ from this one in one part each.
  it('accepts a well-formed cursor of its own list', async () => {
    const res = await send(e, withQuery(e, `after=${encode([list, good, UNKNOWN_ID])}`));
    expect(res.status, await res.text()).toBe(200);
  });

  const tampered: Array<[string, string]> = [
    ['a cursor of another list', encode([foreign, good, UNKNOWN_ID])],
    ...outOfRange.map((k): [string, string] => [`a sort key of ${JSON.stringify(k)}`, encode([list, k, UNKNOWN_ID])]),
    ['an id that is not a UUID', encode([list, good, '1 OR 1=1'])],
    ['a cursor without its list name', encode([good, UNKNOWN_ID])],
    ['an object', encode({ list, key: good, id: UNKNOWN_ID })],
    ['deeply nested arrays', Buffer.from('['.repeat(2000) + ']'.repeat(2000)).toString('base64url')],
    ['text that is not JSON', Buffer.from('["customers", 2026').toString('base64url')],
  ];
  it.each(tampered)('refuses %s with 400 naming after', async (_what, cursor) => {
    const p = await problem(await send(e, withQuery(e, `after=${cursor}`)), 400);
    expect(fieldsOf(p)).toContain('after');
  });
});

/** JSON nested `depth` levels deep, as text (JSON.stringify would overflow on it). */
const nested = (depth: number) => '{"deep":' + '['.repeat(depth - 1) + ']'.repeat(depth - 1) + '}';
const withRaw = (e: Endpoint, raw: string) => `{${[JSON.stringify(e.valid!(f)).slice(1, -1), raw].filter(Boolean).join(',')}}`;

describe.each(cases(ENDPOINTS.filter((e) => e.valid)))('%s body limits', (_name, e) => {
  const post = (body: string | Uint8Array, type = 'application/json') => send(e, e.path(f), { body, headers: { 'content-type': type } });

  it('refuses nesting deeper than 32 levels, however deep, with 400', async () => {
    for (const depth of [33, 100_000]) {
      const p = await problem(await post(withRaw(e, nested(depth).slice(1, -1))), 400);
      expect(p.detail).toMatch(/more than 32 levels/);
    }
  });

  it('refuses invalid UTF-8 with 400 instead of replacing it', async () => {
    const body = Buffer.concat([Buffer.from(withRaw(e, '"x":"').slice(0, -1)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    const p = await problem(await post(body), 400);
    expect(p.detail).toMatch(/UTF-8/);
  });

  it('refuses a body over 1 MB with 413 and a charset other than UTF-8 with 415', async () => {
    const p = await problem(await post(withRaw(e, `"x":"${'a'.repeat(1_100_000)}"`)), 413);
    expect(p.detail).toMatch(/larger than \d+ bytes/);
    await problem(await post(JSON.stringify(e.valid!(f)), 'application/json; charset=latin1'), 415);
  });
});

describe.each(cases(ENDPOINTS))('%s URL', (_name, e) => {
  it('refuses a URL over 8 KiB with 414', async () => {
    const p = await problem(await send(e, withQuery(e, `pad=${'a'.repeat(8 * 1024)}`), { json: e.valid?.(f) }), 414);
    expect(p.detail).toMatch(/8192 bytes/);
  });
});

describe('URL length', () => {
  it('reads a URL just under 8 KiB as usual', async () => {
    const path = `/api/v1/customers?pad=${'a'.repeat(8 * 1024 - 40)}`;
    expect(Buffer.byteLength(path)).toBeLessThanOrEqual(8 * 1024);
    const p = await problem(await app.api(path), 400);
    expect(fieldsOf(p)).toContain('pad');
  });
});

describe('malformed percent-encoding', () => {
  it('is a 400 problem document in a path and in a query, never a 500', async () => {
    await problem(await app.api(`/api/v1/customers/%FF%FE`), 400);
    await problem(await app.api(`/api/v1/customers/%E0%A4%A`), 400);
    const p = await problem(await app.api('/api/v1/customers?after=%FF%FE'), 400);
    expect(fieldsOf(p)).toContain('after');
    await problem(await app.api('/api/v1/appointments?phone=%E0%A4%A'), 400);
  });
});

describe('instant bounds', () => {
  it('accepts the first and the last instant of the range', async () => {
    for (const path of ['/time-off', '/appointments']) {
      const res = await app.api(`/api/v1${path}?from=1970-01-01T00:00:00Z&to=2199-12-31T23:59:59.999Z`);
      const body = (await res.json()) as { items: unknown[] };
      expect(res.status).toBe(200);
      expect(body.items.length, path).toBeGreaterThan(0);
    }
  });
});

describe('date parameters', () => {
  it('refuses an impossible date in the path', async () => {
    await problem(await app.api(`/api/v1/resources/${f.resourceId}/overrides/2026-02-30`), 400);
    await problem(await app.api(`/api/v1/resources/${f.resourceId}/overrides/2026-02-30`, { method: 'PUT', json: { intervals: [] } }), 400);
  });

  it.each(OUT_OF_RANGE.date)('refuses %s in the path', async (date) => {
    const p = await problem(await app.api(`/api/v1/resources/${f.resourceId}/overrides/${date}`, { method: 'PUT', json: { intervals: [] } }), 400);
    expect(fieldsOf(p)).toContain('date');
  });
});

it('wrote nothing through all of the above', async () => {
  expect(await snapshot(app)).toEqual(before);
});
