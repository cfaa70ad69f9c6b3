import { DuplicateIdempotencyKeyError, SlotTakenError } from '../../engine/ports.ts';
import { SQLSTATE, sqlState } from '../client.ts';

/** Maps the database's refusals to the port's typed errors. */
export function translate(err: unknown): never {
  const state = sqlState(err);
  // Concurrent inserts of overlapping reservations wait on each other's exclusion
  // check; Postgres may break such a cycle by aborting one of them. Nothing of that
  // write remains, and the other writer holds the time: the race is lost as usual.
  if (state === SQLSTATE.exclusionViolation || state === SQLSTATE.deadlockDetected) throw new SlotTakenError();
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
