import type { SmsSenderOptions } from './channels/sms/outbound.ts';
import type { Config } from './config.ts';
import type { Clock } from './engine/clock.ts';
import { systemClock } from './engine/clock.ts';
import { startBoss, stopBoss } from './jobs/boss.ts';
import type { Logger } from './log.ts';
import { assembleRuntime, startWorkers } from './runtime.ts';

// A worker process (`npm run worker`): the background jobs without HTTP, against the
// database the web process uses. Run as many as the work needs, on any machine.

export interface Worker {
  /**
   * Stops taking jobs and gives running ones FRONTDESK_SHUTDOWN_SECONDS to finish;
   * pg-boss fails what is still running then, and another worker retries it.
   */
  stop(): Promise<void>;
}

export async function startWorker(config: Config, log: Logger, opts: { databaseUrl: string; clock?: Clock; smsSender?: SmsSenderOptions }): Promise<Worker> {
  const boss = await startBoss(opts.databaseUrl, log, { jobTimeoutSeconds: config.FRONTDESK_JOB_LEASE_SECONDS * 5 });
  let stopping = false;
  const runtime = await assembleRuntime({ config, log, databaseUrl: opts.databaseUrl, clock: opts.clock ?? systemClock, boss, smsSender: opts.smsSender });
  let stopJobs = async () => {};
  const stop = async () => {
    stopping = true;
    await stopJobs();
    await stopBoss(boss, config.FRONTDESK_SHUTDOWN_SECONDS * 1000);
    await runtime.close();
  };
  try {
    stopJobs = await startWorkers(runtime, boss, { smsSender: opts.smsSender, stopping: () => stopping });
  } catch (err) {
    await stop();
    throw err;
  }
  return { stop };
}
