import PgBoss from 'pg-boss';
import type { Logger } from '../log.ts';

// pg-boss runs Frontdesk's background work (reminders, slow SMS replies, the
// outbox sweeper) in its
// own `pgboss` schema of the same database, so jobs survive restarts and several
// instances share them. Queues must exist before send/work: a send to a missing
// queue returns null silently, so every queue is created here at start.

export const QUEUES = {
  reminders: 'sms-reminders',
  // The SMS channel's own queues (src/channels/sms/jobs.ts names them too).
  smsReply: 'sms-reply',
  outbox: 'sms-outbox',
  // Exceptions announced in the Slack ops channel (src/jobs/exception-alerts.ts).
  exceptionAlerts: 'exception-alerts',
  // Offers to customers whose provider is out, and their escalation (src/jobs/reschedule-flows.ts).
  rescheduleFlows: 'reschedule-flows',
} as const;

/** Bosses being stopped: a poll still in flight then fails on the closing pool, which is expected. */
const stopping = new WeakSet<PgBoss>();

export async function startBoss(databaseUrl: string, log: Logger): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 4,
    application_name: 'frontdesk-jobs',
    // Completed jobs are only of diagnostic interest.
    deleteAfterDays: 7,
  });
  boss.on('error', (err) => logBossError(log, err, stopping.has(boss)));
  await boss.start();
  await boss.createQueue(QUEUES.smsReply, { name: QUEUES.smsReply, policy: 'standard', retryLimit: 3, retryDelay: 5, retryBackoff: true });
  // One reminder run queued at a time is enough; runs are idempotent.
  await boss.createQueue(QUEUES.reminders, { name: QUEUES.reminders, policy: 'short', retryLimit: 0, expireInSeconds: 120 });
  // The outbox sweeper (see src/channels/sms/outbound.ts); sweeps are idempotent too.
  await boss.createQueue(QUEUES.outbox, { name: QUEUES.outbox, policy: 'short', retryLimit: 0, expireInSeconds: 300 });
  // Alert runs are idempotent (one post per exception), so one queued run at a time is enough.
  await boss.createQueue(QUEUES.exceptionAlerts, { name: QUEUES.exceptionAlerts, policy: 'short', retryLimit: 0, expireInSeconds: 300 });
  return boss;
}

export async function stopBoss(boss: PgBoss): Promise<void> {
  stopping.add(boss);
  // graceful: let a running handler finish; wait: resolve only once stopped.
  await boss.stop({ graceful: true, wait: true, timeout: 4000 });
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
