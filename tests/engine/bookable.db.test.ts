import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { OVERLAP_SQL, createBusiness, createResource, createService, system } from './support/fixtures.ts';
import { schedulerFor } from '../support/scheduler.ts';

// Property against real Postgres: for random hours, buffers, steps and existing
// bookings, every slot the engine offers can actually be booked, by the resources
// the slot names, and the offer disappears once booked.

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

describe('every offered slot can be booked', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('holds for random schedules', { timeout: 240_000 }, async () => {
    let run = 0;
    let booked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          zone: fc.constantFrom('America/New_York', 'Asia/Kathmandu', 'Australia/Sydney'),
          open: fc.integer({ min: 0, max: 40 }).map((q) => q * 15),
          length: fc.integer({ min: 8, max: 40 }).map((q) => q * 15),
          durationMinutes: fc.constantFrom(20, 30, 45, 60),
          bufferBeforeMinutes: fc.constantFrom(0, 10),
          bufferAfterMinutes: fc.constantFrom(0, 15),
          slotStepMinutes: fc.constantFrom(15, 20, 30),
          staff: fc.integer({ min: 1, max: 3 }),
          picks: fc.array(fc.nat(), { minLength: 3, maxLength: 6 }),
          pinned: fc.boolean(),
        }),
        async (sc) => {
          const { business, location } = await createBusiness(t.db, { timeZone: sc.zone });
          const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: hhmm(sc.open), endTime: hhmm(Math.min(sc.open + sc.length, 24 * 60)) }));
          const staff = [];
          for (let i = 0; i < sc.staff; i++) staff.push(await createResource(t.db, location.id, { name: `S${i}`, timeZone: sc.zone, hours }));
          const slug = `svc-${++run}`;
          await createService(t.db, business.id, {
            slug,
            durationMinutes: sc.durationMinutes,
            bufferBeforeMinutes: sc.bufferBeforeMinutes,
            bufferAfterMinutes: sc.bufferAfterMinutes,
            slotStepMinutes: sc.slotStepMinutes,
            eligible: staff.map((r) => r.id),
          });
          const s = schedulerFor(t, () => new Date('2026-10-01T00:00:00Z'));
          const from = new Date('2026-10-02T00:00:00Z');
          const to = new Date('2026-10-06T00:00:00Z');
          for (const pick of sc.picks) {
            const slots = await s.findSlots({ service: slug, from, to });
            if (slots.length === 0) break;
            const slot = slots[pick % slots.length]!;
            const r = await s.book({ service: slug, start: slot.start, resourceId: sc.pinned ? slot.resourceIds[0] : undefined, channel: 'api', actor: system });
            expect(r.ok, `${slot.start.toISOString()} ${JSON.stringify(r)}`).toBe(true);
            if (r.ok) {
              expect(r.appointment.resourceIds).toEqual(slot.resourceIds);
              booked++;
            }
            const after = await s.findSlots({ service: slug, from, to, resourceId: slot.resourceIds[0] });
            expect(after.some((x) => x.start.getTime() === slot.start.getTime())).toBe(false);
          }
        },
      ),
      { numRuns: 12, seed: 11 },
    );
    // Every run has hours each day of the window, so each books several offered slots.
    expect(booked).toBeGreaterThanOrEqual(12 * 3);
    expect((await t.pool.query(OVERLAP_SQL)).rows[0].n).toBe(0);
  });
});
