import { raiseException } from './channels/sms/exceptions.ts';
import type { SmsDeps } from './channels/sms/ports.ts';
import type { Config } from './config.ts';
import type { PrismaClient } from './db/client.ts';
import { createSmsStore } from './db/sms/index.ts';
import type { Scheduler } from './engine/api.ts';
import type { Clock } from './engine/clock.ts';
import type { Logger } from './log.ts';

/** What the edges of the app (HTTP, jobs) are built from. */
export interface AppContext {
  config: Config;
  db: PrismaClient;
  log: Logger;
  clock: Clock;
  /** The only way anything books, moves or cancels appointments. */
  scheduler: Scheduler;
}

/**
 * What the SMS channel is handed instead of the database client: its own storage
 * port and the ops core's way to open exceptions for staff.
 */
export function smsDeps(ctx: Pick<AppContext, 'config' | 'db' | 'log' | 'clock'>): SmsDeps {
  return {
    config: ctx.config,
    log: ctx.log,
    clock: ctx.clock,
    store: createSmsStore(ctx.db),
    ops: { raise: (exception) => raiseException(ctx.db, exception) },
  };
}
