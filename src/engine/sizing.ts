import type { RuleName } from './api.ts';
import type { ServiceRecord, Snapshot } from './ports.ts';

// Internal bookables: the requester chooses how long ("a room for 90 minutes") and how
// big ("a room for 6"). Both only reshape the snapshot a decision is made on — the
// service takes the chosen length, rooms too small drop out — so availability,
// eligibility, routing, buffers and the exclusion constraint apply exactly as for any
// other booking, and the writes take their end and blocked range from that service.

export interface Sizing {
  /** The booking's length; must lie in the service's [min, max] on its step (or equal its fixed length). */
  durationMinutes?: number;
  /** Attendees the room must hold: rooms with a smaller capacity are not offered. */
  minCapacity?: number;
  /**
   * When the chosen length is no longer allowed, use the service's default instead of
   * refusing (a reschedule keeps the booked length while the service still allows it).
   */
  orDefaultDuration?: boolean;
}

export type Sized = { ok: true; snapshot: Snapshot } | { ok: false; rule: RuleName; message: string };

/** The lengths a service admits, ascending: one for a fixed-length service. */
export function allowedDurations(service: Pick<ServiceRecord, 'durationMinutes' | 'minDurationMinutes' | 'maxDurationMinutes' | 'durationStepMinutes'>): number[] {
  const { minDurationMinutes: min, maxDurationMinutes: max, durationStepMinutes: step } = service;
  if (min === null || max === null || step < 1) return [service.durationMinutes];
  const lengths: number[] = [];
  for (let m = min; m <= max; m += step) lengths.push(m);
  return lengths;
}

/** Why `minutes` is not a length this service can be booked for, or null when it is. */
export function durationProblem(service: ServiceRecord, minutes: number): string | null {
  const allowed = allowedDurations(service);
  if (allowed.includes(minutes)) return null;
  if (allowed.length === 1) return `"${service.name}" always lasts ${allowed[0]} minutes.`;
  return `"${service.name}" can be booked for ${allowed[0]} to ${allowed.at(-1)} minutes in steps of ${service.durationStepMinutes}; ${minutes} minutes is not one of them.`;
}

/** The snapshot a sized request is decided on, or the rule its size breaks. */
export function sizeSnapshot(snap: Snapshot, sizing: Sizing): Sized {
  const service = withDuration(snap.service, sizing);
  if (!service.ok) return service;
  const resources = sizing.minCapacity === undefined ? { ok: true as const, list: snap.resources } : roomsFor(snap, sizing.minCapacity);
  if (!resources.ok) return resources;
  return { ok: true, snapshot: { ...snap, service: service.service, resources: resources.list } };
}

function withDuration(service: ServiceRecord, sizing: Sizing): { ok: true; service: ServiceRecord } | { ok: false; rule: RuleName; message: string } {
  const minutes = sizing.durationMinutes;
  if (minutes === undefined || minutes === service.durationMinutes) return { ok: true, service };
  const problem = durationProblem(service, minutes);
  if (problem === null) return { ok: true, service: { ...service, durationMinutes: minutes } };
  if (sizing.orDefaultDuration) return { ok: true, service };
  return { ok: false, rule: 'duration', message: problem };
}

/** Rooms too small for the party drop out; a service without rooms cannot promise a size. */
function roomsFor(snap: Snapshot, minCapacity: number): { ok: true; list: Snapshot['resources'] } | { ok: false; rule: RuleName; message: string } {
  const { service } = snap;
  if (!service.requirements.some((r) => r.kind === 'room')) {
    if (minCapacity <= 1) return { ok: true, list: snap.resources };
    return { ok: false, rule: 'capacity', message: `"${service.name}" does not use a room, so it cannot be booked for ${minCapacity} people.` };
  }
  const list = snap.resources.filter((r) => r.kind !== 'room' || r.capacity >= minCapacity);
  if (!list.some((r) => r.kind === 'room')) {
    return { ok: false, rule: 'capacity', message: `No room for "${service.name}" holds ${minCapacity} people.` };
  }
  return { ok: true, list };
}
