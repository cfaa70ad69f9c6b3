import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { ensureAdminToken, type AdminTokenSource } from './api/auth.ts';
import { createHttpApp, type MountedRouter } from './api/app.ts';
import { describeChannels, type Config } from './config.ts';
import { createAppContext, slackDeps, smsDeps, smsNotifierOf, type AppContext } from './context.ts';
import { createPool, createPrisma } from './db/client.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { systemClock, type Clock } from './engine/clock.ts';
import { createScheduler } from './engine/scheduler.ts';
import { createSchedulingStore } from './db/scheduling/store.ts';
import { createOrchestrator } from './conversation/orchestrator.ts';
import { createModelProvider } from './conversation/providers/index.ts';
import { startBoss, stopBoss } from './jobs/boss.ts';
import { bossQueue } from './jobs/queue.ts';
import { startExceptionAlertJob } from './jobs/exception-alerts.ts';
import { startReminderJob } from './jobs/reminders.ts';
import { startRescheduleFlowJob } from './jobs/reschedule-flows.ts';
import { createSlackChannel, type SlackChannel } from './channels/slack/app.ts';
import { enqueueSmsReply, startSmsJobs } from './channels/sms/jobs.ts';
import { createSmsSender } from './channels/sms/outbound.ts';
import { createSmsChannel } from './channels/sms/router.ts';
import { dashboardMount } from './dashboard/index.ts';
import type { Logger } from './log.ts';
import { describeSeed, seedDemoIfEmpty } from './seed/demo.ts';

// Wires the whole product together: database, migrations, admin token, demo data,
// background jobs, channels and HTTP. main.ts runs it; end-to-end tests start it too.

export interface Frontdesk {
  url: string;
  ctx: AppContext;
  adminToken: { source: AdminTokenSource; newToken?: string };
  databaseDescription: string;
  /** What demo data this start seeded, if it did. */
  seeded?: string;
  stop(): Promise<void>;
}

export async function startFrontdesk(config: Config, log: Logger, opts: { clock?: Clock } = {}): Promise<Frontdesk> {
  // A taken port is the commonest start failure: say so before creating, migrating
  // or seeding anything.
  await assertPortFree(config.PORT);
  const database = await openDatabase(config, log);
  const stops: Array<() => Promise<void>> = [() => database.stop()];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((err) => log.error({ err }, 'error while stopping'));
  };
  try {
    const applied = await migrate(database.url);
    if (applied.length) log.info({ applied }, 'migrations applied');

    const db = createPrisma(database.url);
    stops.push(() => db.$disconnect());
    const pool = createPool(database.url);
    stops.push(() => pool.end());
    const clock = opts.clock ?? systemClock;
    const scheduler = createScheduler(createSchedulingStore(pool), clock, { holdMinutes: config.FRONTDESK_HOLD_MINUTES });
    const orchestrator = createOrchestrator({ db, scheduler, clock, log, provider: createModelProvider(config), holdMinutes: config.FRONTDESK_HOLD_MINUTES });
    // The Slack channel (when configured) is built with the context: its notifier is one of the context's.
    const built: { slack: SlackChannel | null } = { slack: null };
    const ctx: AppContext = createAppContext({ config, db, log, clock, scheduler }, (c) => {
      built.slack = createSlackChannel({ ...slackDeps(c), orchestrator });
      return [smsNotifierOf(c), ...(built.slack ? [built.slack.notifier] : [])];
    });
    // Background jobs (reminders, slow SMS replies) in the same database, schema pgboss.
    const boss = await startBoss(database.url, log);
    stops.push(() => stopBoss(boss));

    const adminToken = await ensureAdminToken(db, config.FRONTDESK_ADMIN_TOKEN, clock);
    const demo = config.FRONTDESK_SEED === 'demo' ? await seedDemoIfEmpty(db, clock()) : undefined;
    const seeded = demo ? `Seeded demo business ${describeSeed(demo)} (FRONTDESK_SEED=none skips this)` : undefined;
    if (demo) log.info({ businessId: demo.businessId }, seeded);
    for (const c of describeChannels(config)) log.info({ channel: c.name, enabled: c.enabled }, `${c.name}: ${c.reason}`);

    // The SMS channel gets its store and the ops core, not the database client; its
    // jobs and the reminder job run on the same queue, reminders through the notifiers.
    const queue = bossQueue(boss);
    const sms = smsDeps(ctx);
    const sender = createSmsSender(sms);
    const channel = createSmsChannel({ ...sms, orchestrator, sender, enqueueReply: enqueueSmsReply(queue) });
    await startSmsJobs(queue, { log, sender, processor: channel.processor });
    await startReminderJob(boss, ctx, ctx.notifiers);
    await startRescheduleFlowJob(boss, { ...ctx, answerMinutes: config.RESCHEDULE_ANSWER_MINUTES });
    await startExceptionAlertJob(boss, { db, log, clock, notifiers: ctx.notifiers, opsChannel: config.SLACK_OPS_CHANNEL, reraiseMinutes: config.SLACK_RERAISE_MINUTES });
    const webhooks: MountedRouter[] = [{ path: '/webhooks/twilio', router: channel.router }];
    if (built.slack) webhooks.push({ path: '/slack', router: built.slack.router });
    webhooks.push(dashboardMount(ctx));
    const app = createHttpApp(ctx, webhooks);
    const server = await listen(app, config.PORT);
    stops.push(() => close(server));
    const { port } = server.address() as AddressInfo;
    return {
      url: config.PUBLIC_URL ?? `http://localhost:${port}`,
      ctx,
      adminToken,
      databaseDescription: database.description,
      seeded,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

const portInUse = (port: number) => new Error(`Port ${port} is already in use: stop the other program or set PORT.`);

/** Binds the port for a moment, as the HTTP server will. */
function assertPortFree(port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? portInUse(port) : err));
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve()));
  });
}

function listen(app: ReturnType<typeof createHttpApp>, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '0.0.0.0');
    server.once('listening', () => resolve(server));
    // Still possible: another program may take the port while the database starts.
    server.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? portInUse(port) : err));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
