import type { Block, ResourceRecord, ServiceRecord, WeeklyHoursRecord } from './ports.ts';
import { DAY, addDays, isoWeekday, localDate, localDatesCovering, parseClock, wallToInstant } from './time.ts';

// One resource's time over a window, as sorted, merged, half-open [start, end) ranges
// in epoch ms: when it works, when it is blocked, and the group sessions it runs.
// See availability.ts for the rules these ranges implement.

export interface Session {
  key: string;
  /** Distinct appointments and holds in the session on this resource. */
  taken: number;
}

export class ResourceCalendar {
  private workingRanges: number[] | null = null;
  /**
   * Working ranges, busy ranges and sessions are worked out on first use: a decision
   * walks the resources in routing order (which needs none of them) and usually stops
   * at the first free one, so most calendars of a decision are never asked.
   */
  private occupancy: { busy: number[]; sessions: Map<string, Session & { start: number; end: number }> } | null = null;
  /** Distinct bookings (sessions) per local date, for daily limits and least-busy routing; counted on first use. */
  private perDay: Map<string, number> | null = null;

  constructor(
    readonly resource: ResourceRecord,
    private readonly service: ServiceRecord,
    private readonly blocks: Block[],
    private readonly fromMs: number,
    private readonly toMs: number,
    private readonly sharedHours?: Map<string, number[]>,
  ) {}

  /** Flattened [start0, end0, start1, end1, …], sorted and merged. */
  get working(): number[] {
    return (this.workingRanges ??= sharedWorkingRanges(this.resource, this.fromMs, this.toMs, this.sharedHours));
  }

  /** Blocks except this service's group sessions, merged. */
  get busy(): number[] {
    return (this.occupancy ??= occupancyOf(this.blocks, this.service)).busy;
  }

  /** This service's group-session blocks on this resource, by session key. */
  get sessions(): Map<string, Session & { start: number; end: number }> {
    return (this.occupancy ??= occupancyOf(this.blocks, this.service)).sessions;
  }

  /** Whether [start, end) lies inside one working range. */
  works(start: number, end: number): boolean {
    const i = lastStartingAtOrBefore(this.working, start);
    return i >= 0 && this.working[2 * i + 1]! >= end;
  }

  /** The working range containing `at`, if any. */
  workingRangeAt(at: number): [number, number] | null {
    const i = lastStartingAtOrBefore(this.working, at);
    return i >= 0 && this.working[2 * i + 1]! > at ? [this.working[2 * i]!, this.working[2 * i + 1]!] : null;
  }

  /**
   * Whether [start, end) is free of blocks. A group session keyed `joinKey` does not
   * block (joining it is the point); any other session of the service does.
   */
  free(start: number, end: number, joinKey?: string): boolean {
    const i = lastStartingAtOrBefore(this.busy, end - 1);
    if (i >= 0 && this.busy[2 * i + 1]! > start) return false;
    for (const s of this.sessions.values()) {
      if (s.key !== joinKey && s.start < end && start < s.end) return false;
    }
    return true;
  }

  bookingsOn(day: string): number {
    this.perDay ??= bookingsPerDay(this.blocks, this.resource.timeZone);
    return this.perDay.get(day) ?? 0;
  }
}

/** A resource's blocks split into merged busy ranges and the service's group sessions. */
function occupancyOf(blocks: Block[], service: ServiceRecord): { busy: number[]; sessions: Map<string, Session & { start: number; end: number }> } {
  const seated = service.seats > 1;
  const sessions = new Map<string, Session & { start: number; end: number }>();
  const ranges: Array<[number, number]> = [];
  const sessionOwners = new Map<string, Set<string>>();
  for (const b of blocks) {
    const s = b.start.getTime();
    const e = b.end.getTime();
    if (seated && b.sessionKey && b.serviceId === service.id && isSessionKeyOf(service.id, b.sessionKey)) {
      let owners = sessionOwners.get(b.sessionKey);
      if (!owners) sessionOwners.set(b.sessionKey, (owners = new Set()));
      owners.add(b.ownerId ?? '');
      const prev = sessions.get(b.sessionKey);
      sessions.set(b.sessionKey, {
        key: b.sessionKey,
        taken: 0,
        start: prev ? Math.min(prev.start, s) : s,
        end: prev ? Math.max(prev.end, e) : e,
      });
      continue;
    }
    ranges.push([s, e]);
  }
  for (const [key, owners] of sessionOwners) sessions.get(key)!.taken = owners.size;
  return { busy: merge(ranges), sessions };
}

/**
 * Distinct bookings (session keys) per local date of their booked start. Only daily
 * limits and least-busy routing ask, so a search for a service without them never
 * pays for a date per block.
 */
function bookingsPerDay(blocks: Block[], zone: string): Map<string, number> {
  const dayKeys = new Map<string, Set<string>>();
  for (const b of blocks) {
    if (!b.sessionKey || !b.bookedStart) continue;
    const day = localDate(b.bookedStart.getTime(), zone);
    let keys = dayKeys.get(day);
    if (!keys) dayKeys.set(day, (keys = new Set()));
    keys.add(b.sessionKey);
  }
  const perDay = new Map<string, number>();
  for (const [day, keys] of dayKeys) perDay.set(day, keys.size);
  return perDay;
}

/** Group sessions are keyed by service and start so every seat of one class shares the key. */
export function sessionKeyFor(serviceId: string, start: number): string {
  return `${serviceId}:${new Date(start).toISOString()}`;
}

function isSessionKeyOf(serviceId: string, key: string): boolean {
  return key.startsWith(`${serviceId}:`);
}

/**
 * Staff often share one set of hours, so resources with the same zone, hours and
 * overrides in the window share one array (Planner.slots collects each array's starts
 * once). The key names the hours by an interned string instead of serialising them
 * for every resource of every decision.
 */
function sharedWorkingRanges(resource: ResourceRecord, fromMs: number, toMs: number, cache?: Map<string, number[]>): number[] {
  if (!cache) return workingRanges(resource, fromMs, toMs);
  const overrides = resource.overrides.length ? JSON.stringify(resource.overrides) : '';
  const key = `${resource.timeZone}|${hoursKey(resource.weeklyHours)}|${overrides}|${fromMs}|${toMs}`;
  let ranges = cache.get(key);
  if (!ranges) cache.set(key, (ranges = workingRanges(resource, fromMs, toMs)));
  return ranges;
}

// The configuration cache hands every snapshot the same weekly-hours arrays, so each
// array is named once per configuration version: by a small number, the same for
// equal hours, which keeps the keys above and below short to build and to hash.
const hoursIds = new WeakMap<WeeklyHoursRecord[], number>();
const hoursByText = new Map<string, number>();
// Never reused, even after hoursByText is cleared, so an id always means one set of hours.
let lastHoursId = 0;
function hoursKey(rows: WeeklyHoursRecord[]): number {
  let id = hoursIds.get(rows);
  if (id === undefined) {
    const text = JSON.stringify(rows);
    id = hoursByText.get(text);
    if (id === undefined) {
      if (hoursByText.size > 10_000) hoursByText.clear();
      hoursByText.set(text, (id = ++lastHoursId));
    }
    hoursIds.set(rows, id);
  }
  return id;
}

// The instants one local date's weekly hours cover, by zone, hours and date: each
// decision and search of a resource asks for the same few dates again.
const dayRanges = new Map<string, Array<[number, number]>>();

function weeklyRangesOn(date: string, zone: string, hours: WeeklyHoursRecord[]): Array<[number, number]> {
  const key = `${zone}|${hoursKey(hours)}|${date}`;
  let ranges = dayRanges.get(key);
  if (!ranges) {
    const weekday = isoWeekday(date);
    ranges = rowRanges(date, zone, hours.filter((h) => h.weekday === weekday));
    if (dayRanges.size > 50_000) dayRanges.clear();
    dayRanges.set(key, ranges);
  }
  return ranges;
}

/** A date's hours rows as instants; 00:00–00:00 is no time, an end at or before the start runs past midnight. */
function rowRanges(date: string, zone: string, rows: Array<{ startTime: string; endTime: string }>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const row of rows) {
    const s = parseClock(row.startTime);
    const e = parseClock(row.endTime);
    if (s === e) continue;
    const start = wallToInstant(date, s, zone);
    const end = e > s ? wallToInstant(date, e, zone) : wallToInstant(addDays(date, 1), e, zone);
    if (end > start) out.push([start, end]);
  }
  return out;
}

/**
 * Working ranges that could hold a slot in [fromMs, toMs). Each hours row belongs to
 * the local date it starts on; an end at or before its start runs past midnight, and
 * 00:00–00:00 is an empty row (as an override it closes the day). When a date has
 * overrides they replace that weekday's hours entirely.
 */
export function workingRanges(resource: ResourceRecord, fromMs: number, toMs: number): number[] {
  const zone = resource.timeZone;
  const overrides = new Map<string, Array<{ startTime: string; endTime: string }>>();
  for (const o of resource.overrides) {
    const list = overrides.get(o.date);
    if (list) list.push(o);
    else overrides.set(o.date, [o]);
  }
  const ranges: Array<[number, number]> = [];
  // A row starting the day before can run past midnight into the window.
  for (const date of localDatesCovering(fromMs - DAY, toMs + DAY, zone)) {
    const override = overrides.get(date);
    for (const r of override ? rowRanges(date, zone, override) : weeklyRangesOn(date, zone, resource.weeklyHours)) {
      if (r[1] > fromMs - DAY && r[0] < toMs + DAY) ranges.push([r[0], r[1]]);
    }
  }
  return merge(ranges);
}

function merge(ranges: Array<[number, number]>): number[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: number[] = [];
  for (const [s, e] of ranges) {
    const n = out.length;
    // Touching ranges merge too: [9,12) + [12,17) is one stretch of work or of busy time.
    if (n && s <= out[n - 1]!) out[n - 1] = Math.max(out[n - 1]!, e);
    else out.push(s, e);
  }
  return out;
}

/** Index of the last range whose start ≤ at, or -1 (ranges flattened, sorted by start). */
function lastStartingAtOrBefore(flat: number[], at: number): number {
  let lo = 0;
  let hi = flat.length / 2 - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (flat[2 * mid]! <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
