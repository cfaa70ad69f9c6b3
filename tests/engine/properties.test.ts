import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Block, ResourceRecord } from '../../src/engine/ports.ts';
import { booking, location, planner, resource, service, snapshot, timeOff } from './support/builders.ts';
import { horizonEnd } from '../../src/engine/time.ts';

// For random schedules, bookings and rules: every offered slot satisfies every rule,
// checked here by independent, naive code (wall-clock comparison with luxon, plain
// interval overlap), and the commit-time check accepts every offered slot.

const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Europe/London', 'Australia/Sydney'];
// Two weeks around the New York fall-back and the Sydney spring-forward days.
const WINDOWS = ['2026-10-28T00:00:00Z', '2026-09-30T00:00:00Z', '2026-03-25T00:00:00Z'];
const NOW_OFFSET_H = [-24, 30, 80];

const HOUR = 3600_000;
// Each checked slot costs a luxon reading and a commit-time evaluation; a sample spread
// over the window keeps the test's time bounded whatever the scenario offers.
const SLOTS_PER_RUN = 30;

/** At most `n` items spread evenly over `xs`, first and last included. */
function sample<T>(xs: T[], n: number): T[] {
  if (xs.length <= n) return xs;
  return Array.from({ length: n }, (_, i) => xs[Math.round((i * (xs.length - 1)) / (n - 1))]!);
}
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const hoursArb = fc
  .array(
    fc.record({
      weekday: fc.integer({ min: 1, max: 7 }),
      start: fc.integer({ min: 0, max: 22 * 4 }).map((q) => q * 15),
      length: fc.integer({ min: 8, max: 40 }).map((q) => q * 15),
    }),
    { minLength: 3, maxLength: 10 },
  )
  .map((rows) => rows.map((r) => ({ weekday: r.weekday, startTime: hhmm(r.start), endTime: hhmm(Math.min(r.start + r.length, 24 * 60)) })));

const scenarioArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    windowStart: fc.constantFrom(...WINDOWS),
    nowOffsetH: fc.constantFrom(...NOW_OFFSET_H),
    durationMinutes: fc.constantFrom(15, 30, 45, 60, 90),
    bufferBeforeMinutes: fc.constantFrom(0, 5, 15, 30),
    bufferAfterMinutes: fc.constantFrom(0, 10, 15),
    minNoticeMinutes: fc.constantFrom(0, 60, 24 * 60),
    maxHorizonDays: fc.constantFrom(3, 7, 7, 30, 30),
    slotStepMinutes: fc.constantFrom(10, 15, 20, 30, 60),
    staff: fc.array(
      fc.record({
        hours: hoursArb,
        skills: fc.subarray(['cut', 'color']),
        languages: fc.constantFrom<string[]>(['en'], ['en', 'es'], ['es'], []),
        maxDailyBookings: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
        active: fc.constantFrom(true, true, true, false),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    requiredSkills: fc.subarray(['cut', 'color'], { maxLength: 1 }),
    language: fc.option(fc.constantFrom('en', 'es'), { nil: undefined }),
    // Most scenarios give r0 what the request needs, so that they offer slots to check;
    // the rest leave eligibility to chance.
    r0Qualified: fc.constantFrom(true, true, true, false),
    busy: fc.array(
      fc.record({
        who: fc.nat(),
        startH: fc.integer({ min: 0, max: 14 * 24 - 1 }),
        lengthMin: fc.integer({ min: 1, max: 24 }).map((q) => q * 15),
        timeOff: fc.boolean(),
      }),
      { maxLength: 25 },
    ),
  })
  .map((s) => {
    const qualify = (i: number, own: string[], needed: string[]) => (i === 0 && s.r0Qualified ? [...new Set([...own, ...needed])] : own);
    const resources: ResourceRecord[] = s.staff.map((st, i) =>
      resource({
        id: `r${i}`,
        timeZone: s.zone,
        weeklyHours: st.hours,
        skills: qualify(i, st.skills, s.requiredSkills),
        languages: qualify(i, st.languages, s.language ? [s.language] : []),
        maxDailyBookings: st.maxDailyBookings,
        // r0 is the one explicitly eligible resource when no skill is required: kept
        // active so that such scenarios have someone to offer.
        active: i === 0 || st.active,
      }),
    );
    const from = Date.parse(s.windowStart);
    const blocks: Block[] = s.busy.map((b) => {
      const id = `r${b.who % resources.length}`;
      const start = new Date(from + b.startH * 3600_000).toISOString();
      const end = new Date(from + b.startH * 3600_000 + b.lengthMin * 60_000).toISOString();
      return b.timeOff ? timeOff(id, start, end) : booking(id, start, end);
    });
    const svc = service({
      durationMinutes: s.durationMinutes,
      bufferBeforeMinutes: s.bufferBeforeMinutes,
      bufferAfterMinutes: s.bufferAfterMinutes,
      minNoticeMinutes: s.minNoticeMinutes,
      maxHorizonDays: s.maxHorizonDays,
      slotStepMinutes: s.slotStepMinutes,
      requirements: [{ kind: 'staff', skills: s.requiredSkills }],
      eligibleResourceIds: s.requiredSkills.length ? [] : ['r0'],
    });
    return {
      ...s,
      snap: snapshot({ service: svc, resources, blocks, locations: [location({ timeZone: s.zone })] }),
      from,
      to: from + 14 * 86_400_000,
      now: from + s.nowOffsetH * 3600_000,
    };
  });

/**
 * Independent wall-clock reading with luxon (the engine uses its own offset arithmetic):
 * a skipped local time moves forward by the gap (luxon's own behaviour), a repeated one
 * is its first occurrence.
 */
function wall(date: DateTime, minutes: number, zone: string): number {
  if (minutes === 24 * 60) return wall(date.plus({ days: 1 }), 0, zone);
  const t = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone });
  const earlier = t.minus({ hours: 1 });
  return earlier.hour === t.hour && earlier.minute === t.minute ? earlier.toMillis() : t.toMillis();
}

/**
 * Independent check: [start, end) lies inside the merged weekly-hours rows. Rows of the
 * day before and after count too: a row ending at 24:00 touches the next day's 00:00
 * row, and touching rows form one working interval (availability.ts).
 */
function insideHours(r: ResourceRecord, start: number, end: number): boolean {
  const startDay = DateTime.fromMillis(start, { zone: r.timeZone }).startOf('day');
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const ranges = [startDay.minus({ days: 1 }), startDay, startDay.plus({ days: 1 })]
    .flatMap((day) =>
      r.weeklyHours
        .filter((h) => h.weekday === day.weekday && toMin(h.endTime) > toMin(h.startTime))
        .map((h) => [wall(day, toMin(h.startTime), r.timeZone), wall(day, toMin(h.endTime), r.timeZone)] as const),
    )
    .sort((x, y) => x[0] - y[0]);
  let reach = -Infinity;
  for (const [s, e] of ranges) {
    if (s <= start || s <= reach) reach = Math.max(reach, e);
  }
  return reach >= end;
}

describe('availability properties', () => {
  // Generous budgets: a loaded machine may be several times slower; the runs, not the clock, decide.
  it('no offered slot violates any rule, and every offered slot passes the commit-time check', { timeout: 180_000 }, () => {
    const RUNS = 150;
    const checked = { runs: 0, besideBlock: 0, underDailyLimit: 0 };
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { snap } = sc;
        const p = planner(snap, new Date(sc.from).toISOString(), new Date(sc.to).toISOString(), { now: sc.now, language: sc.language });
        const slots = p.slots(sc.from, sc.to);
        const svc = snap.service;
        const seen = new Set<number>();
        if (slots.length) checked.runs++;
        for (const slot of sample(slots, SLOTS_PER_RUN)) {
          const start = slot.start.getTime();
          const end = slot.end.getTime();
          expect(seen.has(start)).toBe(false);
          seen.add(start);
          expect(end - start).toBe(svc.durationMinutes * 60_000);
          expect(start).toBeGreaterThanOrEqual(sc.now + svc.minNoticeMinutes * 60_000);
          expect(start).toBeLessThan(horizonEnd(sc.now, svc.maxHorizonDays, slot.timeZone!));
          expect(start >= sc.from && start < sc.to).toBe(true);
          const r = snap.resources.find((x) => x.id === slot.resourceIds[0])!;
          expect(r.active).toBe(true);
          expect(svc.eligibleResourceIds.includes(r.id) || (svc.requirements[0]!.skills.length > 0 && svc.requirements[0]!.skills.every((k) => r.skills.includes(k)))).toBe(true);
          if (sc.language) expect(r.languages).toContain(sc.language);
          expect(insideHours(r, start, end)).toBe(true);
          const blockStart = start - svc.bufferBeforeMinutes * 60_000;
          const blockEnd = end + svc.bufferAfterMinutes * 60_000;
          const own = snap.blocks.filter((b) => b.resourceId === r.id);
          for (const b of own) expect(b.start.getTime() < blockEnd && blockStart < b.end.getTime()).toBe(false);
          if (own.some((b) => b.end.getTime() >= blockStart - HOUR && b.start.getTime() <= blockEnd + HOUR)) checked.besideBlock++;
          if (r.maxDailyBookings !== null) {
            const day = DateTime.fromMillis(start, { zone: r.timeZone }).toISODate();
            const sameDay = snap.blocks.filter(
              (b) => b.resourceId === r.id && b.bookedStart && DateTime.fromMillis(b.bookedStart.getTime(), { zone: r.timeZone }).toISODate() === day,
            );
            expect(sameDay.length).toBeLessThan(r.maxDailyBookings);
            if (sameDay.length > 0) checked.underDailyLimit++;
          }
          expect(p.evaluate(start)).toMatchObject({ ok: true, combo: { resourceIds: slot.resourceIds } });
        }
      }),
      { numRuns: RUNS, seed: 42 },
    );
    // The generators must leave most runs with slots to check, and some slots right
    // beside another booking and on a day that already counts toward a daily limit.
    expect(checked.runs).toBeGreaterThanOrEqual(RUNS * 0.6);
    expect(checked.besideBlock).toBeGreaterThan(20);
    expect(checked.underDailyLimit).toBeGreaterThan(20);
  });

  it('a start the engine refuses is never offered, and vice versa, on every grid point around an offered slot', { timeout: 180_000 }, () => {
    const RUNS = 100;
    let runsWithBoth = 0;
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.integer({ min: 0, max: 14 * 24 * 12 - 1 }), (sc, pick, fallback) => {
        const p = planner(sc.snap, new Date(sc.from).toISOString(), new Date(sc.to).toISOString(), { now: sc.now, language: sc.language });
        const offeredList = p.slots(sc.from, sc.to).map((s) => s.start.getTime());
        const offered = new Set(offeredList);
        // Eight hours of 5-minute points centred on an offered slot (on a random point
        // when nothing is offered), so the comparison sees both answers.
        const centre = offeredList.length ? offeredList[pick % offeredList.length]! : sc.from + fallback * 5 * 60_000;
        let sawOffered = false;
        let sawRefused = false;
        for (let i = -48; i < 48; i++) {
          const t = centre + i * 5 * 60_000;
          if (t < sc.from || t >= sc.to) continue;
          const ok = p.evaluate(t).ok;
          expect(ok, new Date(t).toISOString()).toBe(offered.has(t));
          if (ok) sawOffered = true;
          else sawRefused = true;
        }
        if (sawOffered && sawRefused) runsWithBoth++;
      }),
      { numRuns: RUNS, seed: 7 },
    );
    expect(runsWithBoth).toBeGreaterThanOrEqual(RUNS * 0.6);
  });
});
