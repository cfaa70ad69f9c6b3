import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/api/app.ts';
import { hashToken } from '../../src/api/auth.ts';
import type { Config } from '../../src/config.ts';
import { createRateLimiter } from '../../src/http/rate-limit.ts';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app.ts';

// The admin API limits each client: after N requests in a window the next gets 429
// with Retry-After as problem+json, another client is unaffected, and X-Forwarded-For
// buys a fresh budget only through as many proxies as TRUST_PROXY_HOPS says.

const LIMIT = 3;
const OTHER_TOKEN = 'second-admin-token-0123456789';

let base: TestApp;
const servers: Server[] = [];

beforeAll(async () => {
  base = await createTestApp();
  const user = await base.ctx.db.user.create({ data: { name: 'Second client', role: 'admin' } });
  await base.ctx.db.apiToken.create({ data: { name: 'second', tokenHash: hashToken(OTHER_TOKEN), role: 'admin', userId: user.id } });
});
afterAll(async () => {
  for (const s of servers) await new Promise((resolve) => s.close(resolve));
  await base.close();
});

/** The same database behind an app with other settings; each app has fresh counters. */
async function appWith(settings: Partial<Config>) {
  const app = createHttpApp({ ...base.ctx, config: { ...base.ctx.config, RATE_LIMIT_ADMIN_REQUESTS: LIMIT, ...settings } });
  const url = await listen(app);
  return (opts: { token?: string; forwardedFor?: string } = {}) =>
    fetch(`${url}/api/v1/outbox`, {
      headers: {
        authorization: `Bearer ${opts.token ?? TEST_ADMIN_TOKEN}`,
        ...(opts.forwardedFor ? { 'x-forwarded-for': opts.forwardedFor } : {}),
      },
    });
}

async function listen(app: express.Express): Promise<string> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function spend(request: () => Promise<Response>, times: number): Promise<number[]> {
  const statuses = [];
  for (let i = 0; i < times; i++) statuses.push((await request()).status);
  return statuses;
}

describe('admin API rate limit', () => {
  it('answers 429 with Retry-After as problem+json once a token has spent its budget', async () => {
    const get = await appWith({});
    expect(await spend(get, LIMIT)).toEqual([200, 200, 200]);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail: expect.stringContaining('retry after') });
  });

  it('limits per token: another client keeps its whole budget', async () => {
    const get = await appWith({});
    await spend(get, LIMIT + 1);
    expect(await spend(() => get({ token: OTHER_TOKEN }), LIMIT)).toEqual([200, 200, 200]);
    expect((await get({ token: OTHER_TOKEN })).status).toBe(429);
  });

  it('counts failed authentications per IP, so guessing tokens is slow', async () => {
    const get = await appWith({});
    expect(await spend(() => get({ token: 'guess-0123456789abcdef' }), LIMIT)).toEqual([401, 401, 401]);
    expect((await get({ token: 'guess-fedcba9876543210' })).status).toBe(429);
  });

  it('does not let a client without a trusted proxy pick a new IP through X-Forwarded-For', async () => {
    const get = await appWith({ TRUST_PROXY_HOPS: 0 });
    const guesses = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4'];
    const statuses = [];
    for (const ip of guesses) statuses.push((await get({ token: 'guess-0123456789abcdef', forwardedFor: ip })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('tells clients apart by the address one trusted proxy forwarded', async () => {
    const get = await appWith({ TRUST_PROXY_HOPS: 1 });
    const guess = (ip: string) => () => get({ token: 'guess-0123456789abcdef', forwardedFor: ip });
    expect(await spend(guess('203.0.113.1'), LIMIT + 1)).toEqual([401, 401, 401, 429]);
    expect(await spend(guess('203.0.113.2'), LIMIT)).toEqual([401, 401, 401]);
  });

  it('is off when RATE_LIMIT_ADMIN_REQUESTS is 0', async () => {
    const get = await appWith({ RATE_LIMIT_ADMIN_REQUESTS: 0 });
    const statuses = await spend(get, LIMIT * 3);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });
});

describe('a limiter keyed by the caller (as webhooks key by verified sender)', () => {
  // The webhook router runs it after the signature check, with the sender as key;
  // here a header stands in for that verified sender.
  async function webhook() {
    const app = express();
    app.use(createRateLimiter({ name: 'sms-sender', limit: 2, windowSeconds: 60, key: (req) => req.get('x-sender') }));
    app.post('/sms', (_req, res) => res.status(204).end());
    const url = await listen(app);
    return (sender?: string) => () => fetch(`${url}/sms`, { method: 'POST', headers: sender ? { 'x-sender': sender } : {} });
  }

  it('limits each sender on its own and lets requests without a sender through uncounted', async () => {
    const post = await webhook();
    expect(await spend(post('+12125550123'), 3)).toEqual([204, 204, 429]);
    expect(await spend(post('+12125550199'), 2)).toEqual([204, 204]);
    expect(await spend(post(), 5)).toEqual([204, 204, 204, 204, 204]);
  });
});

