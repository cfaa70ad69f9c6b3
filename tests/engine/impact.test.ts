import { describe, expect, it } from 'vitest';
import { affectedAppointments, type BookedOnResource } from '../../src/engine/impact.ts';
import type { ResourceRecord } from '../../src/engine/ports.ts';

// Which booked appointments a change to a resource makes impossible, by the engine's
// own rules: time off blocks the whole blocked range (buffers included, half-open),
// an appointment must fit one working interval, inactive resources serve nothing.

const zone = 'America/New_York';
const dana: ResourceRecord = {
  id: 'dana',
  locationId: 'main',
  kind: 'staff',
  name: 'Dana',
  timeZone: zone,
  skills: [],
  languages: [],
  capacity: 1,
  maxDailyBookings: null,
  routingWeight: 1,
  active: true,
  weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', endTime: '17:00' })),
  overrides: [],
};
const now = new Date('2026-12-01T12:00:00Z');

/** A 30-minute appointment at `start` (UTC) with a 15-minute after-buffer. */
function booked(id: string, start: string, status: BookedOnResource['status'] = 'confirmed'): BookedOnResource {
  const s = new Date(start);
  const e = new Date(s.getTime() + 30 * 60_000);
  return { appointmentId: id, status, start: s, end: e, blockStart: s, blockEnd: new Date(e.getTime() + 15 * 60_000) };
}

// Thu Dec 3, New York (UTC-5): 10:00, 11:00, 15:00 local; Fri Dec 4 10:00 local.
const thu10 = booked('thu10', '2026-12-03T15:00:00Z');
const thu11 = booked('thu11', '2026-12-03T16:00:00Z');
const thu15 = booked('thu15', '2026-12-03T20:00:00Z');
const fri10 = booked('fri10', '2026-12-04T15:00:00Z');
const all = [fri10, thu15, thu11, thu10];

describe('affectedAppointments', () => {
  it('time off names the appointments whose blocked range it overlaps, earliest first', () => {
    const change = { kind: 'time_off' as const, start: new Date('2026-12-03T14:00:00Z'), end: new Date('2026-12-03T19:00:00Z') };
    expect(affectedAppointments({ resource: dana, change, booked: all, now })).toEqual([
      { appointmentId: 'thu10', reason: 'time_off' },
      { appointmentId: 'thu11', reason: 'time_off' },
    ]);
  });

  it('counts the after-buffer but keeps intervals half-open', () => {
    // 10:30–10:45 is thu10's cleanup buffer: blocked.
    const inBuffer = { kind: 'time_off' as const, start: new Date('2026-12-03T15:30:00Z'), end: new Date('2026-12-03T15:45:00Z') };
    expect(affectedAppointments({ resource: dana, change: inBuffer, booked: [thu10], now })).toHaveLength(1);
    // Starting when the buffer ends, or ending when the appointment starts: no clash.
    const after = { kind: 'time_off' as const, start: new Date('2026-12-03T15:45:00Z'), end: new Date('2026-12-03T16:00:00Z') };
    const before = { kind: 'time_off' as const, start: new Date('2026-12-03T14:00:00Z'), end: new Date('2026-12-03T15:00:00Z') };
    expect(affectedAppointments({ resource: dana, change: after, booked: [thu10, thu11], now })).toEqual([]);
    expect(affectedAppointments({ resource: dana, change: before, booked: [thu10], now })).toEqual([]);
  });

  it('new weekly hours name the appointments no longer inside a working interval, in the resource zone', () => {
    // Thursdays shortened to 09:00–11:00: 10:00 fits, 11:00 and 15:00 no longer do; Friday is unchanged.
    const weeklyHours = dana.weeklyHours.map((h) => (h.weekday === 4 ? { ...h, endTime: '11:00' } : h));
    expect(affectedAppointments({ resource: dana, change: { kind: 'weekly_hours', weeklyHours }, booked: all, now })).toEqual([
      { appointmentId: 'thu11', reason: 'outside_hours' },
      { appointmentId: 'thu15', reason: 'outside_hours' },
    ]);
  });

  it('a closed date (an override with no intervals) names that day only; a shorter one names what falls outside', () => {
    expect(affectedAppointments({ resource: dana, change: { kind: 'date_override', date: '2026-12-04', intervals: [] }, booked: all, now })).toEqual([
      { appointmentId: 'fri10', reason: 'outside_hours' },
    ]);
    const late = { kind: 'date_override' as const, date: '2026-12-03', intervals: [{ startTime: '10:30', endTime: '17:00' }] };
    expect(affectedAppointments({ resource: dana, change: late, booked: all, now }).map((i) => i.appointmentId)).toEqual(['thu10']);
  });

  it('deactivating names every live future appointment', () => {
    expect(affectedAppointments({ resource: dana, change: { kind: 'deactivate' }, booked: all, now }).map((i) => [i.appointmentId, i.reason])).toEqual([
      ['thu10', 'inactive'],
      ['thu11', 'inactive'],
      ['thu15', 'inactive'],
      ['fri10', 'inactive'],
    ]);
  });

  it('leaves past, canceled and completed appointments alone', () => {
    const past = booked('past', '2026-12-01T11:00:00Z');
    const canceled = booked('canceled', '2026-12-03T15:00:00Z', 'canceled');
    const requested = booked('requested', '2026-12-03T15:00:00Z', 'requested');
    const ids = affectedAppointments({ resource: dana, change: { kind: 'deactivate' }, booked: [past, canceled, requested], now }).map((i) => i.appointmentId);
    expect(ids).toEqual(['requested']);
  });
});
