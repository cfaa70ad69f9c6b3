import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureAdminToken, type AdminTokenSource } from './api/auth.ts';
import { createHttpApp, type MountedRouter } from './api/app.ts';
import { describeChannels, type Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { systemClock, type Clock } from './engine/clock.ts';
import { assertPortFree, portInUse } from './http/port.ts';
import { startBoss, stopBoss } from './jobs/boss.ts';
import { assembleRuntime, startWorkers } from './runtime.ts';
import { dashboardMount } from './dashboard/index.ts';
import { createFeedsRouter } from './feeds/index.ts';
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

export interface StartOptions {
  clock?: Clock;
  /** Told what a slow step is doing (initdb, migrating, seeding) while it runs; main.ts prints it. */
  progress?: (line: string) => void;
  /**
   * The database, already opened by the caller (main.ts opens it while this module's
   * imports load, after checking the port); stopped with the rest. Absent: the port is
   * checked and the database opened here.
   */
  database?: DatabaseHandle;
}

export async function startFrontdesk(config: Config, log: Logger, opts: StartOptions = {}): Promise<Frontdesk> {
  const progress = opts.progress ?? (() => {});
  const database = opts.database ?? (await openAfterPortCheck(config, log, progress));
  const stops: Array<() => Promise<void>> = [() => database.stop()];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((err) => log.error({ err }, 'error while stopping'));
  };
  try {
    const clock = opts.clock ?? systemClock;
    const workers = config.FRONTDESK_WORKERS === 'on';
    // The job queue (same database, schema pgboss) keeps its own schema apart from the
    // migrations, so both are made ready at once. The web hands it slow SMS replies;
    // with workers on, this process also works every queue (src/jobs/index.ts).
    const onApplying = (names: string[]) => progress(`migrating the database (${names.length} migration${names.length === 1 ? '' : 's'})…`);
    const [migrated, started] = await Promise.allSettled([
      migrate(database.url, undefined, { onApplying }),
      startBoss(database.url, log, { jobTimeoutSeconds: config.FRONTDESK_JOB_LEASE_SECONDS * 5, work: workers }),
    ]);
    let stopping = false;
    // The queue is stopped on the way out even when the migrations failed beside it.
    if (started.status === 'fulfilled') {
      stops.push(() => {
        stopping = true;
        return stopBoss(started.value, config.FRONTDESK_SHUTDOWN_SECONDS * 1000);
      });
    }
    if (migrated.status === 'rejected') throw migrated.reason;
    if (started.status === 'rejected') throw started.reason;
    const boss = started.value;
    if (migrated.value.length) log.info({ applied: migrated.value }, 'migrations applied');
    const runtime = await assembleRuntime({ config, log, databaseUrl: database.url, clock, boss });
    // Registered before the queue's stop, so it runs after it: jobs finish on open clients.
    stops.splice(stops.length - 1, 0, () => runtime.close());
    const { ctx } = runtime;

    const onSeeding = () => progress('seeding the demo business (FRONTDESK_SEED=none skips this)…');
    const [adminToken, demo] = await Promise.all([
      ensureAdminToken(ctx.db, config.FRONTDESK_ADMIN_TOKEN, clock),
      config.FRONTDESK_SEED === 'demo' ? seedDemoIfEmpty(ctx.db, clock(), { onSeeding }) : undefined,
    ]);
    const seeded = demo ? `Seeded demo business ${describeSeed(demo)} (FRONTDESK_SEED=none skips this)` : undefined;
    if (demo) log.info({ businessId: demo.businessId }, seeded);
    for (const c of describeChannels(config)) log.info({ channel: c.name, enabled: c.enabled }, `${c.name}: ${c.reason}`);

    const webhooks: MountedRouter[] = [{ path: '/webhooks/twilio', router: runtime.sms.router }];
    if (runtime.slack) webhooks.push({ path: '/slack', router: runtime.slack.router });
    if (runtime.teams) webhooks.push({ path: '/api/messages', router: runtime.teams.router });
    webhooks.push(dashboardMount(ctx));
    // Calendar feeds and confirmations' .ics links: public, the token in the URL is the key.
    webhooks.push({ path: '/', router: createFeedsRouter({ db: ctx.db, clock: ctx.clock, misses: { limit: config.RATE_LIMIT_ADMIN_REQUESTS, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS } }) });
    const socketMode = runtime.slack?.socketMode;
    if (socketMode) {
      // Not awaited: the server serves HTTP (the primary mode) while the socket connects and reconnects.
      socketMode.start().then(
        () => log.info({ channel: 'slack' }, 'slack: Socket Mode connected'),
        (err: unknown) => log.error({ err, channel: 'slack' }, 'slack: Socket Mode could not connect; Slack requests still arrive over HTTP at /slack/events'),
      );
      stops.push(() => socketMode.stop());
    }
    const app = createHttpApp(ctx, webhooks);
    const server = await listen(app, config.PORT);
    stops.push(() => close(server));
    // After listening: /readyz answers while the workers subscribe. They are stopped
    // first on shutdown, while HTTP and the queue are still up.
    if (workers) stops.push(await startWorkers(runtime, boss, { stopping: () => stopping }));
    else log.info('workers off (FRONTDESK_WORKERS=off): background jobs run in `npm run worker` processes');
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

/** A taken port is the commonest start failure: it is reported before anything is created, migrated or seeded. */
async function openAfterPortCheck(config: Config, log: Logger, progress: (line: string) => void): Promise<DatabaseHandle> {
  await assertPortFree(config.PORT);
  return openDatabase(config, log, { progress });
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
