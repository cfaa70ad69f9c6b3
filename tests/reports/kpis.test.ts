import { describe, expect, it } from 'vitest';
import {
  adminTime,
  exceptionRate,
  lateCancelRate,
  noShowRate,
  reminderPattern,
  speedToAppointment,
  utilization,
  type OutcomeRow,
  type ResourceTime,
} from '../../src/reports/kpis.ts';
import { subtractRanges } from '../../src/reports/intervals.ts';

// Every KPI on a small fixture whose answers were worked out by hand (in the comments),
// not by running the code.

const at = (iso: string) => new Date(iso);
const ms = (iso: string) => Date.parse(`2026-12-07T${iso}:00Z`);
const r = (from: string, to: string) => [ms(from), ms(to)] as const;

describe('speed to appointment', () => {
  it('gives the median and nearest-rank p90 of minutes from first message to confirmation, per service', () => {
    const row = (serviceName: string, minutes: number) => ({
      serviceId: serviceName === 'Cut' ? 's-cut' : 's-color',
      serviceName,
      firstMessageAt: at('2026-12-01T10:00:00Z'),
      confirmedAt: new Date(Date.parse('2026-12-01T10:00:00Z') + minutes * 60_000),
    });
    // Cut: 10, 30, 20, 50 → sorted 10 20 30 50: median (20+30)/2 = 25; p90 rank ceil(0.9·4) = 4 → 50.
    // Color: 5 alone → 5 and 5.
    const stats = speedToAppointment([row('Cut', 10), row('Cut', 30), row('Color', 5), row('Cut', 20), row('Cut', 50)]);
    expect(stats).toEqual([
      { serviceId: 's-color', serviceName: 'Color', appointments: 1, medianMinutes: 5, p90Minutes: 5 },
      { serviceId: 's-cut', serviceName: 'Cut', appointments: 4, medianMinutes: 25, p90Minutes: 50 },
    ]);
  });

  it('has no figures for no appointments', () => {
    expect(speedToAppointment([])).toEqual([]);
  });
});

describe('no-show and late-cancel rates', () => {
  const start = at('2026-12-10T10:00:00Z');
  const row = (channel: string, reminders: string, serviceName: string, status: OutcomeRow['status'], extra: Partial<OutcomeRow> = {}): OutcomeRow => ({
    channel,
    reminderPattern: reminders,
    serviceName,
    status,
    startsAt: start,
    confirmedAt: at('2026-12-01T09:00:00Z'),
    canceledAt: null,
    ...extra,
  });
  const rows = [
    /* 1 */ row('sms', '24h + 2h', 'Cut', 'completed'),
    /* 2 */ row('sms', '24h + 2h', 'Cut', 'no_show'),
    /* 3 */ row('slack', '24h + 2h', 'Cut', 'canceled', { canceledAt: at('2026-12-10T08:00:00Z') }), // 2 h before
    /* 4 */ row('sms', 'none', 'Color', 'canceled', { canceledAt: at('2026-12-08T10:00:00Z') }), // 48 h before
    /* 5 */ row('sms', 'none', 'Color', 'completed'),
    /* 6 */ row('api', 'none', 'Color', 'requested', { confirmedAt: null }),
    /* 7 */ row('slack', 'none', 'Color', 'no_show'),
  ];

  it('counts no-shows among the appointments with a recorded outcome (rows 1, 2, 5, 7)', () => {
    expect(noShowRate(rows)).toEqual([
      { dimension: 'channel', key: 'slack', count: 1, of: 1, rate: 1 }, // row 7
      { dimension: 'channel', key: 'sms', count: 1, of: 3, rate: 1 / 3 }, // rows 1, 2, 5
      { dimension: 'reminderPattern', key: '24h + 2h', count: 1, of: 2, rate: 0.5 }, // rows 1, 2
      { dimension: 'reminderPattern', key: 'none', count: 1, of: 2, rate: 0.5 }, // rows 5, 7
      { dimension: 'serviceName', key: 'Color', count: 1, of: 2, rate: 0.5 },
      { dimension: 'serviceName', key: 'Cut', count: 1, of: 2, rate: 0.5 },
    ]);
  });

  it('counts cancels inside the window among the ever-confirmed appointments (all but row 6)', () => {
    // 24 h window: only row 3 is late.
    expect(lateCancelRate(rows, 24 * 60)).toEqual([
      { dimension: 'channel', key: 'slack', count: 1, of: 2, rate: 0.5 }, // rows 3, 7
      { dimension: 'channel', key: 'sms', count: 0, of: 4, rate: 0 }, // rows 1, 2, 4, 5
      { dimension: 'reminderPattern', key: '24h + 2h', count: 1, of: 3, rate: 1 / 3 },
      { dimension: 'reminderPattern', key: 'none', count: 0, of: 3, rate: 0 },
      { dimension: 'serviceName', key: 'Color', count: 0, of: 3, rate: 0 },
      { dimension: 'serviceName', key: 'Cut', count: 1, of: 3, rate: 1 / 3 },
    ]);
    // 72 h window: row 4 (48 h before) is late too.
    const wide = lateCancelRate(rows, 72 * 60);
    expect(wide.find((s) => s.dimension === 'channel' && s.key === 'sms')).toMatchObject({ count: 1, of: 4, rate: 0.25 });
    expect(wide.find((s) => s.dimension === 'serviceName' && s.key === 'Color')).toMatchObject({ count: 1, of: 3 });
  });

  it('names reminder patterns as people say them', () => {
    expect(reminderPattern([120, 1440])).toBe('24h + 2h');
    expect(reminderPattern([90])).toBe('90m');
    expect(reminderPattern([])).toBe('none');
  });
});

describe('utilization', () => {
  const resource = (resourceName: string, locationName: string, times: Partial<ResourceTime>): ResourceTime => ({
    resourceId: `id-${resourceName}`,
    resourceName,
    locationId: `loc-${locationName}`,
    locationName,
    working: [],
    timeOff: [],
    booked: [],
    ...times,
  });

  it('divides booked by working-minus-time-off hours inside the period, by resource and location', () => {
    const nextDay = (h: string) => Date.parse(`2026-12-08T${h}:00Z`);
    const resources = [
      // Working 08–12, 13–17 and 22–02 (2 h inside the day) = 10 h; time off 11–14 takes 2 h → 8 h available.
      // Booked 09–10 and 09:30–10:30 (a class: 1.5 h once), 15–16 (1 h), 23:30–00:30 (0.5 h inside) = 3 h → 3/8.
      resource('Ana', 'Main', {
        working: [r('08:00', '12:00'), r('13:00', '17:00'), [ms('22:00'), nextDay('02:00')]],
        timeOff: [r('11:00', '14:00')],
        booked: [r('09:00', '10:00'), r('09:30', '10:30'), r('15:00', '16:00'), [ms('23:30'), nextDay('00:30')]],
      }),
      // 8 h working, 2 h booked → 1/4.
      resource('Room 1', 'Main', { working: [r('09:00', '17:00')], booked: [r('09:00', '11:00')] }),
      // No hours at all: no rate.
      resource('Ben', 'North', {}),
    ];
    const result = utilization({ resources, from: at('2026-12-07T00:00:00Z'), to: at('2026-12-08T00:00:00Z') });
    expect(result.byResource).toEqual([
      { id: 'id-Ana', name: 'Ana', bookedHours: 3, availableHours: 8, rate: 0.375 },
      { id: 'id-Ben', name: 'Ben', bookedHours: 0, availableHours: 0, rate: null },
      { id: 'id-Room 1', name: 'Room 1', bookedHours: 2, availableHours: 8, rate: 0.25 },
    ]);
    // Main: 5 h booked of 16 h.
    expect(result.byLocation).toEqual([
      { id: 'loc-Main', name: 'Main', bookedHours: 5, availableHours: 16, rate: 0.3125 },
      { id: 'loc-North', name: 'North', bookedHours: 0, availableHours: 0, rate: null },
    ]);
  });

  it('takes time off away from working time, whatever overlaps', () => {
    expect(subtractRanges([r('08:00', '12:00')], [r('09:00', '10:00'), r('09:30', '11:00'), r('11:30', '13:00')])).toEqual([r('08:00', '09:00'), r('11:00', '11:30')]);
  });
});

describe('exception rate and admin time', () => {
  const rows = [
    { appointmentId: 'a1', schedulingExceptions: 0, humanTouches: 0 },
    { appointmentId: 'a2', schedulingExceptions: 1, humanTouches: 3 },
    { appointmentId: 'a3', schedulingExceptions: 0, humanTouches: 1 },
    { appointmentId: 'a4', schedulingExceptions: 2, humanTouches: 2 },
  ];

  it('shares out appointments that needed a human: a2 and a4 of four', () => {
    expect(exceptionRate(rows)).toEqual({ appointments: 4, withException: 2, rate: 0.5 });
  });

  it('averages human touches: 0 + 3 + 1 + 2 = 6 over four', () => {
    expect(adminTime(rows)).toEqual({ appointments: 4, humanTouches: 6, perAppointment: 1.5 });
  });

  it('has no rate for no appointments', () => {
    expect(exceptionRate([])).toEqual({ appointments: 0, withException: 0, rate: null });
    expect(adminTime([]).perAppointment).toBeNull();
  });
});
