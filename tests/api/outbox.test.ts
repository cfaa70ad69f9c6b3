import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsSender } from '../../src/channels/sms/outbound.ts';
import { smsDeps } from '../../src/context.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// GET /api/v1/outbox: what Frontdesk sent (or, without Twilio, would have sent).

interface Page {
  items: Array<{ body: string } & Record<string, unknown>>;
  nextCursor: string | null;
}

let app: TestApp;
const to = '+12125550601';

beforeAll(async () => {
  app = await createTestApp();
  const sender = createSmsSender(smsDeps(app.ctx));
  for (let i = 1; i <= 5; i++) await sender.send({ to, body: `Message ${i}`, kind: 'notice', idempotencyKey: `outbox-test:${i}` });
  await sender.send({ to: '+12125550602', body: 'Someone else', kind: 'notice', idempotencyKey: 'outbox-test:other' });
  await app.t.db.customer.create({ data: { phone: '+12125550603', optedOut: true } });
  await sender.send({ to: '+12125550603', body: 'Held back', kind: 'reminder', idempotencyKey: 'outbox-test:optedout' });
});
afterAll(() => app.close());

describe('GET /api/v1/outbox', () => {
  it('needs the admin token', async () => {
    expect((await app.api(`/api/v1/outbox?to=${encodeURIComponent(to)}`, { auth: false })).status).toBe(401);
  });

  it('lists one recipient’s messages newest last, with status', async () => {
    const res = await app.api(`/api/v1/outbox?to=${encodeURIComponent(to)}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    expect(page.items.map((i: { body: string }) => i.body)).toEqual(['Message 1', 'Message 2', 'Message 3', 'Message 4', 'Message 5']);
    // Without Twilio credentials nothing was sent: the status says so.
    expect(page.items.map((i) => i.status)).toEqual(['outbox', 'outbox', 'outbox', 'outbox', 'outbox']);
    expect(page.items[0]).toMatchObject({ to, kind: 'notice', channel: 'sms', segments: 1, providerMessageId: null });
    expect(page.nextCursor).toBeNull();
  });

  it('accepts a formatted number and shows suppressed messages', async () => {
    const page = (await (await app.api(`/api/v1/outbox?to=${encodeURIComponent('+1 212 555 0603')}`)).json()) as Page;
    expect(page.items).toEqual([expect.objectContaining({ body: 'Held back', status: 'suppressed', error: 'recipient opted out' })]);
  });

  it('pages with a cursor', async () => {
    const first = (await (await app.api(`/api/v1/outbox?to=${encodeURIComponent(to)}&limit=2`)).json()) as Page;
    expect(first.items.map((i: { body: string }) => i.body)).toEqual(['Message 1', 'Message 2']);
    const second = (await (await app.api(`/api/v1/outbox?to=${encodeURIComponent(to)}&limit=2&after=${first.nextCursor}`)).json()) as Page;
    expect(second.items.map((i: { body: string }) => i.body)).toEqual(['Message 3', 'Message 4']);
  });

  it('rejects a malformed number with a field error', async () => {
    const res = await app.api('/api/v1/outbox?to=12345');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe('to');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await app.api('/api/v1/openapi.json')).json()) as { paths: Record<string, { get: { parameters: Array<{ name: string }> } }> };
    expect(doc.paths['/outbox']!.get.parameters.map((p) => p.name)).toContain('to');
  });
});
