import type PgBoss from 'pg-boss';
import type pg from 'pg';
import { createBookingForm } from './booking-form/index.ts';
import type { SlackChannel } from './channels/slack/app.ts';
import type { TeamsChannel } from './channels/teams/app.ts';
import { enqueueSmsReply, startSmsJobs } from './channels/sms/jobs.ts';
import { createSmsSender, type SmsSenderOptions } from './channels/sms/outbound.ts';
import { createSmsChannel, type SmsChannel } from './channels/sms/router.ts';
import { describeChannels, type Config } from './config.ts';
import { createAppContext, slackDeps, smsDeps, smsNotifierOf, teamsDeps, type AppContext } from './context.ts';
import { createOrchestrator } from './conversation/orchestrator.ts';
import { appointmentCalendarUrl } from './feeds/index.ts';
import { createModelProvider } from './conversation/providers/index.ts';
import { createPool, createPrisma } from './db/client.ts';
import { createSchedulingStore } from './db/scheduling/store.ts';
import type { Clock } from './engine/clock.ts';
import { createScheduler } from './engine/scheduler.ts';
import { startJobs, type StopJobs } from './jobs/index.ts';
import { bossQueue } from './jobs/queue.ts';
import type { Logger } from './log.ts';

// What a Frontdesk process is made of besides HTTP: the database clients, the
// engine, the conversation, the ops core and the channels with their notifiers.
// `npm start` (src/server.ts) builds it and adds HTTP and, unless told otherwise,
// the workers; `npm run worker` (src/worker.ts) builds it and runs only the workers.

export interface Runtime {
  ctx: AppContext;
  slack: SlackChannel | null;
  teams: TeamsChannel | null;
  sms: SmsChannel;
  /** The plain pg pool beside Prisma (the engine's store, LISTEN for new exceptions). */
  pool: pg.Pool;
  /** Closes the database clients. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  config: Config;
  log: Logger;
  databaseUrl: string;
  clock: Clock;
  /** The job queue the SMS webhook hands slow replies to. */
  boss: PgBoss;
  /** Tests aim the Twilio client at a local fake. */
  smsSender?: SmsSenderOptions;
}

export async function assembleRuntime({ config, log, databaseUrl, clock, boss, smsSender }: RuntimeOptions): Promise<Runtime> {
  const chat = await loadChatChannels(config);
  const db = createPrisma(databaseUrl);
  const pool = createPool(databaseUrl);
  const scheduler = createScheduler(createSchedulingStore(pool), clock, { holdMinutes: config.FRONTDESK_HOLD_MINUTES });
  const orchestrator = createOrchestrator({
    db,
    scheduler,
    clock,
    log,
    provider: createModelProvider(config),
    holdMinutes: config.FRONTDESK_HOLD_MINUTES,
    calendarLink: (appointmentId) => appointmentCalendarUrl(db, { publicUrl: config.PUBLIC_URL, appointmentId }),
  });
  // The Slack and Teams channels (when configured) are built with the context: their notifiers are the context's.
  const built: { slack: SlackChannel | null; teams: TeamsChannel | null } = { slack: null, teams: null };
  const ctx: AppContext = createAppContext({ config, db, log, clock, scheduler }, (c) => {
    built.slack = chat.slack?.createSlackChannel({ ...slackDeps(c), orchestrator, bookingForm: createBookingForm(c) }) ?? null;
    built.teams = chat.teams?.createTeamsChannel({ ...teamsDeps(c), orchestrator }) ?? null;
    const notifiers = [built.slack?.notifier, built.teams?.notifier].filter((n) => n !== undefined);
    return [smsNotifierOf(c, smsSender), ...notifiers];
  });
  // The SMS channel gets its store and the ops core, not the database client.
  const sms = smsDeps(ctx);
  const sender = createSmsSender(sms, smsSender);
  const channel = createSmsChannel({ ...sms, orchestrator, sender, enqueueReply: enqueueSmsReply(bossQueue(boss)) });
  return {
    ctx,
    slack: built.slack,
    teams: built.teams,
    sms: channel,
    pool,
    async close() {
      await pool.end();
      await db.$disconnect();
    },
  };
}

/**
 * The Slack and Teams channel modules, imported only when configured: with them come
 * Bolt and the Agents SDK (about 36 and 35 MB each when loaded on their own), which a
 * process without those channels never needs.
 */
async function loadChatChannels(config: Config) {
  const enabled = new Set(describeChannels(config).filter((c) => c.enabled).map((c) => c.name));
  const [slack, teams] = await Promise.all([
    enabled.has('slack') ? import('./channels/slack/app.ts') : null,
    enabled.has('teams') ? import('./channels/teams/app.ts') : null,
  ]);
  return { slack, teams };
}

/** Every background job this process works: the channels' own (on the job queue port) and src/jobs'. */
export async function startWorkers(runtime: Runtime, boss: PgBoss, opts: { smsSender?: SmsSenderOptions; stopping?: () => boolean } = {}): Promise<StopJobs> {
  const { ctx } = runtime;
  const sender = createSmsSender(smsDeps(ctx), opts.smsSender);
  return startJobs(boss, ctx, {
    channelJobs: [(queue) => startSmsJobs(queue, { log: ctx.log, sender, processor: runtime.sms.processor })],
    stopping: opts.stopping,
    listenPool: runtime.pool,
  });
}
