import { Planner, type PlanOptions } from '../../../src/engine/availability.ts';
import type { Block, LocationRecord, ResourceRecord, ServiceRecord, Snapshot } from '../../../src/engine/ports.ts';

// In-memory snapshots for pure engine tests: no database, explicit instants only.

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${String(++counter).padStart(4, '0')}`;

export function service(over: Partial<ServiceRecord> = {}): ServiceRecord {
  return {
    id: 'svc-1',
    businessId: 'biz-1',
    name: 'Visit',
    slug: 'visit',
    durationMinutes: 30,
    minDurationMinutes: null,
    maxDurationMinutes: null,
    durationStepMinutes: 15,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    maxHorizonDays: 365,
    slotStepMinutes: 30,
    seats: 1,
    requiresApproval: false,
    routingStrategy: 'round_robin',
    cancellationWindowMinutes: 1440,
    active: true,
    ruleVersion: 1,
    requirements: [{ kind: 'staff', skills: ['general'] }],
    eligibleResourceIds: [],
    ...over,
  };
}

export function location(over: Partial<LocationRecord> = {}): LocationRecord {
  return { id: 'loc-1', timeZone: 'America/New_York', postalCodes: [], active: true, ...over };
}

/** Every day of the week with the same hours. */
export const everyDay = (start: string, end: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: start, endTime: end }));

export function resource(over: Partial<ResourceRecord> = {}): ResourceRecord {
  return {
    id: nextId('res'),
    locationId: 'loc-1',
    kind: 'staff',
    name: 'Staff',
    timeZone: 'America/New_York',
    skills: ['general'],
    languages: ['en'],
    capacity: 1,
    maxDailyBookings: null,
    routingWeight: 1,
    active: true,
    weeklyHours: everyDay('09:00', '17:00'),
    overrides: [],
    ...over,
  };
}

/** A reservation block of an appointment of `serviceId` (buffers already included in start/end). */
export function booking(resourceId: string, start: string, end: string, over: Partial<Block> = {}): Block {
  const owner = nextId('appt');
  return {
    resourceId,
    start: new Date(start),
    end: new Date(end),
    sessionKey: owner,
    bookedStart: new Date(start),
    serviceId: 'other-svc',
    ownerId: owner,
    ...over,
  };
}

export function timeOff(resourceId: string, start: string, end: string): Block {
  return { resourceId, start: new Date(start), end: new Date(end), sessionKey: null, bookedStart: null, serviceId: null, ownerId: null };
}

export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return { service: service(), locations: [location()], resources: [], blocks: [], monthlyCounts: new Map(), customer: null, ...over };
}

export const DEFAULT_NOW = '2026-01-01T00:00:00Z';

export function planner(snap: Snapshot, from: string, to: string, opts: Partial<PlanOptions> = {}): Planner {
  return new Planner(snap, Date.parse(from) - 36 * 3600_000, Date.parse(to) + 36 * 3600_000, { now: Date.parse(DEFAULT_NOW), ...opts });
}

/** Offered slot starts (ISO, UTC) in [from, to). */
export function starts(snap: Snapshot, from: string, to: string, opts: Partial<PlanOptions> = {}): string[] {
  return planner(snap, from, to, opts)
    .slots(Date.parse(from), Date.parse(to))
    .map((s) => s.start.toISOString().replace('.000Z', 'Z'));
}

/** A run of starts from `first`, `count` of them, `stepMinutes` apart (ISO, UTC). */
export function run(first: string, count: number, stepMinutes: number): string[] {
  return Array.from({ length: count }, (_, i) => new Date(Date.parse(first) + i * stepMinutes * 60_000).toISOString().replace('.000Z', 'Z'));
}
