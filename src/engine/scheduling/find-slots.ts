import type { RuleName, Slot, SlotQuery } from '../api.ts';
import { Planner } from '../availability.ts';
import type { Snapshot, SnapshotRequest } from '../ports.ts';
import type { SchedulerContext } from './context.ts';
import { sized, sizingOf, snapshotRequest, withoutOwner } from './decision.ts';

/** Thrown by findSlots when the query cannot be answered at all (e.g. an unknown service). */
export class RuleViolation extends Error {
  constructor(
    readonly rule: RuleName,
    message: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

export async function findSlots(ctx: SchedulerContext, q: SlotQuery): Promise<Slot[]> {
  const now = ctx.clock();
  const from = q.from.getTime();
  const to = q.to.getTime();
  if (!(to > from)) return [];
  const snapshot = await ctx.store.loadSnapshot(slotSnapshotRequest(q, now));
  return planSlots({ snapshot, query: q, now });
}

/** What findSlots asks the store for. */
export function slotSnapshotRequest(q: SlotQuery, now: Date): SnapshotRequest {
  return snapshotRequest(q.service, { from: q.from.getTime(), to: q.to.getTime() }, now, { locationId: q.locationId, customerId: q.customerId });
}

/** The slots of a loaded snapshot: findSlots without the store (the bench times it alone). */
export function planSlots(p: { snapshot: Snapshot | null; query: SlotQuery; now: Date }): Slot[] {
  const { query: q, now } = p;
  const from = q.from.getTime();
  const to = q.to.getTime();
  const loaded = sized(p.snapshot, sizingOf(q));
  if (!loaded) throw new RuleViolation('unknown_service', `No service "${q.service}".`);
  if (!loaded.ok) throw new RuleViolation(loaded.rule, loaded.message);
  const planner = new Planner(withoutOwner(loaded.snapshot, q.movingAppointmentId), from, to, {
    now: now.getTime(),
    locationId: q.locationId,
    resourceId: q.resourceId,
    language: q.language,
    postalCode: q.postalCode,
  });
  return planner.slots(from, to, q.limit);
}
