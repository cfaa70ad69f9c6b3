import { describe, expect, it } from 'vitest';
import { allowedDurations, sizeSnapshot, type Sizing } from '../../src/engine/sizing.ts';
import type { Snapshot } from '../../src/engine/ports.ts';
import { booking, planner, resource, run, service, snapshot, starts } from './support/builders.ts';

// Requested lengths and room sizes. Tuesday 2026-12-01 in New York (UTC-5): rooms open
// 09:00–12:00 local = 14:00Z–17:00Z. A "Meeting room" lasts 15–240 minutes in 15-minute
// steps (default 60) and starts every 30 minutes.

const DAY_FROM = '2026-12-01T05:00:00Z';
const DAY_TO = '2026-12-02T05:00:00Z';
const hours = [{ weekday: 2, startTime: '09:00', endTime: '12:00' }];
const small = resource({ id: 'room-small', kind: 'room', name: 'Huddle', capacity: 4, weeklyHours: hours });
const large = resource({ id: 'room-large', kind: 'room', name: 'Board room', capacity: 10, weeklyHours: hours });
const meetingRoom = service({
  name: 'Meeting room',
  durationMinutes: 60,
  minDurationMinutes: 15,
  maxDurationMinutes: 240,
  durationStepMinutes: 15,
  slotStepMinutes: 30,
  requirements: [{ kind: 'room', skills: [] }],
  eligibleResourceIds: ['room-small', 'room-large'],
});
const rooms = (over: Partial<Snapshot> = {}) => snapshot({ service: meetingRoom, resources: [small, large], ...over });

/** Offered starts of a sized request, as the Planner sees the reshaped snapshot. */
function sizedStarts(snap: Snapshot, sizing: Sizing): string[] {
  const r = sizeSnapshot(snap, sizing);
  if (!r.ok) throw new Error(r.message);
  return starts(r.snapshot, DAY_FROM, DAY_TO);
}

describe('requested duration', () => {
  it('without a request the default length is used: 60-minute slots until 11:00', () => {
    expect(starts(rooms(), DAY_FROM, DAY_TO)).toEqual(run('2026-12-01T14:00:00Z', 5, 30));
  });

  it('a chosen 90 minutes must fit the working interval, so the last start is 10:30', () => {
    expect(sizedStarts(rooms(), { durationMinutes: 90 })).toEqual(run('2026-12-01T14:00:00Z', 4, 30));
    const r = sizeSnapshot(rooms(), { durationMinutes: 90 });
    if (!r.ok) throw new Error(r.message);
    const slot = planner(r.snapshot, DAY_FROM, DAY_TO).slots(Date.parse(DAY_FROM), Date.parse(DAY_TO))[0]!;
    expect(slot.end.toISOString()).toBe('2026-12-01T15:30:00.000Z');
  });

  it('a shorter length frees the slot before another booking', () => {
    // Both rooms are booked from 10:00; 60 minutes at 09:30 would run into it, 30 do not.
    const blocks = [booking('room-small', '2026-12-01T15:00:00Z', '2026-12-01T17:00:00Z'), booking('room-large', '2026-12-01T15:00:00Z', '2026-12-01T17:00:00Z')];
    expect(starts(rooms({ blocks }), DAY_FROM, DAY_TO)).toEqual(['2026-12-01T14:00:00Z']);
    expect(sizedStarts(rooms({ blocks }), { durationMinutes: 30 })).toEqual(['2026-12-01T14:00:00Z', '2026-12-01T14:30:00Z']);
  });

  it("buffers still apply around the chosen length: a 15-minute after-buffer keeps 10:45 from 11:00's booking", () => {
    const buffered = { ...meetingRoom, bufferAfterMinutes: 15, slotStepMinutes: 15 };
    const blocks = [booking('room-small', '2026-12-01T16:00:00Z', '2026-12-01T17:00:00Z'), booking('room-large', '2026-12-01T16:00:00Z', '2026-12-01T17:00:00Z')];
    const offered = sizedStarts(rooms({ service: buffered, blocks }), { durationMinutes: 45 });
    // 45 minutes + 15 of buffer must end by 11:00 local (16:00Z): the last start is 10:00.
    expect(offered.at(-1)).toBe('2026-12-01T15:00:00Z');
    expect(offered).not.toContain('2026-12-01T15:15:00Z');
  });

  it.each([
    [10, 'can be booked for 15 to 240 minutes in steps of 15; 10 minutes is not one of them'],
    [250, '250 minutes is not one of them'],
    [50, '50 minutes is not one of them'],
  ])('refuses %i minutes with the duration rule', (minutes, message) => {
    const r = sizeSnapshot(rooms(), { durationMinutes: minutes });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rule).toBe('duration');
    expect(r.message).toContain(message);
  });

  it('a fixed-length service accepts only its own length', () => {
    const fixed = snapshot({ service: service({ durationMinutes: 30 }), resources: [resource({ weeklyHours: hours })] });
    expect(sizeSnapshot(fixed, { durationMinutes: 30 }).ok).toBe(true);
    const r = sizeSnapshot(fixed, { durationMinutes: 45 });
    expect(r).toMatchObject({ ok: false, rule: 'duration', message: '"Visit" always lasts 30 minutes.' });
  });

  it('a reschedule keeps its length while allowed and falls back to the default when not', () => {
    const kept = sizeSnapshot(rooms(), { durationMinutes: 90, orDefaultDuration: true });
    const fallen = sizeSnapshot(rooms(), { durationMinutes: 95, orDefaultDuration: true });
    expect(kept.ok && kept.snapshot.service.durationMinutes).toBe(90);
    expect(fallen.ok && fallen.snapshot.service.durationMinutes).toBe(60);
  });

  it('lists the lengths a service admits', () => {
    expect(allowedDurations({ durationMinutes: 45, minDurationMinutes: 30, maxDurationMinutes: 60, durationStepMinutes: 15 })).toEqual([30, 45, 60]);
    expect(allowedDurations({ durationMinutes: 45, minDurationMinutes: null, maxDurationMinutes: null, durationStepMinutes: 15 })).toEqual([45]);
  });
});

describe('minimum room capacity', () => {
  const assigned = (snap: Snapshot, sizing: Sizing) => {
    const r = sizeSnapshot(snap, sizing);
    if (!r.ok) throw new Error(r.message);
    return new Set(planner(r.snapshot, DAY_FROM, DAY_TO).slots(Date.parse(DAY_FROM), Date.parse(DAY_TO)).flatMap((s) => s.resourceIds));
  };

  it('a room for 6 is only ever the room that holds 10', () => {
    // The large room is busy 09:00–10:00, so routing falls back to the small one then.
    const busy = rooms({ blocks: [booking('room-large', '2026-12-01T14:00:00Z', '2026-12-01T15:00:00Z')] });
    expect(assigned(busy, {})).toEqual(new Set(['room-small', 'room-large']));
    expect(assigned(busy, { minCapacity: 4 })).toEqual(new Set(['room-small', 'room-large']));
    expect(assigned(busy, { minCapacity: 6 })).toEqual(new Set(['room-large']));
  });

  it('when the big room is taken, a room for 6 has no slot even though the small one is free', () => {
    const blocks = [booking('room-large', '2026-12-01T14:00:00Z', '2026-12-01T17:00:00Z')];
    expect(sizedStarts(rooms({ blocks }), { minCapacity: 6 })).toEqual([]);
    expect(sizedStarts(rooms({ blocks }), { minCapacity: 2 })).toEqual(run('2026-12-01T14:00:00Z', 5, 30));
  });

  it('no room large enough is the capacity rule', () => {
    expect(sizeSnapshot(rooms(), { minCapacity: 11 })).toMatchObject({ ok: false, rule: 'capacity', message: 'No room for "Meeting room" holds 11 people.' });
  });

  it('a service without rooms cannot promise a size beyond one person', () => {
    const oneToOne = snapshot({ service: service({ name: '1:1 with a consultant' }), resources: [resource({ weeklyHours: hours })] });
    expect(sizeSnapshot(oneToOne, { minCapacity: 1 }).ok).toBe(true);
    expect(sizeSnapshot(oneToOne, { minCapacity: 3 })).toMatchObject({ ok: false, rule: 'capacity' });
  });

  it('staff of a staff-and-room service are kept whatever their capacity', () => {
    const consultant = resource({ id: 'staff-1', kind: 'staff', capacity: 1, weeklyHours: hours });
    const both = snapshot({
      service: { ...meetingRoom, requirements: [{ kind: 'staff', skills: [] }, { kind: 'room', skills: [] }], eligibleResourceIds: ['staff-1', 'room-small', 'room-large'] },
      resources: [consultant, small, large],
    });
    expect(assigned(both, { minCapacity: 6 })).toEqual(new Set(['staff-1', 'room-large']));
  });
});
