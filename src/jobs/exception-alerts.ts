import type PgBoss from 'pg-boss';
import type { Notifiers } from '../contract/notifier.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Clock } from '../engine/clock.ts';
import type { Logger } from '../log.ts';
import { exceptionAlert } from '../ops/alert.ts';
import { QUEUES } from './boss.ts';

// Every exception still waiting for someone is announced once in the ops channel
// (SLACK_OPS_CHANNEL): an exception_alert notice keyed by the exception, sent through
// the notifier port, which posts each key once. Exceptions are raised in many places
// (the conversation inside its own transactions, the SMS channel, the API), so this
// run finds them in the table instead of hooking each raise. It runs every minute
// (runExceptionAlerts is also callable directly, which is how tests drive it).

export interface AlertDeps {
  db: PrismaClient;
  log: Logger;
  clock: Clock;
  notifiers: Notifiers;
  /** The Slack channel id exceptions are posted to; nothing is posted without it. */
  opsChannel: string | undefined;
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
    select: { id: true },
    take: 200,
  });
  for (const { id } of open) {
    const alert = await exceptionAlert(deps.db, id);
    const sent = await notifier.send({
      kind: 'exception_alert',
      to: { channel: 'slack', address: deps.opsChannel },
      idempotencyKey: `exception_alert:${id}`,
      exceptionId: id,
      text: alert.text,
      choices: alert.choices,
    });
    if (sent.duplicate) result.duplicate++;
    else result.sent++;
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
