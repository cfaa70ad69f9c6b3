import type { Combo } from '../availability.ts';
import { SlotTakenError, type Block, type ConfigVersions, type ServiceRecord } from '../ports.ts';
import type { SchedulerContext } from './context.ts';
import { blockedRange, evaluateAt, serializationKeys, sized, snapshotRequest, type Target } from './decision.ts';

// Candidates a one-to-one booking tries blind (the constraint refusing taken ones)
// before it reads who is actually free.
const BLIND_ATTEMPTS = 4;

/** A write in one statement that commits only while the configuration is at `versions`; null when it moved. */
export type GuardedWrite<T> = (versions: ConfigVersions, service: ServiceRecord, combo: Combo) => Promise<T | null>;

/**
 * A one-to-one booking decided without reading anyone's bookings: the snapshot has
 * the configuration (possibly the store's cached copy), time off and round-robin
 * counts, and the same Planner picks the first candidate in routing order. The write
 * is guarded by the configuration version, and the exclusion constraint refuses a
 * candidate whose time is taken; the next one in routing order is tried then. Returns
 * null whenever the answer needs bookings: a refusal (confirmed on a full snapshot),
 * a rule that counts bookings, routing by the day's load, or too many taken.
 */
export async function commitBlind<T>(ctx: SchedulerContext, target: Target, guarded: GuardedWrite<T>): Promise<{ ok: true; value: T } | null> {
  const { start, now, plan } = target;
  const taken: Block[] = [];
  for (let attempt = 0; attempt < BLIND_ATTEMPTS; attempt++) {
    const loaded = sized(
      await ctx.store.loadSnapshot(
        snapshotRequest(target.service, { from: start, to: start }, now, { locationId: plan.locationId, customerId: target.customerId, withVersions: true, reservations: false, decidingAt: new Date(start) }),
      ),
      target.sizing,
    );
    // A size the service refuses is answered by the full decision.
    if (!loaded?.ok) return null;
    const snap = loaded.snapshot;
    if (!snap.versions || snap.service.seats > 1 || snap.service.routingStrategy === 'least_busy') return null;
    const view = taken.length ? { ...snap, blocks: [...snap.blocks, ...taken] } : snap;
    const decided = evaluateAt(view, target);
    if (!decided.ok || serializationKeys(snap, decided.combo, start).length > 0) return null;
    try {
      const value = await guarded(snap.versions, snap.service, decided.combo);
      if (value !== null) return { ok: true, value };
      // The configuration changed under the decision; the store reloads it for the next one.
    } catch (err) {
      if (!(err instanceof SlotTakenError)) throw err;
      // Someone holds that time: keep the candidate out, as time off would.
      const { blockStart, blockEnd } = blockedRange(snap.service, start);
      for (const resourceId of decided.combo.resourceIds) {
        taken.push({ resourceId, start: blockStart, end: blockEnd, sessionKey: null, bookedStart: null, serviceId: null, ownerId: null });
      }
    }
  }
  return null;
}
