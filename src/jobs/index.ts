import type PgBoss from 'pg-boss';
import type { JobQueue } from '../contract/jobs.ts';
import type { Notifiers } from '../contract/notifier.ts';
import type { Config } from '../config.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Scheduler } from '../engine/api.ts';
import type { Clock } from '../engine/clock.ts';
import type { Logger } from '../log.ts';
import type { Ops } from '../ops/index.ts';
import type pg from 'pg';
import { deliveryPolicy } from '../webhooks/policy.ts';
import { listenForRaisedExceptions, opsRoomsOf, startExceptionAlertJob } from './exception-alerts.ts';
import { startNoShowJob } from './no-shows.ts';
import { bossQueue } from './queue.ts';
import { startReminderJobs } from './reminders.ts';
import { startRescheduleFlowJob } from './reschedule-flows.ts';
import { startWebhookJobs } from './webhook-delivery.ts';

// Every background job, registered in one place for both kinds of process: `npm start`
// (unless FRONTDESK_WORKERS=off) and `npm run worker`. Each worker process takes jobs
// from the same pg-boss queues, so adding processes adds throughput; every job is
// idempotent, so a job retried after a crash or a stop does nothing twice.

export interface JobsContext {
  config: Config;
  db: PrismaClient;
  log: Logger;
  clock: Clock;
  scheduler: Scheduler;
  ops: Ops;
  notifiers: Notifiers;
}

export interface StartJobsOptions {
  /** The channels' own jobs (the SMS outbox sweeper, slow replies), on the job queue port. */
  channelJobs: Array<(queue: JobQueue) => Promise<void>>;
  /** True once the process is stopping. */
  stopping?: () => boolean;
  /** A pool to LISTEN on: new exceptions are announced as their transactions commit. */
  listenPool: pg.Pool;
}

/** Stops what the jobs run outside pg-boss (the webhook dispatch timer, the exception listener). */
export type StopJobs = () => Promise<void>;

export async function startJobs(boss: PgBoss, ctx: JobsContext, opts: StartJobsOptions): Promise<StopJobs> {
  const queue = bossQueue(boss);
  for (const start of opts.channelJobs) await start(queue);
  await startReminderJobs(boss, ctx, ctx.notifiers, { leaseMs: ctx.config.FRONTDESK_JOB_LEASE_SECONDS * 1000, stopping: opts.stopping });
  await startNoShowJob(boss, ctx);
  await startRescheduleFlowJob(boss, { ...ctx, answerMinutes: ctx.config.RESCHEDULE_ANSWER_MINUTES });
  const alerts = {
    db: ctx.db,
    log: ctx.log,
    clock: ctx.clock,
    notifiers: ctx.notifiers,
    opsRooms: opsRoomsOf(ctx.config),
    reraiseMinutes: ctx.config.SLACK_RERAISE_MINUTES,
  };
  await startExceptionAlertJob(boss, alerts);
  const stopListening = await listenForRaisedExceptions(opts.listenPool, alerts);
  const webhooks = await startWebhookJobs(boss, { ...ctx, policy: deliveryPolicy(ctx.config) });
  ctx.log.info('workers started: reminders, no-shows, reschedule flows, exception alerts, webhooks and the channels’ jobs');
  return async () => {
    await webhooks.stop();
    await stopListening();
  };
}
