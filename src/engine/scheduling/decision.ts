import { Planner, type Combo, type Evaluation, type PlanOptions } from '../availability.ts';
import type { NewReservation, ServiceRecord, Snapshot, SnapshotRequest } from '../ports.ts';
import { sizeSnapshot, type Sized, type Sizing } from '../sizing.ts';
import { MINUTE, localDate, monthsCovering } from '../time.ts';

// Deciding one start time on a snapshot: what to load, whose bookings to ignore,
// which resources the decision reserves and which counts it must serialize on.

// Blocks are loaded this far around the times in question so that every local day
// touching them is whole (daily limits, least-busy) whatever the zone's offset.
export const MARGIN = 36 * 60 * MINUTE;

/** Plan options without the instant, which each decision supplies itself. */
export type Plan = Omit<PlanOptions, 'now'>;

/** What a booking or hold request asks of the plan: where, with whom, in which language, for which territory. */
export const planOf = (req: { locationId?: string; resourceId?: string; language?: string; postalCode?: string }): Plan => ({
  locationId: req.locationId,
  resourceId: req.resourceId,
  language: req.language,
  postalCode: req.postalCode,
});

/** One start time to decide: the service, the routing options, and who is asking. */
export interface Target {
  /** Service id or slug. */
  service: string;
  start: number;
  now: Date;
  plan: Plan;
  customerId?: string;
  /** An appointment being moved: its own reservations are not in the way. */
  ignoreOwner?: string;
  /** The length and room size asked for. */
  sizing?: Sizing;
}

/** What a request asks of the booking's size. */
export const sizingOf = (req: { durationMinutes?: number; minCapacity?: number }): Sizing => ({
  durationMinutes: req.durationMinutes,
  minCapacity: req.minCapacity,
});

/** A loaded snapshot reshaped to the requested size (null when the service is unknown). */
export function sized(snap: Snapshot | null, sizing: Sizing | undefined): Sized | null {
  if (!snap) return null;
  return sizing ? sizeSnapshot(snap, sizing) : { ok: true, snapshot: snap };
}

export function snapshotRequest(service: string, range: { from: number; to: number }, now: Date, extra: Partial<SnapshotRequest> = {}): SnapshotRequest {
  return {
    service,
    from: new Date(range.from - MARGIN),
    to: new Date(range.to + MARGIN),
    months: monthsCovering(range.from, range.to),
    now,
    ...extra,
  };
}

export function withoutOwner(snapshot: Snapshot, ownerId: string | undefined): Snapshot {
  return ownerId ? { ...snapshot, blocks: snapshot.blocks.filter((b) => b.ownerId !== ownerId) } : snapshot;
}

/** The Planner's verdict on `target.start` against `snap` (the plan may be narrowed, e.g. to a locked location). */
export function evaluateAt(snap: Snapshot, target: Target, plan: Plan = target.plan): Evaluation {
  const { start, now, ignoreOwner } = target;
  return new Planner(withoutOwner(snap, ignoreOwner), start - MARGIN, start + MARGIN, { ...plan, now: now.getTime() }).evaluate(start);
}

/** The time a booking at `start` blocks on each resource of the combination, buffers included. */
export function blockedRange(service: ServiceRecord, start: number): { blockStart: Date; blockEnd: Date } {
  return {
    blockStart: new Date(start - service.bufferBeforeMinutes * MINUTE),
    blockEnd: new Date(start + (service.durationMinutes + service.bufferAfterMinutes) * MINUTE),
  };
}

export function reservationsFor(service: ServiceRecord, combo: Combo, start: number, sessionKey: string): NewReservation[] {
  const range = blockedRange(service, start);
  return combo.resourceIds.map((resourceId) => ({ resourceId, sessionKey, ...range }));
}

/**
 * One-to-one bookings need no lock: the exclusion constraint alone decides between two
 * writers of overlapping time. Rules that COUNT bookings (daily limits, seats of a
 * group session) are serialized per resource and local day, so two commits cannot both
 * read "one left" — while bookings on other days or other resources stay parallel.
 */
export function serializationKeys(snap: Snapshot, combo: Combo, start: number): string[] {
  const keys: string[] = [];
  for (const id of combo.resourceIds) {
    const r = snap.resources.find((x) => x.id === id);
    if (r && (snap.service.seats > 1 || r.maxDailyBookings !== null)) keys.push(`${id}:${localDate(start, r.timeZone)}`);
  }
  return keys;
}
