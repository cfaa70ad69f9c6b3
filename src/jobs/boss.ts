import PgBoss from 'pg-boss';
import type { Logger } from '../log.ts';

// pg-boss runs Frontdesk's background work (reminders, slow SMS replies) in its
// own `pgboss` schema of the same database, so jobs survive restarts and several
// instances share them. Queues must exist before send/work: a send to a missing
// queue returns null silently, so every queue is created here at start.

export const QUEUES = {
  reminders: 'sms-reminders',
  smsReply: 'sms-reply',
} as const;

export async function startBoss(databaseUrl: string, log: Logger): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 4,
    application_name: 'frontdesk-jobs',
    // Completed jobs are only of diagnostic interest.
    deleteAfterDays: 7,
  });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  await boss.createQueue(QUEUES.smsReply, { name: QUEUES.smsReply, policy: 'standard', retryLimit: 3, retryDelay: 5, retryBackoff: true });
  // One reminder run queued at a time is enough; runs are idempotent.
  await boss.createQueue(QUEUES.reminders, { name: QUEUES.reminders, policy: 'short', retryLimit: 0, expireInSeconds: 120 });
  return boss;
}

export async function stopBoss(boss: PgBoss): Promise<void> {
  // graceful: let a running handler finish; wait: resolve only once stopped.
  await boss.stop({ graceful: true, wait: true, timeout: 4000 });
}
