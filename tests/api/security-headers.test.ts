import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

// Every response, errors included, carries the standard security headers; a
// request id from outside is kept only when it is short and plain.

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('security headers', () => {
  it.each([
    ['a health check', '/healthz', { auth: false as const }, 200],
    ['an admin API answer', '/api/v1/outbox', {}, 200],
    ['a refused request', '/api/v1/outbox', { auth: false as const }, 401],
    ['an unknown path', '/nowhere', {}, 404],
  ])('are on %s', async (_name, path, init, status) => {
    const res = await app.api(path, init);
    expect(res.status).toBe(status);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('request id', () => {
  const idFor = async (presented?: string) =>
    (await app.api('/healthz', { auth: false, headers: presented === undefined ? {} : { 'x-request-id': presented } })).headers.get('x-request-id');

  it.each(['3f2c1d9e-8b7a-4c6d-9e0f-123456789012', 'req_01HZX3K4Q7', 'Root=1-67891233-abcdef012345678912345678', 'a'.repeat(128)])(
    'keeps a plain id from the client or proxy: %s',
    async (id) => {
      expect(await idFor(id)).toBe(id);
    },
  );

  it.each([
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'forged entry level=error'],
    ['with markup', '<script>alert(1)</script>'],
    ['with quotes', '"},"admin":true'],
    ['empty', ''],
  ])('replaces an id %s with a fresh one', async (_why, id) => {
    expect(await idFor(id)).toMatch(UUID);
  });

  it('generates one when none is sent, different each time', async () => {
    const [a, b] = [await idFor(), await idFor()];
    expect(a).toMatch(UUID);
    expect(b).toMatch(UUID);
    expect(a).not.toBe(b);
  });
});
