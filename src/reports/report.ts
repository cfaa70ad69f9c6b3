import type { PrismaClient } from '../db/client.ts';
import { workingRanges } from '../engine/calendar.ts';
import type { ResourceRecord } from '../engine/ports.ts';
import type { Range } from './intervals.ts';
import {
  adminTime,
  exceptionRate,
  lateCancelRate,
  noShowRate,
  reminderPattern,
  speedToAppointment,
  utilization,
  type AppointmentOutcome,
  type RateStat,
  type SpeedStat,
  type UtilizationStat,
} from './kpis.ts';
import * as plans from './plans.ts';

// The KPI report over the database: plans.ts selects the rows, kpis.ts computes.

export interface KpiFilter {
  from: Date;
  to: Date;
  location?: string;
  service?: string;
  channel?: string;
}

export interface KpiReport {
  from: string;
  to: string;
  filter: { location: string | null; service: string | null; channel: string | null };
  lateCancelWindowMinutes: number;
  speedToAppointment: SpeedStat[];
  noShowRate: RateStat[];
  lateCancelRate: RateStat[];
  utilization: { byResource: UtilizationStat[]; byLocation: UtilizationStat[] };
  exceptionRate: ReturnType<typeof exceptionRate>;
  adminTime: ReturnType<typeof adminTime>;
}

const DEFAULT_LATE_CANCEL_WINDOW_MINUTES = 24 * 60;

type Query = <T>(sql: string, ...params: unknown[]) => Promise<T[]>;

export async function kpiReport({ db, filter }: { db: PrismaClient; filter: KpiFilter }): Promise<KpiReport> {
  const query: Query = (sql, ...params) => db.$queryRawUnsafe(sql, ...params);
  const params = [filter.from, filter.to, filter.location ?? null, filter.service ?? null, filter.channel ?? null] as const;
  const business = await db.business.findFirst({ orderBy: { createdAt: 'asc' }, select: { lateCancelWindowMinutes: true } });
  const lateCancelWindowMinutes = business?.lateCancelWindowMinutes ?? DEFAULT_LATE_CANCEL_WINDOW_MINUTES;

  const [speed, outcomes, humanWork, resources] = await Promise.all([
    query<{ service_id: string; service_name: string; confirmed_at: Date; first_at: Date }>(plans.speedRows(), ...params),
    query<{ status: AppointmentOutcome; channel: string; service_name: string; reminder_offsets_minutes: number[]; starts_at: Date; confirmed_at: Date | null; canceled_at: Date | null }>(
      plans.outcomeRows(),
      ...params,
    ),
    query<{ id: string; scheduling_exceptions: number; human_touches: number }>(plans.humanWorkRows(), ...params),
    resourceTimes({ query, filter }),
  ]);

  const outcomeRows = outcomes.map((o) => ({
    serviceName: o.service_name,
    channel: o.channel,
    reminderPattern: reminderPattern(o.reminder_offsets_minutes),
    status: o.status,
    startsAt: o.starts_at,
    confirmedAt: o.confirmed_at,
    canceledAt: o.canceled_at,
  }));
  const humanRows = humanWork.map((h) => ({ appointmentId: h.id, schedulingExceptions: h.scheduling_exceptions, humanTouches: h.human_touches }));
  return {
    from: filter.from.toISOString(),
    to: filter.to.toISOString(),
    filter: { location: filter.location ?? null, service: filter.service ?? null, channel: filter.channel ?? null },
    lateCancelWindowMinutes,
    speedToAppointment: speedToAppointment(speed.map((s) => ({ serviceId: s.service_id, serviceName: s.service_name, firstMessageAt: s.first_at, confirmedAt: s.confirmed_at }))),
    noShowRate: noShowRate(outcomeRows),
    lateCancelRate: lateCancelRate(outcomeRows, lateCancelWindowMinutes),
    utilization: utilization({ resources, from: filter.from, to: filter.to }),
    exceptionRate: exceptionRate(humanRows),
    adminTime: adminTime(humanRows),
  };
}

const pairs = (flat: number[]): Range[] => Array.from({ length: flat.length / 2 }, (_, i): Range => [flat[2 * i]!, flat[2 * i + 1]!]);

/** Each resource's working intervals (as the engine computes them), time off and booked times. */
async function resourceTimes({ query, filter }: { query: Query; filter: KpiFilter }) {
  const resources = await query<{ id: string; name: string; time_zone: string; location_id: string; location_name: string }>(
    plans.utilizationResources(),
    filter.location ?? null,
  );
  const ids = resources.map((r) => r.id);
  const [hours, overrides, timeOff, booked] = await Promise.all([
    query<{ resource_id: string; weekday: number; start_time: string; end_time: string }>(plans.weeklyHours(), ids),
    query<{ resource_id: string; date: string; start_time: string; end_time: string }>(plans.dateOverrides(), ids),
    query<{ resource_id: string; starts_at: Date; ends_at: Date }>(plans.timeOff(), filter.from, filter.to, ids),
    query<{ resource_id: string; starts_at: Date; ends_at: Date }>(plans.bookedTimes(), filter.from, filter.to, ids),
  ]);
  const rangesOf = (rows: Array<{ resource_id: string; starts_at: Date; ends_at: Date }>, id: string) =>
    rows.filter((t) => t.resource_id === id).map((t): Range => [t.starts_at.getTime(), t.ends_at.getTime()]);
  return resources.map((r) => {
    // workingRanges reads only the zone and the hours; the rest of a ResourceRecord is routing data.
    const record: Pick<ResourceRecord, 'timeZone' | 'weeklyHours' | 'overrides'> = {
      timeZone: r.time_zone,
      weeklyHours: hours.filter((h) => h.resource_id === r.id).map((h) => ({ weekday: h.weekday, startTime: h.start_time, endTime: h.end_time })),
      overrides: overrides.filter((o) => o.resource_id === r.id).map((o) => ({ date: o.date, startTime: o.start_time, endTime: o.end_time })),
    };
    return {
      resourceId: r.id,
      resourceName: r.name,
      locationId: r.location_id,
      locationName: r.location_name,
      working: pairs(workingRanges(record as ResourceRecord, filter.from.getTime(), filter.to.getTime())),
      timeOff: rangesOf(timeOff, r.id),
      booked: rangesOf(booked, r.id),
    };
  });
}
