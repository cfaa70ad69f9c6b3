import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLogger } from '../../src/log.ts';
import type { Clock } from '../../src/engine/clock.ts';
import type { WebhookDeps } from '../../src/webhooks/deps.ts';
import type { DeliveryPolicy } from '../../src/webhooks/policy.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createBusiness, createCustomer, createResource, createService } from '../engine/support/fixtures.ts';

// A local webhook receiver, a small business to book in, and the README's verification
// snippet loaded as a module, for the webhook tests.

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  eventId: string;
  answered: number | 'hung';
}

/** What the receiver does with its n-th request (1-based): answer a status, or never answer. */
export type ReceiverPlan = (n: number, body: string) => number | 'hang';

export interface Receiver {
  url: string;
  received: Received[];
  /** Event ids of the requests it answered 2xx, each once. */
  acceptedEventIds(): string[];
  close(): Promise<void>;
}

export async function startReceiver(plan: ReceiverPlan = () => 200): Promise<Receiver> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = plan(received.length + 1, body);
      received.push({ headers: req.headers, body, eventId: String(req.headers['frontdesk-event-id']), answered: answer === 'hang' ? 'hung' : answer });
      if (answer !== 'hang') res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    acceptedEventIds: () => [...new Set(received.filter((r) => typeof r.answered === 'number' && r.answered < 300).map((r) => r.eventId))],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A clock the test moves. */
export function movableClock(start: string): Clock & { set(at: string | Date): void; advance(ms: number): void } {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  return Object.assign(clock, {
    set: (at: string | Date) => void (now = new Date(at).getTime()),
    advance: (ms: number) => void (now += ms),
  });
}

export const TEST_POLICY: DeliveryPolicy = {
  timeoutMs: 2000,
  maxAttempts: 12,
  firstRetrySeconds: 60,
  maxRetrySeconds: 3600,
  disableAfterFailures: 10,
  disableAfterHours: 2,
  leaseMarginMs: 30_000,
};

export function webhookDeps(app: TestApp, over: Partial<Omit<WebhookDeps, 'policy'>> & { policy?: Partial<DeliveryPolicy> } = {}): WebhookDeps {
  const { policy, ...rest } = over;
  return { db: app.t.db, scheduler: app.ctx.scheduler, clock: app.ctx.clock, log: createLogger('silent'), policy: { ...TEST_POLICY, ...policy }, ...rest };
}

export interface Clinic {
  app: TestApp;
  clock: ReturnType<typeof movableClock>;
  serviceId: string;
  customerId: string;
}

/** An app whose clock the test moves, with one bookable service (30 minutes, weekdays 9–17 New York). */
export async function startClinic(start = '2026-11-30T12:00:00Z'): Promise<Clinic> {
  const clock = movableClock(start);
  const app = await createTestApp({ clock });
  const { business, location } = await createBusiness(app.t.db);
  const dana = await createResource(app.t.db, location.id, { name: 'Dana' });
  const service = await createService(app.t.db, business.id, { slug: 'visit', eligible: [dana.id] });
  const customer = await createCustomer(app.t.db);
  return { app, clock, serviceId: service.id, customerId: customer.id };
}

export const staff = { type: 'user' as const, id: 'bootstrap-admin', channel: 'api' as const };

export async function book(c: Clinic, start: string): Promise<string> {
  const r = await c.app.ctx.scheduler.book({ service: c.serviceId, start: new Date(start), customerId: c.customerId, channel: 'api', actor: staff });
  if (!r.ok) throw new Error(`booking failed: ${r.message}`);
  return r.appointment.id;
}

export async function subscribe(app: TestApp, input: { url: string; eventTypes: string[] }): Promise<{ id: string; secret: string }> {
  const res = await app.api('/api/v1/webhooks', { method: 'POST', json: input });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`subscribe: ${res.status} ${text}`);
  return JSON.parse(text) as { id: string; secret: string };
}

type Verify = (secret: string, header: string, rawBody: string | Buffer, toleranceSeconds?: number) => boolean;

/** The ```js block of the README's "Verifying a delivery" section, verbatim. */
export async function readmeSnippet(): Promise<string> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split('\n### Verifying a delivery\n')[1];
  const block = section?.match(/```js\n([\s\S]*?)```/);
  if (!block) throw new Error('README has no js block under "### Verifying a delivery"');
  return block[1]!;
}

/** The README's snippet, written to a file and imported as any receiver would. */
export async function loadReadmeVerifier(): Promise<Verify> {
  const dir = await mkdtemp(path.join(tmpdir(), 'frontdesk-verify-'));
  const file = path.join(dir, 'verify.mjs');
  await writeFile(file, await readmeSnippet());
  const mod = (await import(pathToFileURL(file).href)) as { verifyFrontdeskSignature: Verify };
  return mod.verifyFrontdeskSignature;
}
