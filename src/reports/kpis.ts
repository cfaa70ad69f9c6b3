import { clipRanges, mergeRanges, subtractRanges, totalMs, type Range } from './intervals.ts';

// The KPI definitions, each written once here (and tabled in the README section
// "Reports, feeds and exports"). Pure functions over plain rows: the SQL in plans.ts
// only selects the rows, so every rule below is tested on hand-computed fixtures
// (tests/reports/kpis.test.ts). A rate whose denominator is 0 is null, not 0: "no
// appointments" is not "no no-shows".

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A share, or null when there is nothing to share out. */
const rate = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

/** The median of sorted values: the middle one, or the mean of the two middle ones. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile of sorted values: the smallest value with at least p% of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// ---- Speed to appointment -------------------------------------------------------

export interface SpeedRow {
  serviceId: string;
  serviceName: string;
  /** The first inbound message of the request that ended in this appointment. */
  firstMessageAt: Date;
  confirmedAt: Date;
}

export interface SpeedStat {
  serviceId: string;
  serviceName: string;
  appointments: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/**
 * Speed to appointment: minutes from the first inbound message of a request to the
 * appointment's confirmation, per service: the median and the nearest-rank 90th
 * percentile. A request starts at the customer's first message after their previous
 * confirmation on that channel (plans.ts), so a long-lived SMS thread is not one
 * request. Appointments not booked from a conversation have no first message and are left out.
 */
export function speedToAppointment(rows: readonly SpeedRow[]): SpeedStat[] {
  return [...groupBy(rows, (r) => r.serviceName + r.serviceId)].map(([, group]) => {
    const minutes = group.map((r) => (r.confirmedAt.getTime() - r.firstMessageAt.getTime()) / MINUTE).sort((a, b) => a - b);
    return {
      serviceId: group[0]!.serviceId,
      serviceName: group[0]!.serviceName,
      appointments: group.length,
      medianMinutes: median(minutes),
      p90Minutes: percentile(minutes, 90),
    };
  });
}

// ---- No-shows and late cancels ------------------------------------------------

export type AppointmentOutcome = 'requested' | 'confirmed' | 'completed' | 'canceled' | 'no_show';

export interface OutcomeRow {
  serviceName: string;
  channel: string;
  /** The service's reminder offsets, e.g. "24h + 2h" (reminderPattern()). */
  reminderPattern: string;
  status: AppointmentOutcome;
  startsAt: Date;
  confirmedAt: Date | null;
  canceledAt: Date | null;
}

export const OUTCOME_DIMENSIONS = ['channel', 'reminderPattern', 'serviceName'] as const;
export type OutcomeDimension = (typeof OUTCOME_DIMENSIONS)[number];

export interface RateStat {
  dimension: OutcomeDimension;
  key: string;
  count: number;
  of: number;
  rate: number | null;
}

/** Reminder offsets in minutes as people say them: [1440, 120] → "24h + 2h"; none → "none". */
export function reminderPattern(offsetsMinutes: readonly number[]): string {
  if (offsetsMinutes.length === 0) return 'none';
  return [...offsetsMinutes]
    .sort((a, b) => b - a)
    .map((m) => (m % 60 === 0 ? `${m / 60}h` : `${m}m`))
    .join(' + ');
}

function ratesBy(rows: readonly OutcomeRow[], counts: (r: OutcomeRow) => boolean, counted: (r: OutcomeRow) => boolean): RateStat[] {
  return OUTCOME_DIMENSIONS.flatMap((dimension) =>
    [...groupBy(rows.filter(counted), (r) => r[dimension])].map(([key, group]) => {
      const count = group.filter(counts).length;
      return { dimension, key, count, of: group.length, rate: rate(count, group.length) };
    }),
  );
}

/**
 * No-show rate: of the appointments starting in the period whose outcome was
 * recorded (completed or no_show), the share marked no_show; by channel, reminder
 * pattern and service. Canceled appointments and ones still awaiting an outcome are
 * in neither count.
 */
export function noShowRate(rows: readonly OutcomeRow[]): RateStat[] {
  return ratesBy(
    rows,
    (r) => r.status === 'no_show',
    (r) => r.status === 'completed' || r.status === 'no_show',
  );
}

/** Whether a cancel came within `windowMinutes` of the start (or after it). */
export const isLateCancel = (r: OutcomeRow, windowMinutes: number) =>
  r.status === 'canceled' && r.canceledAt !== null && r.startsAt.getTime() - r.canceledAt.getTime() < windowMinutes * MINUTE;

/**
 * Late-cancel rate: of the appointments starting in the period that were ever
 * confirmed, the share canceled less than the late-cancel window (a business
 * setting, 24 h by default) before their start; by channel, reminder pattern and service.
 */
export function lateCancelRate(rows: readonly OutcomeRow[], windowMinutes: number): RateStat[] {
  return ratesBy(
    rows,
    (r) => isLateCancel(r, windowMinutes),
    (r) => r.confirmedAt !== null,
  );
}

// ---- Utilization ----------------------------------------------------------------

export interface ResourceTime {
  resourceId: string;
  resourceName: string;
  locationId: string;
  locationName: string;
  /** The engine's working intervals (src/engine/calendar.ts workingRanges). */
  working: readonly Range[];
  timeOff: readonly Range[];
  /** Appointment times on the resource, buffers excluded; a class's seats overlap and count once. */
  booked: readonly Range[];
}

export interface UtilizationStat {
  id: string;
  name: string;
  bookedHours: number;
  availableHours: number;
  rate: number | null;
}

/**
 * Utilization: booked hours ÷ available hours over the period, by resource and by
 * location (the location's resources' hours added up). Available hours are the
 * working intervals minus time off; booked hours are the live (not canceled)
 * appointments' times on the resource, overlaps counted once. Both are clipped to
 * the period.
 */
export function utilization(input: { resources: readonly ResourceTime[]; from: Date; to: Date }): { byResource: UtilizationStat[]; byLocation: UtilizationStat[] } {
  const from = input.from.getTime();
  const to = input.to.getTime();
  const measured = input.resources.map((r) => ({
    r,
    booked: totalMs(clipRanges(mergeRanges(r.booked), from, to)),
    available: totalMs(subtractRanges(clipRanges(r.working, from, to), r.timeOff)),
  }));
  const stat = (id: string, name: string, booked: number, available: number): UtilizationStat => ({
    id,
    name,
    bookedHours: booked / HOUR,
    availableHours: available / HOUR,
    rate: rate(booked, available),
  });
  const byResource = measured.map((m) => stat(m.r.resourceId, m.r.resourceName, m.booked, m.available)).sort((a, b) => a.name.localeCompare(b.name));
  const byLocation = [...groupBy(measured, (m) => m.r.locationName + m.r.locationId)].map(([, group]) =>
    stat(
      group[0]!.r.locationId,
      group[0]!.r.locationName,
      group.reduce((s, m) => s + m.booked, 0),
      group.reduce((s, m) => s + m.available, 0),
    ),
  );
  return { byResource, byLocation };
}

// ---- Human involvement ----------------------------------------------------------

export interface HumanWorkRow {
  appointmentId: string;
  /** Exceptions of a scheduling kind (no slot, intake incomplete, approval, human requested) about the appointment. */
  schedulingExceptions: number;
  /** Changes made by a person: the appointment's events and its exceptions' audit steps with a user as actor. */
  humanTouches: number;
}

/** Exception rate: of the appointments booked in the period, the share that needed a human to finish scheduling (at least one scheduling exception). */
export function exceptionRate(rows: readonly HumanWorkRow[]): { appointments: number; withException: number; rate: number | null } {
  const withException = rows.filter((r) => r.schedulingExceptions > 0).length;
  return { appointments: rows.length, withException, rate: rate(withException, rows.length) };
}

/** Admin time: human touches per appointment booked in the period (staff/admin appointment events and ops steps on its exceptions). */
export function adminTime(rows: readonly HumanWorkRow[]): { appointments: number; humanTouches: number; perAppointment: number | null } {
  const humanTouches = rows.reduce((sum, r) => sum + r.humanTouches, 0);
  return { appointments: rows.length, humanTouches, perAppointment: rate(humanTouches, rows.length) };
}
