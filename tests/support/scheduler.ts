import type pg from 'pg';
import { createSchedulingStore } from '../../src/db/scheduling/store.ts';
import type { Scheduler } from '../../src/engine/api.ts';
import type { Clock } from '../../src/engine/clock.ts';
import { createScheduler } from '../../src/engine/scheduler.ts';

/** The engine on a test database's own pool, as the server builds it. */
export function schedulerFor(t: { pool: pg.Pool }, clock: Clock, holdMinutes = 10): Scheduler {
  return createScheduler(createSchedulingStore(t.pool), clock, { holdMinutes });
}
