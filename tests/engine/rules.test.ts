import { describe, expect, it } from 'vitest';
import type { PlanOptions } from '../../src/engine/availability.ts';
import { canTransition } from '../../src/engine/status.ts';
import type { Snapshot } from '../../src/engine/ports.ts';
import { booking, location, planner, resource, run, service, snapshot, starts, timeOff } from './support/builders.ts';

// Each availability rule alone, then combined. The day is Tuesday 2026-12-01 in New
// York (UTC-5): 09:00 local = 14:00Z. Every case asserts both what is offered and,
// for a refused start, the rule the commit-time check names.

const DAY_FROM = '2026-12-01T05:00:00Z';
const DAY_TO = '2026-12-02T05:00:00Z';

const A = resource({ id: 'res-a', weeklyHours: [{ weekday: 2, startTime: '09:00', endTime: '11:00' }] });

interface Case {
  name: string;
  snap: Snapshot;
  opts?: Partial<PlanOptions>;
  offered: string[];
  /** A start and the rule (or 'conflict') that refuses it. */
  refused?: [string, string];
}

const cases: Case[] = [
  {
    name: 'duration and step inside working hours (half-open: a 30-min slot at 10:30 ends exactly at close)',
    snap: snapshot({ resources: [A] }),
    offered: run('2026-12-01T14:00:00Z', 4, 30),
    refused: ['2026-12-01T16:00:00Z', 'outside_hours'],
  },
  {
    name: 'a booking ending 09:30 does not clash with a slot starting 09:30',
    snap: snapshot({ resources: [A], blocks: [booking('res-a', '2026-12-01T14:00:00Z', '2026-12-01T14:30:00Z')] }),
    offered: run('2026-12-01T14:30:00Z', 3, 30),
    refused: ['2026-12-01T14:00:00Z', 'conflict'],
  },
  {
    name: "buffers stack: another appointment's 15-min after-buffer plus this service's 30-min before-buffer",
    snap: snapshot({
      service: service({ bufferBeforeMinutes: 30, slotStepMinutes: 15 }),
      resources: [A],
      // 09:00–09:30 appointment whose block includes its 15-minute after-buffer.
      blocks: [booking('res-a', '2026-12-01T14:00:00Z', '2026-12-01T14:45:00Z')],
    }),
    offered: ['2026-12-01T15:15:00Z', '2026-12-01T15:30:00Z'],
    refused: ['2026-12-01T15:00:00Z', 'conflict'],
  },
  {
    name: 'after-buffer of this service must not run into the next booking',
    snap: snapshot({
      service: service({ bufferAfterMinutes: 30 }),
      resources: [A],
      blocks: [booking('res-a', '2026-12-01T15:00:00Z', '2026-12-01T15:30:00Z')],
    }),
    // The after-buffer may run past closing (16:00Z), but not into the 15:00Z booking.
    offered: ['2026-12-01T14:00:00Z', '2026-12-01T15:30:00Z'],
    refused: ['2026-12-01T14:30:00Z', 'conflict'],
  },
  {
    name: 'minimum notice',
    snap: snapshot({ service: service({ minNoticeMinutes: 60 }), resources: [A] }),
    opts: { now: Date.parse('2026-12-01T14:10:00Z') },
    offered: ['2026-12-01T15:30:00Z'],
    refused: ['2026-12-01T15:00:00Z', 'min_notice'],
  },
  {
    // "Bookable 1 day ahead" said at 10:00 on Monday opens all of Tuesday, not only until 10:00.
    name: 'maximum horizon: the whole last local day is open',
    snap: snapshot({ service: service({ maxHorizonDays: 1 }), resources: [A] }),
    opts: { now: Date.parse('2026-11-30T15:00:00Z') },
    offered: run('2026-12-01T14:00:00Z', 4, 30),
  },
  {
    // Said at 23:30 on Sunday (04:30Z Monday): the last day is Monday in New York, whatever the UTC date.
    name: 'maximum horizon: the day after the last local day is refused',
    snap: snapshot({ service: service({ maxHorizonDays: 1 }), resources: [A] }),
    opts: { now: Date.parse('2026-11-30T04:30:00Z') },
    offered: [],
    refused: ['2026-12-01T14:00:00Z', 'max_horizon'],
  },
  {
    name: 'grid aligned to the start of each working interval (09:10 → 09:10, 09:40, …)',
    snap: snapshot({ resources: [resource({ id: 'res-a', weeklyHours: [{ weekday: 2, startTime: '09:10', endTime: '10:40' }] })] }),
    offered: ['2026-12-01T14:10:00Z', '2026-12-01T14:40:00Z', '2026-12-01T15:10:00Z'],
    refused: ['2026-12-01T14:00:00Z', 'outside_hours'],
  },
  {
    name: 'a start between grid points is off_grid',
    snap: snapshot({ resources: [A] }),
    offered: run('2026-12-01T14:00:00Z', 4, 30),
    refused: ['2026-12-01T14:15:00Z', 'off_grid'],
  },
  {
    name: 'a break splits the day; the afternoon grid restarts at its own start',
    snap: snapshot({
      service: service({ durationMinutes: 60, slotStepMinutes: 45 }),
      resources: [resource({ id: 'res-a', weeklyHours: [{ weekday: 2, startTime: '09:00', endTime: '10:30' }, { weekday: 2, startTime: '11:00', endTime: '13:00' }] })],
    }),
    offered: ['2026-12-01T14:00:00Z', '2026-12-01T16:00:00Z', '2026-12-01T16:45:00Z'],
    refused: ['2026-12-01T14:45:00Z', 'outside_hours'],
  },
  {
    name: 'a date override replaces the weekday hours',
    snap: snapshot({ resources: [resource({ id: 'res-a', weeklyHours: A.weeklyHours, overrides: [{ date: '2026-12-01', startTime: '13:00', endTime: '14:00' }] })] }),
    offered: ['2026-12-01T18:00:00Z', '2026-12-01T18:30:00Z'],
    refused: ['2026-12-01T14:00:00Z', 'outside_hours'],
  },
  {
    name: 'time off blocks like a booking',
    snap: snapshot({ resources: [A], blocks: [timeOff('res-a', '2026-12-01T14:20:00Z', '2026-12-01T15:10:00Z')] }),
    offered: ['2026-12-01T15:30:00Z'],
    refused: ['2026-12-01T15:00:00Z', 'conflict'],
  },
  {
    name: 'eligibility by skills: a resource without the skill never appears',
    snap: snapshot({ service: service({ requirements: [{ kind: 'staff', skills: ['color'] }] }), resources: [A] }),
    offered: [],
    refused: ['2026-12-01T14:00:00Z', 'not_eligible'],
  },
  {
    name: 'a requirement without skills admits only explicit eligibility',
    snap: snapshot({
      service: service({ requirements: [{ kind: 'staff', skills: [] }], eligibleResourceIds: ['res-b'] }),
      resources: [A, resource({ id: 'res-b', skills: [], weeklyHours: [{ weekday: 2, startTime: '10:00', endTime: '11:00' }] })],
    }),
    offered: ['2026-12-01T15:00:00Z', '2026-12-01T15:30:00Z'],
    refused: ['2026-12-01T14:00:00Z', 'outside_hours'],
  },
  {
    name: 'inactive resources never appear',
    snap: snapshot({ resources: [resource({ ...A, active: false })] }),
    offered: [],
    refused: ['2026-12-01T14:00:00Z', 'not_eligible'],
  },
  {
    name: 'inactive services offer nothing',
    snap: snapshot({ service: service({ active: false }), resources: [A] }),
    offered: [],
    refused: ['2026-12-01T14:00:00Z', 'inactive_service'],
  },
  {
    name: 'inactive locations never appear',
    snap: snapshot({ resources: [A], locations: [location({ active: false })] }),
    offered: [],
    refused: ['2026-12-01T14:00:00Z', 'not_eligible'],
  },
  {
    name: 'daily booking limit counts bookings starting that local day',
    snap: snapshot({
      resources: [resource({ ...A, maxDailyBookings: 1 })],
      // 23:30 local the day before does not count; 10:30 local today does.
      blocks: [booking('res-a', '2026-12-01T04:30:00Z', '2026-12-01T05:00:00Z'), booking('res-a', '2026-12-01T15:30:00Z', '2026-12-01T16:00:00Z')],
    }),
    offered: [],
    refused: ['2026-12-01T14:00:00Z', 'daily_limit'],
  },
  {
    name: 'territory: a location that lists postal codes serves only those',
    snap: snapshot({ resources: [A], locations: [location({ postalCodes: ['10001', 'SW1A 1AA'] })] }),
    opts: { postalCode: '94105' },
    offered: [],
    refused: ['2026-12-01T14:00:00Z', 'territory'],
  },
  {
    name: 'territory: postal codes compare without spaces or case',
    snap: snapshot({ resources: [A], locations: [location({ postalCodes: ['10001', 'SW1A 1AA'] })] }),
    opts: { postalCode: 'sw1a1aa' },
    offered: run('2026-12-01T14:00:00Z', 4, 30),
  },
  {
    name: 'language: only staff who speak it',
    snap: snapshot({ resources: [A] }),
    opts: { language: 'es' },
    offered: [],
    refused: ['2026-12-01T14:00:00Z', 'language'],
  },
];

describe('availability rules, each alone', () => {
  it.each(cases)('$name', ({ snap, opts, offered, refused }) => {
    expect(starts(snap, DAY_FROM, DAY_TO, opts)).toEqual(offered);
    const p = planner(snap, DAY_FROM, DAY_TO, opts);
    for (const s of offered) expect(p.evaluate(Date.parse(s)), s).toMatchObject({ ok: true });
    if (refused) expect(p.evaluate(Date.parse(refused[0]))).toMatchObject({ ok: false, rule: refused[1] });
  });
});

describe('availability rules, combined', () => {
  it('notice + buffers + break + time off + daily limit + language + territory together', () => {
    const spanish = resource({
      id: 'res-es',
      languages: ['es', 'en'],
      maxDailyBookings: 2,
      weeklyHours: [{ weekday: 2, startTime: '09:00', endTime: '12:00' }, { weekday: 2, startTime: '13:00', endTime: '15:00' }],
    });
    const english = resource({ id: 'res-en', languages: ['en'] });
    const snap = snapshot({
      service: service({ bufferBeforeMinutes: 15, bufferAfterMinutes: 15, minNoticeMinutes: 120 }),
      resources: [spanish, english],
      locations: [location({ postalCodes: ['10001'] })],
      blocks: [
        booking('res-es', '2026-12-01T15:45:00Z', '2026-12-01T16:45:00Z'),
        timeOff('res-es', '2026-12-01T18:00:00Z', '2026-12-01T19:00:00Z'),
      ],
    });
    const opts = { now: Date.parse('2026-12-01T13:30:00Z'), language: 'es', postalCode: '10001' };
    // Notice: nothing before 15:30Z. Each start needs [start − 15, start + 45) free.
    // Morning (to 17:00Z): 15:30–16:30 all touch the 15:45–16:45 booking. Afternoon from
    // 18:00Z: time off until 19:00 also catches 18:30 and 19:00 through the before-buffer.
    expect(starts(snap, DAY_FROM, DAY_TO, opts)).toEqual(['2026-12-01T19:30:00Z']);
    // One booking exists today and the limit is 2: a second one exhausts it.
    const full = snapshot({ ...snap, blocks: [...snap.blocks, booking('res-es', '2026-12-01T14:00:00Z', '2026-12-01T14:30:00Z')] });
    expect(planner(full, DAY_FROM, DAY_TO, opts).evaluate(Date.parse('2026-12-01T19:30:00Z'))).toMatchObject({ ok: false, rule: 'daily_limit' });
    expect(starts(full, DAY_FROM, DAY_TO, opts)).toEqual([]);
    // Without the language requirement, the English speaker takes the first slot after notice.
    const open = planner(full, DAY_FROM, DAY_TO, { ...opts, language: undefined }).slots(Date.parse(DAY_FROM), Date.parse(DAY_TO));
    expect(open[0]).toMatchObject({ start: new Date('2026-12-01T15:30:00Z'), resourceIds: ['res-en'] });
  });

  it('staff AND room: both must be free at the same location at the same time', () => {
    const staff = resource({ id: 'res-s', weeklyHours: A.weeklyHours });
    const room = resource({ id: 'res-r', kind: 'room', skills: ['sink'], languages: [], weeklyHours: A.weeklyHours });
    const farRoom = resource({ id: 'res-r2', kind: 'room', locationId: 'loc-2', skills: ['sink'], languages: [], weeklyHours: A.weeklyHours });
    const svc = service({ requirements: [{ kind: 'staff', skills: ['general'] }, { kind: 'room', skills: ['sink'] }] });
    const snap = snapshot({
      service: svc,
      resources: [staff, room, farRoom],
      locations: [location(), location({ id: 'loc-2' })],
      blocks: [booking('res-r', '2026-12-01T14:30:00Z', '2026-12-01T15:30:00Z')],
    });
    const slots = planner(snap, DAY_FROM, DAY_TO).slots(Date.parse(DAY_FROM), Date.parse(DAY_TO));
    expect(slots.map((s) => [s.start.toISOString(), s.resourceIds])).toEqual([
      ['2026-12-01T14:00:00.000Z', ['res-s', 'res-r']],
      ['2026-12-01T15:30:00.000Z', ['res-s', 'res-r']],
    ]);
    expect(planner(snap, DAY_FROM, DAY_TO).evaluate(Date.parse('2026-12-01T14:30:00Z'))).toMatchObject({ ok: false, rule: 'conflict' });
  });

  it('seats: effective seats are the minimum of service seats and each resource capacity', () => {
    const svc = service({ id: 'class', seats: 5, durationMinutes: 60, slotStepMinutes: 60, requirements: [{ kind: 'staff', skills: ['general'] }, { kind: 'room', skills: [] }], eligibleResourceIds: ['room-3'] });
    const staff = resource({ id: 'res-s', capacity: 10, weeklyHours: A.weeklyHours });
    const room = resource({ id: 'room-3', kind: 'room', capacity: 3, skills: [], languages: [], weeklyHours: A.weeklyHours });
    const key = 'class:2026-12-01T14:00:00.000Z';
    const seat = (owner: string) => [
      booking('res-s', '2026-12-01T14:00:00Z', '2026-12-01T15:00:00Z', { sessionKey: key, serviceId: 'class', ownerId: owner }),
      booking('room-3', '2026-12-01T14:00:00Z', '2026-12-01T15:00:00Z', { sessionKey: key, serviceId: 'class', ownerId: owner }),
    ];
    const base = snapshot({ service: svc, resources: [staff, room] });
    const at14 = (snap: Snapshot) => planner(snap, DAY_FROM, DAY_TO).slots(Date.parse(DAY_FROM), Date.parse(DAY_TO))[0]!;
    expect(at14(base)).toMatchObject({ seatsLeft: 3, resourceIds: ['res-s', 'room-3'] });
    expect(at14({ ...base, blocks: [...seat('a1'), ...seat('a2')] })).toMatchObject({ seatsLeft: 1 });
    const full = { ...base, blocks: [...seat('a1'), ...seat('a2'), ...seat('a3')] };
    expect(at14(full).start.toISOString()).toBe('2026-12-01T15:00:00.000Z');
    expect(planner(full, DAY_FROM, DAY_TO).evaluate(Date.parse('2026-12-01T14:00:00Z'))).toMatchObject({ ok: false, rule: 'conflict' });
  });

  it('a session of a group service blocks other start times of the same resources', () => {
    const svc = service({ id: 'class', seats: 5, durationMinutes: 60, slotStepMinutes: 30 });
    const staff = resource({ id: 'res-s', capacity: 5, weeklyHours: A.weeklyHours });
    const key = 'class:2026-12-01T14:30:00.000Z';
    const snap = snapshot({
      service: svc,
      resources: [staff],
      blocks: [booking('res-s', '2026-12-01T14:30:00Z', '2026-12-01T15:30:00Z', { sessionKey: key, serviceId: 'class' })],
    });
    expect(starts(snap, DAY_FROM, DAY_TO)).toEqual(['2026-12-01T14:30:00Z']);
  });
});

describe('status machine', () => {
  const all = ['requested', 'confirmed', 'completed', 'canceled', 'no_show'] as const;
  const allowed = new Set(['requested>confirmed', 'requested>canceled', 'confirmed>completed', 'confirmed>no_show', 'confirmed>canceled']);
  it.each(all.flatMap((from) => all.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(allowed.has(`${from}>${to}`));
  });
});
