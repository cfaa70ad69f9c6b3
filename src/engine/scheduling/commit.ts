import type { Combo } from '../availability.ts';
import { SlotTakenError, type SchedulingTx, type ServiceRecord, type Snapshot } from '../ports.ts';
import { alternatives } from './alternatives.ts';
import { commitBlind, type GuardedWrite } from './commit-blind.ts';
import { rule, type Failure, type SchedulerContext } from './context.ts';
import { evaluateAt, serializationKeys, sized, snapshotRequest, type Target } from './decision.ts';

// A retry happens only when a fresh snapshot showed the time free and the write still
// lost: to a writer that committed there first, or to Postgres aborting one side of a
// lock cycle among writers still in flight (deadlock). A time really taken shows on the
// next snapshot and is answered at once. Losing to a committed writer is progress: the
// next snapshot shows that resource taken and routing picks another, so with many
// writers on one start time ("any provider", ties broken alike) a caller may lose
// several rounds in a row and still find a free resource. A deadlock is not progress
// for the victim but is for the writers left, and a loaded machine can make one caller
// a victim round after round on the same free resource; counting those gave up a time
// that was free. So only a settled loss followed by another on the same combination
// (the snapshot still shows free what a committed writer took: a view that does not
// move) counts against the stall budget; everything else is bounded by MAX_ATTEMPTS.
const STALLED_ATTEMPTS = 5;
// Every resource free at that time can be lost settled at most once before the snapshot
// shows it taken; the rest is room for deadlocks.
const MAX_ATTEMPTS = 32;

/** A write at one start time: what to decide, and how to write the decision. */
export interface Commit<T> extends Target {
  /** Writes the decision inside the transaction, after the rules passed again under the lock. */
  write: (tx: SchedulingTx, service: ServiceRecord, combo: Combo) => Promise<T>;
  /** Runs first in the transaction; a failure it returns ends the commit unwritten. */
  beforeLock?: (tx: SchedulingTx) => Promise<Failure | null>;
  /** The same write in one statement guarded by the configuration version (one-to-one bookings). */
  guarded?: GuardedWrite<T>;
}

export type CommitResult<T> = { ok: true; value: T } | Failure;

/** `retry`: the combination the lost round tried (its location and resources); `settled`: false after a deadlock. */
type Attempt<T> = CommitResult<T> | { retry: string; settled: boolean } | { conflict: string };

/**
 * Finds a combination for `start` on a fresh snapshot, then locks exactly those
 * resources, re-reads their time under the lock and runs `write` only if the same
 * rules still pass. A race lost between the two reads (or at the constraint) is
 * retried from a fresh snapshot, so "any provider" falls through to the next one.
 */
export async function commitAt<T>(ctx: SchedulerContext, c: Commit<T>): Promise<CommitResult<T>> {
  if (c.guarded) {
    const blind = await commitBlind(ctx, c, c.guarded);
    if (blind) return blind;
  }
  let lastMessage = 'That time is already taken.';
  let lastSettled: string | undefined;
  let stalled = 0;
  for (let attempt = 0; attempt < MAX_ATTEMPTS && stalled < STALLED_ATTEMPTS; attempt++) {
    const outcome = await attemptCommit(ctx, c);
    if ('conflict' in outcome) {
      lastMessage = outcome.conflict;
      break;
    }
    if (!('retry' in outcome)) return outcome;
    if (outcome.retry === lastSettled) stalled++;
    lastSettled = outcome.settled ? outcome.retry : undefined;
  }
  return { ok: false, kind: 'conflict', message: lastMessage, alternatives: await alternatives(ctx, c) };
}

/** One decision on a fresh snapshot and its write; a lost race asks for another. */
async function attemptCommit<T>(ctx: SchedulerContext, c: Commit<T>): Promise<Attempt<T>> {
  const loaded = sized(
    await ctx.store.loadSnapshot(
      snapshotRequest(c.service, { from: c.start, to: c.start }, c.now, { locationId: c.plan.locationId, customerId: c.customerId, withVersions: c.guarded !== undefined }),
    ),
    c.sizing,
  );
  if (!loaded) return rule('unknown_service', `No service "${c.service}".`);
  if (!loaded.ok) return rule(loaded.rule, loaded.message);
  const snap = loaded.snapshot;
  const first = evaluateAt(snap, c);
  if (!first.ok) return first.rule === 'conflict' ? { conflict: first.message } : rule(first.rule, first.message);
  const combo = first.combo;
  const retry = `${combo.locationId} ${combo.resourceIds.join(' ')}`;
  const lost = (settled = true) => ({ retry, settled });
  const keys = serializationKeys(snap, combo, c.start);
  const versions = snap.versions;
  // No rule here counts bookings: the decision just made is written in one statement
  // that commits only while the configuration it read is unchanged, and the
  // exclusion constraint decides any race for the time.
  if (c.guarded && versions && keys.length === 0) {
    try {
      const value = await c.guarded(versions, snap.service, combo);
      if (value !== null) return { ok: true, value };
      // The configuration changed since the snapshot: decide again on fresh data.
    } catch (err) {
      if (!(err instanceof SlotTakenError)) throw err;
      return lost(err.settled);
    }
    return lost();
  }
  try {
    return (await ctx.store.transaction((tx) => commitLocked(tx, c, snap, combo, keys))) ?? lost();
  } catch (err) {
    if (!(err instanceof SlotTakenError)) throw err;
    return lost(err.settled);
  }
}

/** Inside the transaction: lock the combination's resources, decide again on what they hold now, write. Null: lost the race. */
async function commitLocked<T>(tx: SchedulingTx, c: Commit<T>, snap: Snapshot, combo: Combo, keys: string[]): Promise<CommitResult<T> | null> {
  const early = c.beforeLock ? await c.beforeLock(tx) : null;
  if (early) return early;
  await tx.prepareResources(combo.resourceIds, c.now, keys);
  const loaded = sized(
    await tx.loadSnapshot(
      snapshotRequest(snap.service.id, { from: c.start, to: c.start }, c.now, { resourceIds: combo.resourceIds, locationId: combo.locationId, customerId: c.customerId }),
    ),
    c.sizing,
  );
  if (!loaded) return rule('unknown_service', `No service "${c.service}".`);
  if (!loaded.ok) return rule(loaded.rule, loaded.message);
  const locked = loaded.snapshot;
  const again = evaluateAt(locked, c, { ...c.plan, locationId: combo.locationId });
  if (!again.ok) return again.rule === 'conflict' || again.rule === 'daily_limit' ? null : rule(again.rule, again.message);
  return { ok: true, value: await c.write(tx, locked.service, again.combo) };
}
