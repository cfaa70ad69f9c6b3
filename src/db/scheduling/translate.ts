import { DuplicateIdempotencyKeyError, SlotTakenError } from '../../engine/ports.ts';
import { SQLSTATE, sqlState } from '../client.ts';

/** Maps the database's refusals to the port's typed errors. */
export function translate(err: unknown): never {
  const state = sqlState(err);
  if (state === SQLSTATE.exclusionViolation) throw new SlotTakenError();
  // Concurrent inserts of overlapping reservations wait on each other's exclusion
  // check; Postgres breaks such a cycle by aborting one of them. Nothing of that write
  // remains, and the writers left have not committed yet: the race is lost, unsettled.
  if (state === SQLSTATE.deadlockDetected) throw new SlotTakenError(undefined, { settled: false });
  if (state === SQLSTATE.uniqueViolation && /idempotency/i.test(String((err as Error)?.message ?? '') + JSON.stringify((err as { meta?: unknown })?.meta ?? {}))) {
    throw new DuplicateIdempotencyKeyError('');
  }
  throw err;
}

/** Runs a write, reporting the database's refusals as the port's errors. */
export async function refusalsTranslated<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    translate(err);
  }
}
