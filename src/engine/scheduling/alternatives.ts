import type { Slot } from '../api.ts';
import { Planner } from '../availability.ts';
import { DAY } from '../time.ts';
import type { SchedulerContext } from './context.ts';
import { sized, snapshotRequest, withoutOwner, type Target } from './decision.ts';

// What a refused time offers instead: the nearest free starts around it.

const ALTERNATIVES = 3;
const ALTERNATIVES_BEFORE = 2 * DAY;
const ALTERNATIVES_AFTER = 7 * DAY;

export async function alternatives(ctx: SchedulerContext, target: Target): Promise<Slot[]> {
  const { start, now, plan } = target;
  const from = Math.max(start - ALTERNATIVES_BEFORE, now.getTime());
  const to = start + ALTERNATIVES_AFTER;
  if (from >= to) return [];
  const loaded = sized(await ctx.store.loadSnapshot(snapshotRequest(target.service, { from, to }, now, { locationId: plan.locationId, customerId: target.customerId })), target.sizing);
  if (!loaded?.ok) return [];
  const planner = new Planner(withoutOwner(loaded.snapshot, target.ignoreOwner), from, to, { ...plan, now: now.getTime() });
  return planner
    .slots(from, to)
    .filter((s) => s.start.getTime() !== start)
    .sort((a, b) => Math.abs(a.start.getTime() - start) - Math.abs(b.start.getTime() - start) || a.start.getTime() - b.start.getTime())
    .slice(0, ALTERNATIVES);
}
