import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from '../log.ts';

// pg-boss runs Frontdesk's background work (reminders, slow SMS replies, the
// outbox sweeper) in its
// own `pgboss` schema of the same database, so jobs survive restarts and several
// instances share them. Queues must exist before send/work: a send to a missing
// queue returns null silently, so every queue is created here at start.

export const QUEUES = {
  // Reminders: a planning run every minute (one at a time) records what fell due;
  // send jobs wake the workers that claim and send them (src/jobs/reminders.ts).
  reminders: 'reminder-plan',
  reminderSend: 'reminder-send',
  // Appointments past end + grace: prompt staff, later settle unanswered ones (src/jobs/no-shows.ts).
  noShows: 'no-shows',
  // The SMS channel's own queues (src/channels/sms/jobs.ts names them too).
  smsReply: 'sms-reply',
  outbox: 'sms-outbox',
  // Exceptions announced in the Slack ops channel (src/jobs/exception-alerts.ts).
  exceptionAlerts: 'exception-alerts',
  // Offers to customers whose provider is out, and their escalation (src/jobs/reschedule-flows.ts).
  rescheduleFlows: 'reschedule-flows',
  // Outbound webhooks: a dispatch run fans events out, deliver jobs send them (src/jobs/webhook-delivery.ts).
  webhookDispatch: 'webhook-dispatch',
  webhookDeliver: 'webhook-deliver',
} as const;

/** Bosses being stopped: a poll still in flight then fails on the closing pool, which is expected. */
const stopping = new WeakSet<PgBoss>();

export interface BossOptions {
  /**
   * How long a send job may stay active before pg-boss counts it as lost (its worker
   * died) and retries it elsewhere; expiry is checked at this interval too.
   */
  jobTimeoutSeconds?: number;
  /**
   * False for a process that only queues jobs (npm start with FRONTDESK_WORKERS=off):
   * it leaves pg-boss's upkeep (expiry, cron) to the worker processes.
   */
  work?: boolean;
}

export async function startBoss(databaseUrl: string, log: Logger, opts: BossOptions = {}): Promise<PgBoss> {
  const jobTimeoutSeconds = opts.jobTimeoutSeconds ?? 300;
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 4,
    application_name: 'frontdesk-jobs',
    // Completed jobs are only of diagnostic interest.
    deleteAfterDays: 7,
    maintenanceIntervalSeconds: Math.max(1, Math.min(120, jobTimeoutSeconds)),
    supervise: opts.work ?? true,
    schedule: opts.work ?? true,
  });
  boss.on('error', (err) => logBossError(log, err, stopping.has(boss)));
  await boss.start();
  // Processes starting together (two workers, a web and a worker) deadlock in pg-boss's
  // create_queue when they create the same queues at once: one at a time, under a lock.
  await withAdvisoryLock(databaseUrl, 'frontdesk:create-queues', async () => {
    await boss.createQueue(QUEUES.smsReply, { name: QUEUES.smsReply, policy: 'standard', retryLimit: 3, retryDelay: 5, retryBackoff: true });
    // One planning run at a time (stately: one active, one queued); runs are idempotent.
    await boss.createQueue(QUEUES.reminders, { name: QUEUES.reminders, policy: 'stately', retryLimit: 0, expireInSeconds: 120 });
    // Send jobs only wake workers: the claimed rows carry the work, so a lost job loses nothing.
    await boss.createQueue(QUEUES.reminderSend, { name: QUEUES.reminderSend, policy: 'standard', retryLimit: 3, retryDelay: 5, expireInSeconds: jobTimeoutSeconds });
    await boss.createQueue(QUEUES.noShows, { name: QUEUES.noShows, policy: 'stately', retryLimit: 0, expireInSeconds: 120 });
    // The outbox sweeper (see src/channels/sms/outbound.ts); sweeps are idempotent too.
    await boss.createQueue(QUEUES.outbox, { name: QUEUES.outbox, policy: 'short', retryLimit: 0, expireInSeconds: 300 });
    // Alert runs are idempotent (one post per exception), so one queued run at a time is enough.
    await boss.createQueue(QUEUES.exceptionAlerts, { name: QUEUES.exceptionAlerts, policy: 'short', retryLimit: 0, expireInSeconds: 300 });
    // Reschedule-flow runs send each offer once (its row says so): one queued run is enough.
    await boss.createQueue(QUEUES.rescheduleFlows, { name: QUEUES.rescheduleFlows, policy: 'short', retryLimit: 0, expireInSeconds: 300 });
    // One queued dispatch at a time is enough: a run takes every event and due delivery.
    await boss.createQueue(QUEUES.webhookDispatch, { name: QUEUES.webhookDispatch, policy: 'short', retryLimit: 0, expireInSeconds: 300 });
    // Retries are the delivery table's business (backoff, attempt log), not pg-boss's.
    await boss.createQueue(QUEUES.webhookDeliver, { name: QUEUES.webhookDeliver, policy: 'standard', retryLimit: 0, expireInSeconds: 300 });
  });
  return boss;
}

/**
 * graceful: workers stop fetching and running handlers get `timeoutMs` to finish;
 * whatever is still active then is failed by pg-boss and retried by another worker
 * (every handler is idempotent). wait: resolve only once stopped.
 */
export async function stopBoss(boss: PgBoss, timeoutMs = 4000): Promise<void> {
  stopping.add(boss);
  await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
}

/**
 * SQLSTATEs PostgreSQL sends when it is shutting down. Ctrl-C reaches the embedded
 * PostgreSQL (same process group) as soon as it reaches us, so on a clean stop the
 * job queue's idle connections are closed under it before stopBoss runs.
 */
const SHUTDOWN_CODES = new Set(['57P01', '57P02', '57P03']);

export type BossErrorLevel = 'error' | 'warn' | 'debug';

export function bossErrorLevel(err: unknown, isStopping: boolean): BossErrorLevel {
  if (isStopping) return 'debug';
  if (SHUTDOWN_CODES.has(String((err as { code?: unknown }).code))) return 'warn';
  return 'error';
}

function logBossError(log: Logger, err: unknown, isStopping: boolean): void {
  const level = bossErrorLevel(err, isStopping);
  if (level === 'error') log.error({ err }, 'job queue error');
  else if (level === 'warn') log.warn({ code: (err as { code?: unknown }).code }, 'the database closed a job queue connection (it is shutting down)');
  else log.debug({ err }, 'job queue error while stopping');
}

/** Runs `fn` holding a session-level advisory lock on its own connection. */
async function withAdvisoryLock(databaseUrl: string, name: string, fn: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'frontdesk-jobs' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    await fn();
  } finally {
    await client.end();
  }
}
