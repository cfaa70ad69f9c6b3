import { youngGenerationMayGrow } from '../v8-flags.ts';
import { ConfigError, loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { createLogger } from '../log.ts';
import { startWorker } from '../worker.ts';
import { DatabaseUnavailable, openSharedDatabase } from './database.ts';

// `npm run worker`: works the background jobs (reminders, no-shows, exception alerts,
// the SMS outbox and slow replies) without serving HTTP, on DATABASE_URL or the
// embedded database a running `npm start` uses (see ./database.ts). SIGTERM or Ctrl-C
// stops it gracefully: no new jobs, running ones finish or are retried elsewhere.

let database: DatabaseHandle | undefined;
try {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  database = await openSharedDatabase(config, log);
  const worker = await startWorker(config, log, { databaseUrl: database.url });
  youngGenerationMayGrow();
  log.info({ database: database.description }, 'worker running; SIGTERM or Ctrl-C stops it');
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'worker stopping: finishing running jobs');
      // Never hang: whatever has not stopped 5 s after the jobs' grace is cut off (pg-boss retries it).
      setTimeout(() => process.exit(1), (config.FRONTDESK_SHUTDOWN_SECONDS + 5) * 1000).unref();
      worker
        .stop()
        .then(() => database?.stop())
        .then(
          () => process.exit(0),
          (err) => {
            log.error({ err }, 'worker stop failed');
            process.exit(1);
          },
        );
    });
  }
} catch (e) {
  await database?.stop().catch(() => undefined);
  if (!(e instanceof ConfigError || e instanceof DatabaseUnavailable)) throw e;
  console.error(e.message);
  process.exit(1);
}
