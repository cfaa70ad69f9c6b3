import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scheduler } from '../../src/engine/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { OVERLAP_SQL, createBusiness, createCustomer, createResource, createService, system } from './support/fixtures.ts';
import { schedulerFor } from '../support/scheduler.ts';

// Booking, holds, reschedule, cancel and status against a real Postgres.

describe('booking against Postgres', () => {
  let t: TestDatabase;
  let s: Scheduler;
  let now = new Date('2026-11-30T12:00:00Z');
  let ids: { location: string; service: string; approval: string; dana: string; eli: string; customer: string; business: string };

  beforeAll(async () => {
    t = await createTestDatabase();
    const { business, location } = await createBusiness(t.db);
    const dana = await createResource(t.db, location.id, { name: 'Dana' });
    const eli = await createResource(t.db, location.id, { name: 'Eli' });
    const service = await createService(t.db, business.id, { slug: 'visit', bufferAfterMinutes: 15, eligible: [dana.id, eli.id], cancellationWindowMinutes: 24 * 60 });
    const approval = await createService(t.db, business.id, { slug: 'consult', requiresApproval: true, eligible: [dana.id] });
    const customer = await createCustomer(t.db);
    ids = { location: location.id, service: service.id, approval: approval.id, dana: dana.id, eli: eli.id, customer: customer.id, business: business.id };
    s = schedulerFor(t, () => new Date(now));
  });
  afterAll(() => t.drop());

  const at = (iso: string) => new Date(iso);

  it('books a confirmed appointment with its resources, and writes an event', async () => {
    const r = await s.book({ service: 'visit', start: at('2026-12-01T14:00:00Z'), resourceId: ids.dana, customerId: ids.customer, channel: 'api', actor: system });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.appointment).toMatchObject({ status: 'confirmed', resourceIds: [ids.dana], serviceId: ids.service, locationId: ids.location });
    expect(r.appointment.end.toISOString()).toBe('2026-12-01T14:30:00.000Z');
    // Read with pg, which honours the offset Postgres sends whatever its TimeZone setting.
    const { rows: rv } = await t.pool.query(`SELECT block_start, block_end, session_key FROM reservation WHERE appointment_id = $1`, [r.appointment.id]);
    // The after-buffer is part of the block, not of the appointment.
    expect(rv.map((x) => [x.block_start.toISOString(), x.block_end.toISOString(), x.session_key])).toEqual([
      ['2026-12-01T14:00:00.000Z', '2026-12-01T14:45:00.000Z', r.appointment.id],
    ]);
    const events = await t.db.appointmentEvent.findMany({ where: { appointmentId: r.appointment.id } });
    expect(events.map((e) => e.action)).toEqual(['booked']);
  });

  it('routes a booking with no resource to a free one, and refuses the same resource twice', async () => {
    const again = await s.book({ service: 'visit', start: at('2026-12-01T14:00:00Z'), resourceId: ids.dana, channel: 'api', actor: system });
    expect(again).toMatchObject({ ok: false, kind: 'conflict' });
    if (!again.ok && again.kind === 'conflict') {
      expect(again.alternatives.length).toBe(3);
      // Nearest first. Dana's 14:00 block runs to 14:45 (after-buffer), so 14:30 is taken
      // too and her hours start at 14:00Z: the nearest free starts all come after.
      expect(again.alternatives.map((a) => a.start.toISOString())).toEqual([
        '2026-12-01T15:00:00.000Z',
        '2026-12-01T15:30:00.000Z',
        '2026-12-01T16:00:00.000Z',
      ]);
      expect(again.alternatives.every((a) => a.resourceIds[0] === ids.dana)).toBe(true);
    }
    const any = await s.book({ service: 'visit', start: at('2026-12-01T14:00:00Z'), channel: 'api', actor: system });
    expect(any.ok && any.appointment.resourceIds).toEqual([ids.eli]);
    expect((await t.pool.query(OVERLAP_SQL)).rows[0].n).toBe(0);
  });

  it('returns the same appointment for the same idempotency key', async () => {
    const req = { service: 'visit', start: at('2026-12-02T15:00:00Z'), channel: 'api' as const, actor: system, idempotencyKey: 'key-1' };
    const [a, b] = await Promise.all([s.book(req), s.book(req)]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.appointment.id).toBe(b.appointment.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    const c = await s.book(req);
    expect(c.ok && c.replayed && c.appointment.id).toBe(a.appointment.id);
  });

  it('creates requested appointments for services that need approval, then follows the state machine', async () => {
    const r = await s.book({ service: 'consult', start: at('2026-12-03T15:00:00Z'), channel: 'api', actor: system });
    expect(r.ok && r.appointment.status).toBe('requested');
    if (!r.ok) return;
    const id = r.appointment.id;
    expect(await s.setStatus(id, 'completed', system)).toMatchObject({ ok: false, rule: 'invalid_transition' });
    expect(await s.setStatus(id, 'confirmed', system)).toMatchObject({ ok: true, appointment: { status: 'confirmed' } });
    expect(await s.setStatus(id, 'requested', system)).toMatchObject({ ok: false, rule: 'invalid_transition' });
    expect(await s.setStatus(id, 'completed', system)).toMatchObject({ ok: true, appointment: { status: 'completed' } });
    expect(await s.setStatus(id, 'no_show', system)).toMatchObject({ ok: false, rule: 'invalid_transition' });
    expect(await s.cancel(id, system)).toMatchObject({ ok: false, rule: 'invalid_transition' });
    const events = await t.db.appointmentEvent.findMany({ where: { appointmentId: id }, orderBy: { at: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['requested', 'status', 'status']);
  });

  it('cancels with who, why and the late-cancel flag, and frees the time', async () => {
    const late = await s.book({ service: 'visit', start: at('2026-11-30T14:00:00-05:00'), resourceId: ids.dana, channel: 'api', actor: system });
    const early = await s.book({ service: 'visit', start: at('2026-12-04T10:00:00-05:00'), resourceId: ids.dana, channel: 'api', actor: system });
    if (!late.ok || !early.ok) throw new Error('setup failed');
    const c1 = await s.cancel(late.appointment.id, { type: 'customer', id: ids.customer, channel: 'sms' }, 'sick');
    expect(c1).toMatchObject({ ok: true, lateCancel: true, appointment: { status: 'canceled', cancelReason: 'sick', canceledBy: `customer:${ids.customer}` } });
    const c2 = await s.cancel(early.appointment.id, system);
    expect(c2).toMatchObject({ ok: true, lateCancel: false });
    const rebook = await s.book({ service: 'visit', start: at('2026-11-30T14:00:00-05:00'), resourceId: ids.dana, channel: 'api', actor: system });
    expect(rebook.ok).toBe(true);
  });

  it('reschedules atomically onto an overlapping time, keeping the provider and linking the old appointment', async () => {
    const r = await s.book({ service: 'visit', start: at('2026-12-07T16:00:00Z'), resourceId: ids.eli, customerId: ids.customer, channel: 'api', actor: system });
    if (!r.ok) throw new Error('setup failed');
    const moved = await s.reschedule(r.appointment.id, at('2026-12-07T16:30:00Z'), system);
    expect(moved).toMatchObject({ ok: true, appointment: { status: 'confirmed', resourceIds: [ids.eli], rescheduledFromId: r.appointment.id } });
    const old = await s.getAppointment(r.appointment.id);
    expect(old).toMatchObject({ status: 'canceled', cancelReason: 'rescheduled' });
    expect(await s.reschedule(r.appointment.id, at('2026-12-07T18:00:00Z'), system)).toMatchObject({ ok: false, rule: 'invalid_transition' });
    expect((await t.pool.query(OVERLAP_SQL)).rows[0].n).toBe(0);
  });

  it('keeps the old appointment when the new time is taken', async () => {
    const a = await s.book({ service: 'visit', start: at('2026-12-08T15:00:00Z'), resourceId: ids.dana, channel: 'api', actor: system });
    const b = await s.book({ service: 'visit', start: at('2026-12-08T15:00:00Z'), resourceId: ids.eli, channel: 'api', actor: system });
    const c = await s.book({ service: 'visit', start: at('2026-12-08T16:00:00Z'), resourceId: ids.dana, channel: 'api', actor: system });
    if (!a.ok || !b.ok || !c.ok) throw new Error('setup failed');
    const moved = await s.reschedule(c.appointment.id, at('2026-12-08T15:00:00Z'), system);
    expect(moved).toMatchObject({ ok: false, kind: 'conflict' });
    expect(await s.getAppointment(c.appointment.id)).toMatchObject({ status: 'confirmed' });
  });

  it('holds a slot against everyone else until it expires, then converts or lapses', async () => {
    const h = await s.hold({ service: 'visit', start: at('2026-12-09T15:00:00Z'), resourceId: ids.dana, channel: 'sms', actor: system });
    expect(h.ok).toBe(true);
    if (!h.ok) return;
    expect(h.expiresAt.getTime() - now.getTime()).toBe(10 * 60_000);
    const blocked = await s.book({ service: 'visit', start: at('2026-12-09T15:00:00Z'), resourceId: ids.dana, channel: 'api', actor: system });
    expect(blocked).toMatchObject({ ok: false, kind: 'conflict' });
    const slots = await s.findSlots({ service: 'visit', from: at('2026-12-09T15:00:00Z'), to: at('2026-12-09T15:30:00Z'), resourceId: ids.dana });
    expect(slots).toEqual([]);

    const booked = await s.book({ service: 'visit', start: at('2026-12-09T15:00:00Z'), holdId: h.holdId, customerId: ids.customer, channel: 'sms', actor: system });
    expect(booked).toMatchObject({ ok: true, appointment: { resourceIds: [ids.dana], status: 'confirmed' } });
    expect(await t.db.hold.count({ where: { id: h.holdId } })).toBe(0);
    const { rows: rv } = await t.pool.query(`SELECT session_key FROM reservation WHERE resource_id = $1 AND block_start = $2`, [ids.dana, '2026-12-09T15:00:00Z']);
    expect(rv).toHaveLength(1);
    expect(rv[0].session_key).toBe(booked.ok ? booked.appointment.id : '');

    const lapsing = await s.hold({ service: 'visit', start: at('2026-12-09T17:00:00Z'), resourceId: ids.dana, channel: 'sms', actor: system, minutes: 5 });
    if (!lapsing.ok) throw new Error('setup failed');
    const before = now;
    now = new Date(now.getTime() + 6 * 60_000);
    try {
      expect(await s.book({ service: 'visit', start: at('2026-12-09T17:00:00Z'), holdId: lapsing.holdId, channel: 'sms', actor: system })).toMatchObject({
        ok: false,
        rule: 'hold_expired',
      });
      // The expired hold no longer blocks: another customer gets the time.
      const other = await s.book({ service: 'visit', start: at('2026-12-09T17:00:00Z'), resourceId: ids.dana, channel: 'api', actor: system });
      expect(other.ok).toBe(true);
      expect(await t.db.hold.count({ where: { id: lapsing.holdId } })).toBe(0);
    } finally {
      now = before;
    }
  });

  it('books a hold in one statement as the stored appointment, and a retried booking of it returns the first', async () => {
    const h = await s.hold({ service: 'visit', start: at('2026-12-09T19:00:00Z'), resourceId: ids.eli, customerId: ids.customer, channel: 'sms', actor: system });
    if (!h.ok) throw new Error('setup failed');
    const req = { service: 'visit', start: at('2026-12-09T19:00:00Z'), holdId: h.holdId, channel: 'sms' as const, actor: system, idempotencyKey: 'held-1' };
    const first = await s.book(req);
    expect(first).toMatchObject({ ok: true, replayed: false, appointment: { resourceIds: [ids.eli], customerId: ids.customer, locationId: ids.location } });
    if (!first.ok) return;
    // The view built without reading the appointment back is the stored one.
    expect(first.appointment).toEqual(await s.getAppointment(first.appointment.id));
    const events = await s.getEvents(first.appointment.id);
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ['booked', { holdId: h.holdId }, { status: 'confirmed', start: '2026-12-09T19:00:00.000Z', end: '2026-12-09T19:30:00.000Z', resourceIds: [ids.eli] }],
    ]);
    // The hold is gone now; the same key still answers with the first appointment.
    const again = await s.book(req);
    expect(again).toMatchObject({ ok: true, replayed: true, appointment: { id: first.appointment.id } });
  });

  it('releases a hold on request', async () => {
    const h = await s.hold({ service: 'visit', start: at('2026-12-10T15:00:00Z'), resourceId: ids.dana, channel: 'sms', actor: system });
    if (!h.ok) throw new Error('setup failed');
    await s.releaseHold(h.holdId);
    expect((await s.book({ service: 'visit', start: at('2026-12-10T15:00:00Z'), resourceId: ids.dana, channel: 'api', actor: system })).ok).toBe(true);
  });

  it('names the rule that refuses a booking', async () => {
    const base = { service: 'visit', channel: 'api' as const, actor: system };
    expect(await s.book({ ...base, service: 'nope', start: at('2026-12-01T15:00:00Z') })).toMatchObject({ ok: false, rule: 'unknown_service' });
    expect(await s.book({ ...base, start: at('2026-11-30T11:00:00Z') })).toMatchObject({ ok: false, rule: 'min_notice' });
    expect(await s.book({ ...base, start: at('2027-06-01T15:00:00Z') })).toMatchObject({ ok: false, rule: 'max_horizon' });
    expect(await s.book({ ...base, start: at('2026-12-01T23:00:00Z') })).toMatchObject({ ok: false, rule: 'outside_hours' });
    expect(await s.book({ ...base, start: at('2026-12-01T15:10:00Z') })).toMatchObject({ ok: false, rule: 'off_grid' });
    expect(await s.book({ ...base, service: 'consult', start: at('2026-12-01T16:00:00Z'), resourceId: ids.eli })).toMatchObject({ ok: false, rule: 'not_eligible' });
  });

  it('lists appointments with filters and cursor pagination', async () => {
    const all = await s.listAppointments({ limit: 500 });
    const page1 = await s.listAppointments({ limit: 3 });
    expect(page1.items).toHaveLength(3);
    const page2 = await s.listAppointments({ limit: 3, after: page1.nextCursor! });
    expect(page2.items[0]!.id).toBe(all.items[3]!.id);
    const starts = all.items.map((a) => a.start.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const canceled = await s.listAppointments({ status: ['canceled'] });
    expect(canceled.items.length).toBeGreaterThan(0);
    expect(canceled.items.every((a) => a.status === 'canceled')).toBe(true);
    const byPhone = await s.listAppointments({ customerPhone: '+12125550100' });
    expect(byPhone.items.length).toBeGreaterThan(0);
    expect(byPhone.items.length).toBeLessThan(all.items.length);
    expect(byPhone.items.every((a) => a.customerId === ids.customer)).toBe(true);
    const eli = await s.listAppointments({ resourceId: ids.eli, from: at('2026-12-07T00:00:00Z'), to: at('2026-12-08T00:00:00Z') });
    expect(eli.items.length).toBeGreaterThan(0);
    expect(eli.items.every((a) => a.resourceIds.includes(ids.eli) && a.start.toISOString().startsWith('2026-12-07'))).toBe(true);
  });

  it('shows who requested an appointment and lists by requester, through booking and reschedule', async () => {
    const user = await t.db.user.create({ data: { name: 'Staff member' } });
    const other = await t.db.user.create({ data: { name: 'Someone else' } });
    const base = { service: 'visit', channel: 'slack' as const, actor: { type: 'user' as const, id: user.id } };
    const mine = await s.book({ ...base, start: at('2026-12-09T15:00:00Z'), requesterUserId: user.id });
    const theirs = await s.book({ ...base, start: at('2026-12-09T16:00:00Z'), requesterUserId: other.id });
    if (!mine.ok || !theirs.ok) throw new Error('booking failed');
    expect(mine.appointment.requesterUserId).toBe(user.id);
    expect((await s.getAppointment(mine.appointment.id))?.requesterUserId).toBe(user.id);
    const moved = await s.reschedule(mine.appointment.id, at('2026-12-09T17:00:00Z'), base.actor);
    if (!moved.ok) throw new Error('reschedule failed');
    expect(moved.appointment.requesterUserId).toBe(user.id);
    const listed = await s.listAppointments({ requesterUserId: user.id, status: ['confirmed'] });
    expect(listed.items.map((a) => a.id)).toEqual([moved.appointment.id]);
    expect((await s.listAppointments({ requesterUserId: 'not-a-uuid' })).items).toEqual([]);
  });
});
