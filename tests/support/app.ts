import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { createHttpApp, type MountedRouter } from '../../src/api/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createAppContext, smsNotifierOf, type AppContext } from '../../src/context.ts';
import type { Notifier } from '../../src/contract/notifier.ts';
import { fixedClock, type Clock } from '../../src/engine/clock.ts';
import { createScheduler } from '../../src/engine/scheduler.ts';
import { createPool } from '../../src/db/client.ts';
import { createSchedulingStore } from '../../src/db/scheduling/store.ts';
import { createLogger } from '../../src/log.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

// An app on its own fresh database, for HTTP-level tests with supertest-style
// requests through fetch against an ephemeral port.

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface TestApp {
  t: TestDatabase;
  ctx: AppContext;
  app: Express;
  /** Base URL of the app listening on an ephemeral port. */
  url: string;
  /** fetch against the app with the admin token (unless `auth: false` or another token is given). */
  api(path: string, init?: RequestInit & { auth?: false | string; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

export async function createTestApp(opts: { env?: Record<string, string>; clock?: Clock | string; routers?: (ctx: AppContext) => MountedRouter[]; notifiers?: (ctx: AppContext) => Notifier[] } = {}): Promise<TestApp> {
  const t = await createTestDatabase();
  // Suites send hundreds of requests from one token or sender; tests/api/rate-limit.test.ts turns the limits on.
  const config: Config = loadConfig({ FRONTDESK_ADMIN_TOKEN: TEST_ADMIN_TOKEN, LOG_LEVEL: 'silent', DATABASE_URL: t.url, RATE_LIMIT_ADMIN_REQUESTS: '0', RATE_LIMIT_WEBHOOK_REQUESTS: '0', ...opts.env });
  const clock = typeof opts.clock === 'string' ? fixedClock(opts.clock) : (opts.clock ?? (() => new Date()));
  const pool = createPool(t.url);
  const scheduler = createScheduler(createSchedulingStore(pool), clock, { holdMinutes: config.FRONTDESK_HOLD_MINUTES });
  // The SMS notifier over the local outbox (or Twilio when a test configures it), as in production.
  const notifiers = opts.notifiers ?? ((c: AppContext) => [smsNotifierOf(c)]);
  const ctx: AppContext = createAppContext({ config, db: t.db, log: createLogger('silent'), clock, scheduler }, notifiers);
  const app = createHttpApp(ctx, opts.routers?.(ctx) ?? []);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    t,
    ctx,
    app,
    url,
    api(path, init = {}) {
      const { auth, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (auth !== false) headers.set('authorization', `Bearer ${auth ?? TEST_ADMIN_TOKEN}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(url + path, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
      await t.drop();
    },
  };
}
