import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createBusiness, createResource, createService } from '../engine/support/fixtures.ts';

// A booking, move or cancel made through the admin API tells the customer, by the same
// outbound path and wording a chat booking uses: once per change, never for a refusal.

describe('customer notices from the admin API', () => {
  let app: TestApp;
  let dana: string;
  const phone = '+12125550171';

  beforeAll(async () => {
    app = await createTestApp({ clock: '2026-11-30T12:00:00Z' });
    const db = app.t.db;
    const { business, location } = await createBusiness(db);
    dana = (await createResource(db, location.id, { name: 'Dana' })).id;
    await createService(db, business.id, { slug: 'visit', eligible: [dana] });
    await createService(db, business.id, { slug: 'consult', requiresApproval: true, eligible: [dana] });
  });
  afterAll(() => app.close());

  const post = (path: string, json: unknown) => app.api(`/api/v1${path}`, { method: 'POST', json });
  const outbox = async () => {
    const res = await app.api(`/api/v1/outbox?to=${encodeURIComponent(phone)}`);
    return ((await res.json()) as { items: Array<{ kind: string; body: string; status: string; appointmentId: string | null }> }).items;
  };

  it('confirms a booking once, also when the request is retried, and sends nothing for a refused one', async () => {
    const body = { service: 'visit', start: '2026-12-01T15:00:00Z', resource: dana, customer: { phone }, idempotencyKey: 'api-notice-1' };
    const booked = (await (await post('/appointments', body)).json()) as { id: string };
    expect((await post('/appointments', body)).status).toBe(201);
    expect((await post('/appointments', { ...body, idempotencyKey: 'api-notice-2' })).status).toBe(409);

    const sent = await outbox();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'confirmation', status: 'outbox', appointmentId: booked.id });
    expect(sent[0]!.body).toMatch(/your visit on Tue Dec 1, 10:00 AM.* is confirmed\./);
  });

  it('confirms the new time of a reschedule and tells of a cancel', async () => {
    const first = (await (await post('/appointments', { service: 'visit', start: '2026-12-02T15:00:00Z', customer: { phone } })).json()) as { id: string };
    const moved = (await (await post(`/appointments/${first.id}/reschedule`, { start: '2026-12-02T16:00:00Z' })).json()) as { id: string };
    await post(`/appointments/${moved.id}/cancel`, { reason: 'travelling' });

    const mine = (await outbox()).filter((m) => m.appointmentId === first.id || m.appointmentId === moved.id);
    expect(mine.map((m) => [m.kind, m.appointmentId])).toEqual([
      ['confirmation', first.id],
      ['confirmation', moved.id],
      ['notice', moved.id],
    ]);
    expect(mine[1]!.body).toMatch(/11:00/);
    expect(mine[2]!.body).toMatch(/is canceled/);
  });

  it('does not call a request awaiting approval booked, and confirms it when staff confirm it', async () => {
    const requested = (await (await post('/appointments', { service: 'consult', start: '2026-12-03T15:00:00Z', customer: { phone } })).json()) as { id: string; status: string };
    expect(requested.status).toBe('requested');
    expect((await outbox()).filter((m) => m.appointmentId === requested.id)).toEqual([]);
    await post(`/appointments/${requested.id}/status`, { status: 'confirmed' });
    expect((await outbox()).filter((m) => m.appointmentId === requested.id).map((m) => m.kind)).toEqual(['confirmation']);
  });
});
