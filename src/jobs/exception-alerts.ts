import type PgBoss from 'pg-boss';
import type { Notifiers } from '../contract/notifier.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Clock } from '../engine/clock.ts';
import type { Logger } from '../log.ts';
import { exceptionAlert } from '../ops/alert.ts';
import { recordAudit } from '../ops/audit.ts';
import { QUEUES } from './boss.ts';

// Every exception still waiting for someone is announced once in the ops channel
// (SLACK_OPS_CHANNEL): an exception_alert notice keyed by the exception, sent through
// the notifier port, which posts each key once. Exceptions are raised in many places
// (the conversation inside its own transactions, the SMS channel, the API), so this
// run finds them in the table instead of hooking each raise. It runs every minute
// (runExceptionAlerts is also callable directly, which is how tests drive it). An
// exception still open every SLACK_RERAISE_MINUTES is raised again; the Slack notifier
// posts that in the thread of its first message, mentioning the assignee when they have
// a Slack user id; each escalation is an `escalated` step in the exception's audit
// trail, by the system.

export interface AlertDeps {
  db: PrismaClient;
  log: Logger;
  clock: Clock;
  notifiers: Notifiers;
  /** The Slack channel id exceptions are posted to; nothing is posted without it. */
  opsChannel: string | undefined;
  /** Minutes after which a still-open exception is raised again (in its thread), once per period; 0: never. */
  reraiseMinutes: number;
}

/** Older open exceptions were announced by earlier runs (or predate the channel). */
const LOOKBACK_MS = 24 * 60 * 60 * 1000;

export async function runExceptionAlerts(deps: AlertDeps): Promise<{ sent: number; duplicate: number }> {
  const notifier = deps.notifiers.forChannel('slack');
  const result = { sent: 0, duplicate: 0 };
  if (!notifier || !deps.opsChannel) return result;
  const open = await deps.db.exception.findMany({
    where: { status: { in: ['open', 'assigned'] }, createdAt: { gte: new Date(deps.clock().getTime() - LOOKBACK_MS) } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, createdAt: true, status: true, assignee: { select: { slackUserId: true } } },
    take: 200,
  });
  const to = { channel: 'slack' as const, address: deps.opsChannel };
  const count = (sent: { duplicate: boolean }) => (sent.duplicate ? result.duplicate++ : result.sent++);
  for (const { id, createdAt, status, assignee } of open) {
    const alert = await exceptionAlert(deps.db, id);
    count(await notifier.send({ kind: 'exception_alert', to, idempotencyKey: `exception_alert:${id}`, exceptionId: id, text: alert.text, choices: alert.choices }));
    const periods = deps.reraiseMinutes ? Math.floor((deps.clock().getTime() - createdAt.getTime()) / (deps.reraiseMinutes * 60_000)) : 0;
    if (periods < 1) continue;
    // One reminder per elapsed period, keyed by it: the latest only, however long the job was down.
    const mention = assignee?.slackUserId ? `<@${assignee.slackUserId}> ` : '';
    const minutes = periods * deps.reraiseMinutes;
    const text = `${mention}Still ${status} ${minutes} minutes after it was raised: ${alert.text.split('\n')[0]}`;
    const escalated = await notifier.send({ kind: 'exception_alert', to, idempotencyKey: `exception_alert:${id}:still_open:${periods}`, exceptionId: id, text });
    count(escalated);
    if (!escalated.duplicate) {
      await recordAudit(deps.db, { entityType: 'exception', entityId: id, action: 'escalated', actor: { type: 'system', id: 'exception-alerts' }, details: { minutesOpen: minutes, status }, at: deps.clock() });
    }
  }
  return result;
}

export async function startExceptionAlertJob(boss: PgBoss, deps: AlertDeps): Promise<void> {
  if (!deps.opsChannel) return;
  await boss.work(QUEUES.exceptionAlerts, async () => {
    const r = await runExceptionAlerts(deps);
    if (r.sent) deps.log.info(r, 'exceptions posted to the ops channel');
  });
  await boss.schedule(QUEUES.exceptionAlerts, '* * * * *');
}
