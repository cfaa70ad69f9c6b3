import type { RuleName, Slot } from './api.ts';
import { ResourceCalendar, sessionKeyFor } from './calendar.ts';
import { isEligible, meetsLanguage, requiredKinds, servesPostalCode } from './eligibility.ts';
import type { LocationRecord, ResourceKind, Snapshot } from './ports.ts';
import { bestResource, rankResources, type RoutingInput } from './routing.ts';
import { MINUTE, horizonEnd, localDate, localMonth } from './time.ts';

/*
 * AVAILABILITY RULES — what a slot is, in one place. The commit-time checks in
 * rules.ts evaluate a single start with this same code, so what is offered and what
 * can be booked cannot disagree.
 *
 * Time
 * - Every range is half-open, [start, end): a booking ending 09:30 does not clash with
 *   a slot starting 09:30; a working interval 09:00–17:00 admits a 30-minute slot at 16:30.
 * - Instants are UTC. Weekly hours and date overrides are wall-clock times in the
 *   RESOURCE's own zone and are converted with an explicit zone (time.ts); the process
 *   TZ is never consulted. Customer-facing times are rendered in the LOCATION's zone.
 * - DST: a wall-clock time in the skipped hour moves forward by the gap (a 02:30 start
 *   on a spring-forward day is 03:30); in the repeated hour the first occurrence is used.
 *   Working intervals are then real stretches of time, so the night clocks fall back
 *   holds one more hour of slots and the night they spring forward one fewer, and no
 *   slot ever sits in a nonexistent local hour or appears twice.
 * - Each hours row belongs to the local date it starts on; an end at or before the start
 *   runs past midnight; "24:00" is midnight at the end of the day. All override rows of
 *   a date replace that weekday's rows, and a 00:00–00:00 override closes the day.
 *   Overlapping or touching rows merge into one working interval.
 *
 * Slot grid
 * - ONE RULE: slots start at the start of each (merged) working interval of the primary
 *   resource (staff when the service needs staff) and step by Service.slotStepMinutes
 *   in real minutes. A slot is offered only if [start, start + duration) fits inside
 *   that interval. A start off this grid is refused with `off_grid`.
 * - Other required kinds (a room, equipment) need only be working and free for the
 *   slot; they do not move the grid.
 *
 * Buffers
 * - Buffers are time attached to EACH appointment: an appointment blocks
 *   [start − bufferBefore, end + bufferAfter) on every resource it uses, and that block
 *   is what the database exclusion constraint stores. Between two appointments both
 *   apply: A's after-buffer plus B's before-buffer (15 + 30 = 45 minutes of gap).
 * - Buffers block resources but are not part of the slot shown to the customer, and
 *   they may extend outside working hours (setup before opening, cleanup after closing);
 *   they may not overlap another block or time off.
 *
 * Bookings and blocks
 * - Canceled appointments and expired holds free their time. Completed and no-show
 *   appointments keep theirs. Time off blocks like a booking.
 * - Minimum notice: start ≥ now + minNoticeMinutes. Horizon: the start falls on or before the
 *   local day maxHorizonDays after today, in the location's zone (that whole day is open).
 *
 * Eligibility, location, territory, language
 * - A resource serves a service by an explicit eligibility row or by having all skills
 *   of the service's requirement for its kind (a requirement without skills admits only
 *   explicit rows). Inactive services, resources and locations never appear.
 * - A service needing several kinds (staff AND room) gets one free resource of each kind
 *   at the same location for the same time.
 * - Territory: with a postal code, only locations listing it (or listing none) serve.
 * - Language: a requested language must be spoken by the staff member (rooms and
 *   equipment are exempt). Without one, language_first routing prefers the customer's.
 *
 * Capacity and limits
 * - Group services (seats > 1) run sessions keyed by service and start; bookings of one
 *   session share its blocks. Effective seats = min(service.seats, capacity of each
 *   assigned resource); a slot is offered while a seat is left. One-to-one services
 *   ignore resource capacity: a resource holds one of them at a time.
 * - Resource.maxDailyBookings caps distinct bookings (a class counts once) starting on
 *   one local day in the resource's zone; joining an existing session does not count.
 */

export interface PlanOptions {
  now: number;
  locationId?: string;
  resourceId?: string;
  /** Required language for staff. */
  language?: string;
  /** Preferred language for language_first routing when none is required. */
  preferredLanguage?: string;
  postalCode?: string;
}

export interface Combo {
  locationId: string;
  timeZone: string;
  /** One resource per required kind, staff first. */
  resourceIds: string[];
  seatsLeft: number;
  /** Set for group services: the session the booking joins or opens. */
  sessionKey?: string;
}

export type Evaluation = { ok: true; combo: Combo } | { ok: false; rule: RuleName | 'conflict'; message: string };

interface LocationPlan {
  location: LocationRecord;
  byKind: Map<ResourceKind, ResourceCalendar[]>;
}

// Why a candidate resource could not take a start, ordered by how close it came.
type Stage = 'outside_hours' | 'off_grid' | 'daily_limit' | 'conflict';
const STAGE_RANK: Record<Stage, number> = { outside_hours: 0, off_grid: 1, daily_limit: 2, conflict: 3 };

const zoneCache = new WeakMap<ResourceCalendar[], string[]>();
/** The distinct zones of a list of calendars, in first-seen order. */
function zonesOf(calendars: ResourceCalendar[]): string[] {
  let zones = zoneCache.get(calendars);
  if (!zones) zoneCache.set(calendars, (zones = [...new Set(calendars.map((c) => c.resource.timeZone))]));
  return zones;
}

export class Planner {
  readonly kinds: ResourceKind[];
  readonly plans: LocationPlan[] = [];
  /** Set when no resource can serve at all, naming the rule that excluded them. */
  readonly excluded: { rule: RuleName; message: string } | null = null;
  private readonly durationMs: number;
  private readonly beforeMs: number;
  private readonly afterMs: number;
  private readonly stepMs: number;
  private readonly rankCache = new Map<ResourceCalendar[], Map<string, ResourceCalendar[]>>();
  private readonly horizons = new Map<string, number>();

  constructor(
    readonly snapshot: Snapshot,
    fromMs: number,
    toMs: number,
    readonly opts: PlanOptions,
  ) {
    const { service } = snapshot;
    this.durationMs = service.durationMinutes * MINUTE;
    this.beforeMs = service.bufferBeforeMinutes * MINUTE;
    this.afterMs = service.bufferAfterMinutes * MINUTE;
    this.stepMs = service.slotStepMinutes * MINUTE;
    this.kinds = requiredKinds(service, snapshot.resources);
    this.excluded = this.build(fromMs, toMs);
  }

  private build(fromMs: number, toMs: number): { rule: RuleName; message: string } | null {
    const { service, resources, locations, blocks } = this.snapshot;
    const { locationId, resourceId, language, postalCode } = this.opts;
    if (!service.active) return { rule: 'inactive_service', message: `The service "${service.name}" is not bookable.` };
    if (this.kinds.length === 0) return { rule: 'not_eligible', message: `No resource is set up to serve "${service.name}".` };

    const blocksBy = new Map<string, typeof blocks>();
    for (const b of blocks) {
      const list = blocksBy.get(b.resourceId);
      if (list) list.push(b);
      else blocksBy.set(b.resourceId, [b]);
    }
    const eligible = resources.filter((r) => this.kinds.includes(r.kind) && isEligible(service, r));
    if (resourceId && !eligible.some((r) => r.id === resourceId)) {
      return { rule: 'not_eligible', message: `That resource does not serve "${service.name}".` };
    }
    const pinned = resourceId ? eligible.find((r) => r.id === resourceId) : undefined;
    const sharedHours = new Map<string, number[]>();

    let anyInTerritory = false;
    let anyEligible = false;
    for (const location of [...locations].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (!location.active) continue;
      if (locationId && location.id !== locationId) continue;
      if (pinned && pinned.locationId !== location.id) continue;
      if (!servesPostalCode(location, postalCode)) continue;
      anyInTerritory = true;
      const byKind = new Map<ResourceKind, ResourceCalendar[]>();
      let complete = true;
      for (const kind of this.kinds) {
        const atLocation = eligible.filter((r) => r.locationId === location.id && r.kind === kind);
        if (atLocation.length) anyEligible = true;
        const chosen = pinned && pinned.kind === kind ? atLocation.filter((r) => r.id === pinned.id) : atLocation;
        const speaking = chosen.filter((r) => meetsLanguage(r, language));
        if (speaking.length === 0) {
          complete = false;
          break;
        }
        byKind.set(
          kind,
          speaking.map((r) => new ResourceCalendar(r, service, blocksBy.get(r.id) ?? [], fromMs, toMs, sharedHours)),
        );
      }
      if (complete) this.plans.push({ location, byKind });
    }
    if (this.plans.length) return null;
    if (!anyInTerritory) {
      return postalCode
        ? { rule: 'territory', message: `No location serves postal code ${postalCode}.` }
        : { rule: 'not_eligible', message: 'No active location offers this service.' };
    }
    if (anyEligible && language) {
      return { rule: 'language', message: `No staff member who speaks "${language}" offers "${service.name}" there.` };
    }
    return { rule: 'not_eligible', message: `No resource at that location serves "${service.name}".` };
  }

  /** Minimum notice and booking horizon, which hold for every resource alike. */
  windowRule(start: number): { rule: RuleName; message: string } | null {
    const { service } = this.snapshot;
    if (start < this.opts.now + service.minNoticeMinutes * MINUTE) {
      return { rule: 'min_notice', message: `"${service.name}" must be booked at least ${service.minNoticeMinutes} minutes ahead.` };
    }
    if (start >= this.lastHorizon()) {
      return { rule: 'max_horizon', message: `"${service.name}" can be booked at most ${service.maxHorizonDays} days ahead.` };
    }
    return null;
  }

  /** The end of the horizon at a location: midnight after its last bookable local day. */
  private horizonAt(zone: string): number {
    let end = this.horizons.get(zone);
    if (end === undefined) this.horizons.set(zone, (end = horizonEnd(this.opts.now, this.snapshot.service.maxHorizonDays, zone)));
    return end;
  }

  /** The latest horizon of any location planned: a start past it is too far ahead everywhere. */
  private lastHorizon(): number {
    return Math.max(...this.plans.map((p) => this.horizonAt(p.location.timeZone)));
  }

  /** Whether `start` can be booked, and by which resources routing would pick. */
  evaluate(start: number): Evaluation {
    if (this.excluded) return { ok: false, ...this.excluded };
    const window = this.windowRule(start);
    if (window) return { ok: false, ...window };
    let best: Stage = 'outside_hours';
    for (const plan of this.plans) {
      if (start >= this.horizonAt(plan.location.timeZone)) continue;
      const r = this.evaluateAt(plan, start, true);
      if (r.ok) return r;
      if (STAGE_RANK[r.stage] > STAGE_RANK[best]) best = r.stage;
    }
    return { ok: false, rule: best, message: this.describe(best) };
  }

  private describe(stage: Stage): string {
    const name = this.snapshot.service.name;
    switch (stage) {
      case 'outside_hours':
        return `That time is outside the working hours of everyone who offers "${name}".`;
      case 'off_grid':
        return `"${name}" starts every ${this.snapshot.service.slotStepMinutes} minutes from the start of working hours; that time is between slots.`;
      case 'daily_limit':
        return `Everyone who offers "${name}" then has reached their daily booking limit.`;
      case 'conflict':
        return 'That time is already taken.';
    }
  }

  private evaluateAt(plan: LocationPlan, start: number, checkGrid: boolean): { ok: true; combo: Combo } | { ok: false; stage: Stage } {
    const { service } = this.snapshot;
    const end = start + this.durationMs;
    const seated = service.seats > 1;
    const sessionKey = seated ? sessionKeyFor(service.id, start) : undefined;
    const picked: ResourceCalendar[] = [];
    let seatsLeft = seated ? service.seats : 1;
    for (let k = 0; k < this.kinds.length; k++) {
      const primary = k === 0;
      const calendars = plan.byKind.get(this.kinds[k]!)!;
      let stage: Stage = 'outside_hours';
      let chosen: ResourceCalendar | undefined;
      if (seated) {
        // Whether a resource already runs the session depends on the start, so the
        // routing order does too: rank the free ones for this start.
        const free: ResourceCalendar[] = [];
        for (const cal of calendars) {
          const s = this.candidateStage(cal, start, end, primary && checkGrid, sessionKey);
          if (s === null) free.push(cal);
          else if (STAGE_RANK[s] > STAGE_RANK[stage]) stage = s;
        }
        if (free.length) chosen = free.length === 1 ? free[0]! : bestResource(free, this.routingInput(start, sessionKey));
      } else {
        // Routing order does not depend on which resources are free, so walking the
        // resources in that order and taking the first free one picks exactly what
        // ranking the free ones would — usually after one or two checks, not all.
        for (const cal of this.ranked(calendars, start)) {
          const s = this.candidateStage(cal, start, end, primary && checkGrid, sessionKey);
          if (s === null) {
            chosen = cal;
            break;
          }
          if (STAGE_RANK[s] > STAGE_RANK[stage]) stage = s;
        }
      }
      if (!chosen) return { ok: false, stage };
      picked.push(chosen);
      if (seated) seatsLeft = Math.min(seatsLeft, seatsFree(chosen, service.seats, sessionKey!));
    }
    return {
      ok: true,
      combo: {
        locationId: plan.location.id,
        timeZone: plan.location.timeZone,
        resourceIds: picked.map((c) => c.resource.id),
        seatsLeft,
        ...(sessionKey ? { sessionKey } : {}),
      },
    };
  }

  private routingInput(start: number, sessionKey: string | undefined): RoutingInput {
    return {
      strategy: this.snapshot.service.routingStrategy,
      start,
      monthlyCounts: this.snapshot.monthlyCounts,
      previousResourceIds: this.snapshot.customer?.previousResourceIds ?? [],
      language: this.opts.language ?? this.opts.preferredLanguage ?? this.snapshot.customer?.language,
      sessionKey,
    };
  }

  /**
   * The calendars in routing order for a start. Without a group session the order
   * depends on the start only through its local day in each resource's zone (the
   * day's count for least-busy routing) or only its month (the month's counts, for
   * every other strategy), so it is computed once per such day or month.
   */
  private ranked(calendars: ResourceCalendar[], start: number): ResourceCalendar[] {
    if (calendars.length === 1) return calendars;
    let perList = this.rankCache.get(calendars);
    if (!perList) this.rankCache.set(calendars, (perList = new Map()));
    const byDay = this.snapshot.service.routingStrategy === 'least_busy';
    let key = '';
    for (const zone of zonesOf(calendars)) key += byDay ? localDate(start, zone) : localMonth(start, zone);
    let order = perList.get(key);
    if (!order) perList.set(key, (order = rankResources(calendars, this.routingInput(start, undefined))));
    return order;
  }

  /** Null when the resource can take the booking at `start`; otherwise the first rule it fails. */
  private candidateStage(cal: ResourceCalendar, start: number, end: number, checkGrid: boolean, sessionKey?: string): Stage | null {
    if (!cal.works(start, end)) return 'outside_hours';
    if (checkGrid) {
      const range = cal.workingRangeAt(start)!;
      if ((start - range[0]) % this.stepMs !== 0) return 'off_grid';
    }
    const joining = sessionKey !== undefined && cal.sessions.has(sessionKey);
    const limit = cal.resource.maxDailyBookings;
    if (!joining && limit !== null && cal.bookingsOn(localDate(start, cal.resource.timeZone)) >= limit) return 'daily_limit';
    if (!cal.free(start - this.beforeMs, end + this.afterMs, sessionKey)) return 'conflict';
    if (sessionKey !== undefined && seatsFree(cal, this.snapshot.service.seats, sessionKey) <= 0) return 'conflict';
    return null;
  }

  /** Offered slots with start in [fromMs, toMs), earliest first (then by location id). */
  slots(fromMs: number, toMs: number, limit = Number.POSITIVE_INFINITY): Slot[] {
    if (this.excluded) return [];
    const { service } = this.snapshot;
    const earliest = Math.max(fromMs, this.opts.now + service.minNoticeMinutes * MINUTE);
    if (earliest > toMs - 1) return [];
    const found: Array<{ start: number; combo: Combo }> = [];
    for (const plan of this.plans) {
      const latest = Math.min(toMs - 1, this.horizonAt(plan.location.timeZone) - 1);
      if (earliest > latest) continue;
      const starts = new Set<number>();
      // Resources with the same hours share one working array (calendar.ts); its
      // starts need collecting once.
      const seen = new Set<number[]>();
      for (const cal of plan.byKind.get(this.kinds[0]!)!) {
        const w = cal.working;
        if (seen.has(w)) continue;
        seen.add(w);
        for (let i = 0; i < w.length; i += 2) {
          const ws = w[i]!;
          const we = w[i + 1]!;
          if (we <= earliest || ws > latest) continue;
          const first = ws + Math.max(0, Math.ceil((earliest - ws) / this.stepMs)) * this.stepMs;
          for (let t = first; t <= latest && t + this.durationMs <= we; t += this.stepMs) starts.add(t);
        }
      }
      for (const t of [...starts].sort((a, b) => a - b)) {
        const r = this.evaluateAt(plan, t, true);
        if (r.ok) found.push({ start: t, combo: r.combo });
      }
    }
    found.sort((a, b) => a.start - b.start || (a.combo.locationId < b.combo.locationId ? -1 : 1));
    return found.slice(0, limit).map(({ start, combo }) => toSlot(start, start + this.durationMs, combo));
  }
}

function seatsFree(cal: ResourceCalendar, serviceSeats: number, sessionKey: string): number {
  return Math.min(serviceSeats, cal.resource.capacity) - (cal.sessions.get(sessionKey)?.taken ?? 0);
}

export function toSlot(start: number, end: number, combo: Combo): Slot {
  return {
    start: new Date(start),
    end: new Date(end),
    resourceIds: combo.resourceIds,
    locationId: combo.locationId,
    seatsLeft: combo.seatsLeft,
    timeZone: combo.timeZone,
  };
}
