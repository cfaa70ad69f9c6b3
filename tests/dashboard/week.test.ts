import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardMount } from '../../src/dashboard/index.ts';
import { createSalon, type Fixture } from '../conversation/support/fixture.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addUser, sessionCookie } from './support.ts';

// /ops/week and the Today page's per-resource timeline over HTTP: free capacity
// worked out by hand from the salon's hours (Dana Mon–Fri 09–17, Lee Tue–Sat 10–18,
// New York) minus an appointment with its buffers, a hold and a time off; a week with
// the autumn DST change; a staff member's own schedule; bad queries refused.

const NOW = '2026-12-02T15:00:00Z'; // Wednesday 10:00 in New York
let app: TestApp;
let salon: Fixture;
let annId: string;

const minute = 60_000;

beforeAll(async () => {
  app = await createTestApp({ clock: NOW, routers: (ctx) => [dashboardMount(ctx, { signInAttempts: 0 })] });
  const db = app.t.db;
  salon = await createSalon(db);
  for (const u of [
    { name: 'Mia', email: 'mia@example.com', role: 'manager' as const },
    { name: 'Vic', email: 'vic@example.com', role: 'viewer' as const },
    { name: 'Dana', email: 'dana@example.com', role: 'staff' as const, resourceId: salon.staff.dana },
    { name: 'Sam', email: 'sam@example.com', role: 'staff' as const },
  ]) await addUser(app, u);
  const customer = await db.customer.create({ data: { phone: '+12125550111', name: 'Ann Archer' } });
  const book = async (input: { resourceId: string; start: string; minutes: number; status?: 'confirmed' | 'canceled'; before?: number; after?: number }) => {
    const start = new Date(input.start);
    const end = new Date(start.getTime() + input.minutes * minute);
    const a = await db.appointment.create({
      data: { serviceId: salon.services.haircut, locationId: salon.locationId, customerId: customer.id, startsAt: start, endsAt: end, channel: 'sms', ruleVersion: 1, status: input.status ?? 'confirmed' },
    });
    const blockStart = new Date(start.getTime() - (input.before ?? 0) * minute);
    const blockEnd = new Date(end.getTime() + (input.after ?? 0) * minute);
    await db.reservation.create({ data: { resourceId: input.resourceId, appointmentId: a.id, sessionKey: a.id, blockStart, blockEnd } });
    return a.id;
  };
  // Wednesday: Dana 11:00–11:30 with 15 min buffers either side (blocks 10:45–11:45).
  annId = await book({ resourceId: salon.staff.dana, start: '2026-12-02T16:00:00Z', minutes: 30, before: 15, after: 15 });
  // Wednesday: a canceled appointment on Lee at 15:00 frees its time even if its reservation was left active.
  await book({ resourceId: salon.staff.lee, start: '2026-12-02T20:00:00Z', minutes: 30, status: 'canceled' });
  // Wednesday: Lee held 12:00–12:30 (expires after now), and an expired hold at 14:00.
  for (const [start, expires] of [['2026-12-02T17:00:00Z', '2026-12-02T15:10:00Z'], ['2026-12-02T19:00:00Z', '2026-12-02T14:50:00Z']] as const) {
    const end = new Date(Date.parse(start) + 30 * minute);
    const hold = await db.hold.create({ data: { serviceId: salon.services.haircut, locationId: salon.locationId, startsAt: new Date(start), endsAt: end, expiresAt: new Date(expires) } });
    await db.reservation.create({ data: { resourceId: salon.staff.lee, holdId: hold.id, sessionKey: hold.id, blockStart: new Date(start), blockEnd: end } });
  }
  // Thursday: Dana off 13:00–15:00.
  await db.timeOff.create({ data: { resourceId: salon.staff.dana, startsAt: new Date('2026-12-03T18:00:00Z'), endsAt: new Date('2026-12-03T20:00:00Z'), reason: 'Dentist' } });
  // Sunday 1 November 2026, the night clocks fall back: Lee works 00:00–04:00, five real hours.
  await db.dateOverride.create({ data: { resourceId: salon.staff.lee, date: '2026-11-01', startTime: '00:00', endTime: '04:00' } });
});
afterAll(async () => app?.close());

const cookies = new Map<string, string>();
async function signIn(email: string): Promise<string> {
  const known = cookies.get(email);
  if (known) return known;
  const cookie = await sessionCookie(app, email);
  cookies.set(email, cookie);
  return cookie;
}
async function open(path: string, email: string): Promise<{ status: number; page: string }> {
  const res = await fetch(`${app.url}${path}`, { redirect: 'manual', headers: { cookie: await signIn(email) } });
  return { status: res.status, page: await res.text() };
}

const text = (markup: string) => markup.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

/** One resource's row of one day's table: its free minutes and its segments as read out. */
function rowOf(page: string, date: string, resourceId: string): { freeMinutes: number; segments: string[] } | undefined {
  const table = new RegExp(`<table class="timeline-day" data-date="${date}">([\\s\\S]*?)</table>`).exec(page)?.[1];
  const row = table && new RegExp(`<tr data-resource="${resourceId}">([\\s\\S]*?)</tr>`).exec(table)?.[1];
  if (!row) return undefined;
  const freeMinutes = Number(/data-free-minutes="(\d+)"/.exec(row)?.[1]);
  const segments = [...row.matchAll(/<li class="seg-[a-z_]+"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => text(m[1]!));
  return { freeMinutes, segments };
}

describe('/ops/week', () => {
  it('shows free capacity as working hours minus an appointment with its buffers', async () => {
    const { status, page } = await open('/ops/week', 'mia@example.com');
    expect(status).toBe(200);
    expect(page).toContain('Week of 30 November 2026');
    const dana = rowOf(page, '2026-12-02', salon.staff.dana);
    expect(dana?.segments).toEqual(['09:00–10:45 Free', '11:00–11:30 Ann Archer · Haircut', '11:45–17:00 Free']);
    expect(dana?.freeMinutes).toBe(105 + 315);
    expect(page).toContain(`<a href="/ops/appointments/${annId}">Ann Archer · Haircut</a>`);
  });

  it('leaves a time off out of free capacity and names it', async () => {
    const { page } = await open('/ops/week?date=2026-12-03', 'mia@example.com');
    const dana = rowOf(page, '2026-12-03', salon.staff.dana);
    expect(dana?.segments).toEqual(['09:00–13:00 Free', '13:00–15:00 Time off (Dentist)', '15:00–17:00 Free']);
    expect(dana?.freeMinutes).toBe(360);
  });

  it('counts an unexpired hold as taken and an expired hold or a canceled appointment as free', async () => {
    const { page } = await open('/ops/week', 'mia@example.com');
    const lee = rowOf(page, '2026-12-02', salon.staff.lee);
    expect(lee?.segments).toEqual(['10:00–12:00 Free', '12:00–12:30 Held for a booking in progress', '12:30–18:00 Free']);
    expect(lee?.freeMinutes).toBe(450);
  });

  it('shows a day off as not working, and every day of the week Monday to Sunday', async () => {
    const { page } = await open('/ops/week?date=2026-12-06', 'mia@example.com');
    expect([...page.matchAll(/<table class="timeline-day" data-date="([\d-]+)"/g)].map((m) => m[1])).toEqual([
      '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06',
    ]);
    expect(rowOf(page, '2026-12-05', salon.staff.dana)).toEqual({ freeMinutes: 0, segments: [] });
    expect(rowOf(page, '2026-12-05', salon.staff.lee)).toEqual({ freeMinutes: 480, segments: ['10:00–18:00 Free'] });
  });

  it('keeps wall-clock hours across the autumn DST change and counts the repeated hour', async () => {
    const { page } = await open('/ops/week?date=2026-10-28', 'mia@example.com');
    // Friday before (EDT) and the Sunday of the change: both read in New York's clock.
    expect(rowOf(page, '2026-10-30', salon.staff.dana)).toEqual({ freeMinutes: 480, segments: ['09:00–17:00 Free'] });
    expect(rowOf(page, '2026-11-01', salon.staff.lee)).toEqual({ freeMinutes: 300, segments: ['00:00–04:00 Free'] });
    const after = await open('/ops/week?date=2026-11-02', 'mia@example.com');
    expect(rowOf(after.page, '2026-11-02', salon.staff.dana)).toEqual({ freeMinutes: 480, segments: ['09:00–17:00 Free'] });
  });

  it('links the previous and next weeks, and has a labelled filter form', async () => {
    const { page } = await open('/ops/week?date=2026-12-02', 'mia@example.com');
    expect(page).toContain(`href="/ops/week?location=${salon.locationId}&amp;date=2026-11-23"`);
    expect(page).toContain(`href="/ops/week?location=${salon.locationId}&amp;date=2026-12-07"`);
    expect(page).toMatch(/<label>Location <select name="location">/);
    expect(page).toMatch(/<label>Week of <input type="date" name="date" value="2026-11-30"/);
    expect(page).toContain('<th scope="row">Dana');
  });

  it('refuses a bad date or location with 400 and an unknown location with 404', async () => {
    expect((await open('/ops/week?date=2026-13-45', 'mia@example.com')).status).toBe(400);
    expect((await open('/ops/week?date=tomorrow', 'mia@example.com')).status).toBe(400);
    expect((await open('/ops/week?location=main', 'mia@example.com')).status).toBe(400);
    const unknown = await open('/ops/week?location=00000000-0000-4000-8000-000000000000', 'mia@example.com');
    expect(unknown.status).toBe(404);
    expect(unknown.page).toContain('There is no such location.');
  });
});

describe('who sees which schedule', () => {
  it('shows a staff member only their own resource, even when they name the location', async () => {
    for (const path of ['/ops/week', `/ops/week?location=${salon.locationId}&date=2026-12-02`]) {
      const { status, page } = await open(path, 'dana@example.com');
      expect(status).toBe(200);
      expect(page).toContain('Your week');
      expect(rowOf(page, '2026-12-02', salon.staff.dana)).toBeDefined();
      expect(page).not.toContain(salon.staff.lee);
      expect(page).not.toContain('Held for a booking');
    }
  });

  it('shows a staff member without a linked resource no schedule at all', async () => {
    const { page } = await open('/ops/week', 'sam@example.com');
    expect(page).toContain('not linked to a staff resource');
    expect(page).not.toContain('data-resource=');
  });

  it('shows a viewer every resource, with no form that writes (the only POST is signing out)', async () => {
    const { page } = await open('/ops/week', 'vic@example.com');
    expect(rowOf(page, '2026-12-02', salon.staff.lee)).toBeDefined();
    expect([...page.matchAll(/method="post" action="([^"]+)"/g)].map((m) => m[1])).toEqual(['/ops/sign-out']);
  });
});

describe('/ops/today', () => {
  it("gets the same per-resource timeline for today, in the location's zone", async () => {
    const { page } = await open('/ops/today', 'mia@example.com');
    expect(rowOf(page, '2026-12-02', salon.staff.dana)?.segments).toEqual(['09:00–10:45 Free', '11:00–11:30 Ann Archer · Haircut', '11:45–17:00 Free']);
    expect(rowOf(page, '2026-12-02', salon.staff.lee)?.freeMinutes).toBe(450);
    const staff = await open('/ops/today', 'dana@example.com');
    expect(rowOf(staff.page, '2026-12-02', salon.staff.dana)).toBeDefined();
    expect(staff.page).not.toContain(`data-resource="${salon.staff.lee}"`);
  });
});
