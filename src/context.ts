import type { Config } from './config.ts';
import type { PrismaClient } from './db/client.ts';
import type { Scheduler } from './engine/api.ts';
import type { Clock } from './engine/clock.ts';
import type { Logger } from './log.ts';

/** What the edges of the app (HTTP, jobs, channels) are built from. */
export interface AppContext {
  config: Config;
  db: PrismaClient;
  log: Logger;
  clock: Clock;
  /** The only way anything books, moves or cancels appointments. */
  scheduler: Scheduler;
}
