import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page } from '../../src/api/schemas/common.ts';
import { CustomerView } from '../../src/api/schemas/customer.ts';
import { ResourceView } from '../../src/api/schemas/resource.ts';
import { ServiceView } from '../../src/api/schemas/service.ts';
import { describeSeed, seedDemoIfEmpty } from '../../src/seed/demo.ts';
import type { SeedSummary } from '../../src/seed/load.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/db.ts';

// The demo business promised by the README: its shape, and that its appointments
// are real bookings (reservations with buffers) placed in working hours after "now".

// A Tuesday afternoon in New York.
const NOW = new Date('2026-12-01T20:00:00Z');

let app: TestApp;
let summary: SeedSummary;
beforeAll(async () => {
  app = await createTestApp({ clock: NOW.toISOString() });
  summary = (await seedDemoIfEmpty(app.ctx.db, NOW))!;
});
afterAll(() => app.close());

const get = async (path: string) => {
  const res = await app.api(`/api/v1${path}`);
  expect(res.status).toBe(200);
  return res.json();
};

describe('demo business', () => {
  it('reports what it created', () => {
    expect(summary).toMatchObject({ locations: 2, services: 6, resources: 11, customers: 5, appointments: 6 });
    expect(describeSeed(summary)).toMatch(/^"Maple & Main Hair Studio": 2 locations, 6 services, 11 resources/);
  });

  it('has two locations in different time zones, with addresses and postal codes', async () => {
    const locations = await app.ctx.db.location.findMany();
    expect(new Set(locations.map((l) => l.timeZone))).toEqual(new Set(['America/New_York', 'America/Los_Angeles']));
    for (const l of locations) {
      expect(l.address).toMatch(/\d{5}$/);
      expect(l.postalCodes.length).toBeGreaterThan(0);
    }
  });

  it('has services covering classes, approval, staff + room and conditional intake', async () => {
    const services = page(ServiceView).parse(await get('/services?limit=50')).items;
    expect(services).toHaveLength(6);
    expect(services.filter((s) => s.seats > 1)).toHaveLength(1);
    expect(services.filter((s) => s.requiresApproval)).toHaveLength(1);
    expect(services.some((s) => s.requirements.map((r) => r.kind).sort().join() === 'room,staff' && s.seats === 1)).toBe(true);
    expect(services.some((s) => s.intakeQuestions.some((q) => q.when))).toBe(true);
    for (const s of services) {
      expect(s.synonyms.length).toBeGreaterThan(0);
      expect(s.durationMinutes).toBeGreaterThan(0);
    }
    expect(services.some((s) => s.bufferBeforeMinutes > 0 && s.bufferAfterMinutes > 0)).toBe(true);
    expect(new Set(services.map((s) => s.slotStepMinutes)).size).toBeGreaterThan(1);
  });

  it('has eight staff with skills and languages (some Spanish speakers) and three rooms', async () => {
    const resources = page(ResourceView).parse(await get('/resources?limit=50')).items;
    const staff = resources.filter((r) => r.kind === 'staff');
    expect(staff).toHaveLength(8);
    expect(resources.filter((r) => r.kind === 'room')).toHaveLength(3);
    for (const s of staff) expect(s.skills.length).toBeGreaterThan(0);
    expect(staff.filter((s) => s.languages.includes('es')).length).toBeGreaterThanOrEqual(2);
    const locations = new Set(staff.map((s) => s.locationId));
    expect(locations.size).toBe(2);
  });

  it('gives every resource weekly hours, with lunch breaks', async () => {
    const hours = await app.ctx.db.weeklyHours.findMany();
    const resources = await app.ctx.db.resource.findMany({ select: { id: true } });
    for (const r of resources) expect(hours.some((h) => h.resourceId === r.id)).toBe(true);
    const perDay = new Map<string, number>();
    for (const h of hours) perDay.set(`${h.resourceId}/${h.weekday}`, (perDay.get(`${h.resourceId}/${h.weekday}`) ?? 0) + 1);
    expect([...perDay.values()].filter((n) => n > 1).length).toBeGreaterThan(0);
  });

  it('has customers with E.164 phones', async () => {
    const customers = page(CustomerView).parse(await get('/customers')).items;
    expect(customers).toHaveLength(5);
    for (const c of customers) expect(c.phone).toMatch(/^\+[1-9]\d{7,14}$/);
  });

  it('books its appointments after now, inside working hours, with reservations that include buffers', async () => {
    const appointments = await app.ctx.db.appointment.findMany({
      include: { service: { include: { requirements: true } }, reservations: { include: { resource: { include: { weeklyHours: true } } } }, events: true },
      orderBy: { startsAt: 'asc' },
    });
    expect(appointments).toHaveLength(6);
    expect(appointments.filter((a) => a.status === 'requested')).toHaveLength(1);
    for (const a of appointments) {
      expect(a.startsAt > NOW).toBe(true);
      expect(a.startsAt.getTime() - NOW.getTime()).toBeLessThan(14 * 86_400_000);
      expect(a.endsAt.getTime() - a.startsAt.getTime()).toBe(a.service.durationMinutes * 60_000);
      expect(a.ruleVersion).toBe(a.service.ruleVersion);
      expect(a.events.map((e) => e.action)).toEqual(['created']);
      expect(a.reservations.map((r) => r.resource.kind).sort()).toEqual(a.service.requirements.map((r) => r.kind).sort());
      for (const r of a.reservations) {
        expect(r.blockStart.getTime()).toBe(a.startsAt.getTime() - a.service.bufferBeforeMinutes * 60_000);
        expect(r.blockEnd.getTime()).toBe(a.endsAt.getTime() + a.service.bufferAfterMinutes * 60_000);
        expect(r.active).toBe(true);
        const local = DateTime.fromJSDate(r.blockStart, { zone: r.resource.timeZone });
        const from = local.toFormat('HH:mm');
        const to = DateTime.fromJSDate(r.blockEnd, { zone: r.resource.timeZone }).toFormat('HH:mm');
        const covering = r.resource.weeklyHours.filter((h) => h.weekday === local.weekday && h.startTime <= from && to <= h.endTime);
        expect(covering, `${r.resource.name} works ${from}–${to} on weekday ${local.weekday}`).toHaveLength(1);
      }
    }
  });

  it('keys each session by its appointment id, and lets class attendees share one session', async () => {
    const reservations = await app.ctx.db.reservation.findMany({ include: { appointment: { include: { service: true } } } });
    const classSeats = reservations.filter((r) => r.appointment!.service.seats > 1);
    const oneToOne = reservations.filter((r) => r.appointment!.service.seats === 1);
    for (const r of oneToOne) expect(r.sessionKey).toBe(r.appointmentId);
    expect(new Set(classSeats.map((r) => r.appointmentId)).size).toBe(2);
    expect(new Set(classSeats.map((r) => r.sessionKey)).size).toBe(1);
    expect(classSeats.map((r) => r.appointmentId)).toContain(classSeats[0]!.sessionKey);
  });

  it('is not seeded twice', async () => {
    expect(await seedDemoIfEmpty(app.ctx.db, NOW)).toBeNull();
    expect(await app.ctx.db.business.count()).toBe(1);
  });
});

describe('demo appointments at awkward moments', () => {
  // Saturday night before a DST change, Sunday of the spring-forward, New Year's Eve in Los Angeles.
  it.each(['2026-03-07T23:30:00-05:00', '2026-03-08T03:30:00-04:00', '2026-11-01T01:30:00-04:00', '2026-12-31T23:59:00-08:00'])(
    'loads cleanly when now is %s',
    async (at) => {
      const t = await createTestDatabase();
      try {
        const now = new Date(at);
        const s = await seedDemoIfEmpty(t.db, now);
        expect(s?.appointments).toBe(6);
        const starts = await t.db.appointment.findMany({ select: { startsAt: true } });
        for (const a of starts) expect(a.startsAt > now).toBe(true);
      } finally {
        await t.drop();
      }
    },
  );
});
