import { workingRanges } from '../../engine/calendar.ts';
import type { ResourceRecord } from '../../engine/ports.ts';
import { addDays, isoWeekday, wallToInstant } from '../../engine/time.ts';
import { clipRanges, mergeRanges, subtractRanges, totalMs, type Range } from '../../reports/intervals.ts';

// A resource's day as the ops timeline shows it: its appointments, time off, holds
// and the free capacity between them. Free capacity is the engine's working time
// (workingRanges: weekly hours, date overrides and DST in the resource's own zone)
// minus everything that blocks a booking there: live reservations with their
// buffers, unexpired holds and time off, as the engine's availability counts them.
// Pure: the database rows come in, epoch-ms ranges go out.

/** What workingRanges reads of a resource; the rest of a ResourceRecord is routing data. */
export type ResourceHours = Pick<ResourceRecord, 'timeZone' | 'weeklyHours' | 'overrides'>;

export interface BookedAppointment {
  id: string;
  /** The appointment's own time, without buffers (what the customer was told). */
  start: number;
  end: number;
  customer: string;
  service: string;
  status: string;
}

export interface ResourceTimes {
  id: string;
  name: string;
  kind: string;
  hours: ResourceHours;
  /** Blocked time of live appointments and unexpired holds, buffers included. */
  reserved: readonly Range[];
  holds: readonly Range[];
  timeOff: ReadonlyArray<{ start: number; end: number; reason: string | null }>;
  appointments: readonly BookedAppointment[];
}

export type Segment =
  | { kind: 'free'; start: number; end: number }
  | { kind: 'held'; start: number; end: number }
  | { kind: 'time_off'; start: number; end: number; reason: string | null }
  | ({ kind: 'appointment' } & BookedAppointment);

export interface ResourceDay {
  resourceId: string;
  name: string;
  kind: string;
  freeMs: number;
  segments: Segment[];
}

export interface TimelineDay {
  /** Local date "YYYY-MM-DD" in the location's zone. */
  date: string;
  start: number;
  end: number;
  resources: ResourceDay[];
}

/** [local midnight, next local midnight) of a date: 23 or 25 hours on a DST change day. */
export const dayBounds = (date: string, zone: string): Range => [wallToInstant(date, 0, zone), wallToInstant(addDays(date, 1), 0, zone)];

/** The seven dates, Monday to Sunday, of the ISO week containing `date`. */
export function weekDates(date: string): string[] {
  const monday = addDays(date, 1 - isoWeekday(date));
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

const pairs = (flat: number[]): Range[] => Array.from({ length: flat.length / 2 }, (_, i): Range => [flat[2 * i]!, flat[2 * i + 1]!]);

/** Working time in [from, to) not blocked by a reservation, a hold or time off. */
export function freeRanges(input: { resource: ResourceTimes; from: number; to: number }): Range[] {
  const { resource, from, to } = input;
  const working = pairs(workingRanges(resource.hours as ResourceRecord, from, to));
  const blocked = [...resource.reserved, ...resource.holds, ...resource.timeOff.map((t): Range => [t.start, t.end])];
  return subtractRanges(clipRanges(working, from, to), blocked);
}

const clip = <T extends { start: number; end: number }>(items: readonly T[], from: number, to: number): T[] =>
  items.filter((i) => i.start < to && i.end > from).map((i) => ({ ...i, start: Math.max(i.start, from), end: Math.min(i.end, to) }));

export function resourceDay(input: { resource: ResourceTimes; from: number; to: number }): ResourceDay {
  const { resource, from, to } = input;
  const free = freeRanges(input);
  const segments: Segment[] = [
    ...free.map(([start, end]): Segment => ({ kind: 'free', start, end })),
    ...mergeRanges(clipRanges(resource.holds, from, to)).map(([start, end]): Segment => ({ kind: 'held', start, end })),
    ...clip(resource.timeOff, from, to).map((t): Segment => ({ kind: 'time_off', ...t })),
    ...clip(resource.appointments, from, to).map((a): Segment => ({ kind: 'appointment', ...a })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  return { resourceId: resource.id, name: resource.name, kind: resource.kind, freeMs: totalMs(free), segments };
}

/** Each date's timeline, the day cut at the location's local midnights. */
export function timelineDays(input: { dates: readonly string[]; zone: string; resources: readonly ResourceTimes[] }): TimelineDay[] {
  return input.dates.map((date) => {
    const [start, end] = dayBounds(date, input.zone);
    return { date, start, end, resources: input.resources.map((resource) => resourceDay({ resource, from: start, to: end })) };
  });
}
