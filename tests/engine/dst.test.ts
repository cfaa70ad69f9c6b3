import { describe, expect, it } from 'vitest';
import { formatLocal, horizonEnd, localDate, wallToInstant } from '../../src/engine/time.ts';
import { location, resource, run, service, snapshot, starts } from './support/builders.ts';

// Time zones and DST. These run under TZ=UTC, America/Los_Angeles and Asia/Kolkata in
// CI; nothing here may depend on the process zone, so the expectations are the same.

function oneResource(timeZone: string, over: Parameters<typeof resource>[0] = {}) {
  const r = resource({ timeZone, ...over });
  return snapshot({ service: service({ durationMinutes: 60, slotStepMinutes: 60 }), resources: [r], locations: [location({ timeZone })] });
}

describe('DST and zones', () => {
  it('New York 09:00–17:00 on the fall-back day is 14:00Z–22:00Z', () => {
    const snap = oneResource('America/New_York', { weeklyHours: [{ weekday: 7, startTime: '09:00', endTime: '17:00' }] });
    expect(starts(snap, '2026-11-01T00:00:00Z', '2026-11-02T12:00:00Z')).toEqual(run('2026-11-01T14:00:00Z', 8, 60));
  });

  it('New York the day before fall-back is still on EDT (13:00Z–21:00Z)', () => {
    const snap = oneResource('America/New_York', { weeklyHours: [{ weekday: 6, startTime: '09:00', endTime: '17:00' }] });
    expect(starts(snap, '2026-10-31T00:00:00Z', '2026-11-01T00:00:00Z')).toEqual(run('2026-10-31T13:00:00Z', 8, 60));
  });

  it('a 00:00–00:00 override removes the day', () => {
    const snap = oneResource('America/New_York', { overrides: [{ date: '2026-12-02', startTime: '00:00', endTime: '00:00' }] });
    expect(starts(snap, '2026-12-01T00:00:00Z', '2026-12-04T00:00:00Z').map((s) => localDate(Date.parse(s), 'America/New_York'))).toEqual([
      ...Array(8).fill('2026-12-01'),
      ...Array(8).fill('2026-12-03'),
    ]);
  });

  it('a 22:00–23:00 New York override lands at 02:00–03:00Z the next UTC day', () => {
    const snap = oneResource('America/New_York', { overrides: [{ date: '2026-07-01', startTime: '22:00', endTime: '23:00' }] });
    expect(starts(snap, '2026-07-01T00:00:00Z', '2026-07-03T00:00:00Z').filter((s) => s.startsWith('2026-07-02T0'))).toEqual(['2026-07-02T02:00:00Z']);
    const slots = starts(snap, '2026-07-01T04:00:00Z', '2026-07-02T04:00:00Z');
    expect(slots).toEqual(['2026-07-02T02:00:00Z']);
  });

  it.each([
    ['Asia/Kolkata', '2026-12-01T03:30:00Z', '09:00'],
    ['Asia/Kathmandu', '2026-12-01T03:15:00Z', '09:00'],
  ])('%s keeps the local times the business set', (zone, firstUtc, local) => {
    const snap = oneResource(zone);
    const slots = starts(snap, '2026-11-30T18:00:00Z', '2026-12-01T18:00:00Z');
    expect(slots).toEqual(run(firstUtc, 8, 60));
    expect(formatLocal(new Date(slots[0]!), zone).slice(11, 16)).toBe(local);
  });

  it('London spring forward: the night loses an hour, no slot in 01:00–02:00 local', () => {
    const snap = oneResource('Europe/London', { weeklyHours: [{ weekday: 7, startTime: '00:00', endTime: '04:00' }] });
    const slots = starts(snap, '2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z');
    expect(slots).toEqual(['2026-03-29T00:00:00Z', '2026-03-29T01:00:00Z', '2026-03-29T02:00:00Z']);
    expect(slots.map((s) => formatLocal(new Date(s), 'Europe/London').slice(11, 16))).toEqual(['00:00', '02:00', '03:00']);
  });

  it('London fall back: the repeated hour gives two distinct slots, none duplicated or lost', () => {
    const snap = oneResource('Europe/London', { weeklyHours: [{ weekday: 7, startTime: '00:00', endTime: '04:00' }] });
    const slots = starts(snap, '2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z');
    expect(slots).toEqual(run('2026-10-24T23:00:00Z', 5, 60));
    expect(new Set(slots).size).toBe(5);
    expect(slots.map((s) => formatLocal(new Date(s), 'Europe/London').slice(11, 25))).toEqual([
      '00:00:00+01:00',
      '01:00:00+01:00',
      '01:00:00+00:00',
      '02:00:00+00:00',
      '03:00:00+00:00',
    ]);
  });

  it('Sydney: end of DST (April) and start of DST (October) shift the UTC instants', () => {
    const snap = oneResource('Australia/Sydney', { weeklyHours: [{ weekday: 7, startTime: '09:00', endTime: '17:00' }] });
    expect(starts(snap, '2026-04-04T12:00:00Z', '2026-04-05T12:00:00Z')).toEqual(run('2026-04-04T23:00:00Z', 8, 60));
    expect(starts(snap, '2026-10-03T12:00:00Z', '2026-10-04T12:00:00Z')).toEqual(run('2026-10-03T22:00:00Z', 8, 60));
  });

  it('Sydney spring forward night: no slot in the skipped 02:00–03:00 local hour', () => {
    const snap = oneResource('Australia/Sydney', { weeklyHours: [{ weekday: 7, startTime: '01:00', endTime: '04:00' }] });
    const slots = starts(snap, '2026-10-03T12:00:00Z', '2026-10-04T12:00:00Z');
    expect(slots.map((s) => formatLocal(new Date(s), 'Australia/Sydney').slice(11, 16))).toEqual(['01:00', '03:00']);
  });

  it('New York spring forward: hours starting inside the skipped hour start when the clock resumes', () => {
    const snap = oneResource('America/New_York', { weeklyHours: [{ weekday: 7, startTime: '02:30', endTime: '05:30' }] });
    const slots = starts(snap, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z');
    expect(slots.map((s) => formatLocal(new Date(s), 'America/New_York').slice(11, 16))).toEqual(['03:30', '04:30']);
  });

  it('reads an ambiguous wall-clock time as its first occurrence and a skipped one moved forward', () => {
    expect(new Date(wallToInstant('2026-11-01', 90, 'America/New_York')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(new Date(wallToInstant('2026-03-08', 150, 'America/New_York')).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(new Date(wallToInstant('2026-12-01', 24 * 60, 'Asia/Kolkata')).toISOString()).toBe('2026-12-01T18:30:00.000Z');
  });

  it('uses the resource zone for hours even when the location is elsewhere, and renders in the location zone', () => {
    const r = resource({ timeZone: 'America/Chicago', weeklyHours: [{ weekday: 2, startTime: '09:00', endTime: '10:00' }] });
    const snap = snapshot({ service: service({ durationMinutes: 60, slotStepMinutes: 60 }), resources: [r], locations: [location({ timeZone: 'America/New_York' })] });
    expect(starts(snap, '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z')).toEqual(['2026-12-01T15:00:00Z']);
  });
});

describe('booking horizon', () => {
  it('ends at midnight after the last local day, across a DST change', () => {
    // Wed 10 Mar 2027 10:00 in New York, 5 days ahead: all of Mon 15 Mar (EDT from the 14th) is open.
    expect(new Date(horizonEnd(Date.parse('2027-03-10T15:00:00Z'), 5, 'America/New_York')).toISOString()).toBe('2027-03-16T04:00:00.000Z');
  });

  it('counts from the local date, not the UTC one', () => {
    // Sun 29 Nov 2026 23:30 in New York is already Monday in UTC: one day ahead is Monday, ending at its midnight.
    expect(new Date(horizonEnd(Date.parse('2026-11-30T04:30:00Z'), 1, 'America/New_York')).toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });
});
