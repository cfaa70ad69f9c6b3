import type PgBoss from 'pg-boss';
import type { Notifiers, Recipient } from '../contract/notifier.ts';
import type { Config } from '../config.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Clock } from '../engine/clock.ts';
import type { Logger } from '../log.ts';
import { exceptionAlert } from '../ops/alert.ts';
import { QUEUES } from './boss.ts';

// Every exception still waiting for someone is announced once in each ops room
// (SLACK_OPS_CHANNEL, TEAMS_OPS_CHANNEL): an exception_alert notice keyed by the exception, sent through
// the notifier port, which posts each key once. Exceptions are raised in many places
// (the conversation inside its own transactions, the SMS channel, the API), so this
// run finds them in the table instead of hooking each raise. It runs every minute
// (runExceptionAlerts is also callable directly, which is how tests drive it). An
// exception still open every SLACK_RERAISE_MINUTES is raised again; the Slack notifier
// posts that in the thread of its first message.

export interface AlertDeps {
  db: PrismaClient;
  log: Logger;
  clock: Clock;
  notifiers: Notifiers;
  /** The ops rooms exceptions are posted to (a Slack channel, a Teams channel); nothing is posted without one. */
  opsRooms: Recipient[];
  /** Minutes after which a still-open exception is raised again (in its thread), once per period; 0: never. */
  reraiseMinutes: number;
}

/** Every ops room this installation is configured with; a deployment may use Slack, Teams or both. */
export function opsRoomsOf(config: Pick<Config, 'SLACK_OPS_CHANNEL' | 'TEAMS_OPS_CHANNEL'>): Recipient[] {
  return [
    ...(config.SLACK_OPS_CHANNEL ? [{ channel: 'slack' as const, address: config.SLACK_OPS_CHANNEL }] : []),
    ...(config.TEAMS_OPS_CHANNEL ? [{ channel: 'teams' as const, address: config.TEAMS_OPS_CHANNEL }] : []),
  ];
}

/** Older open exceptions were announced by earlier runs (or predate the channel). */
const LOOKBACK_MS = 24 * 60 * 60 * 1000;

export async function runExceptionAlerts(deps: AlertDeps): Promise<{ sent: number; duplicate: number }> {
  const result = { sent: 0, duplicate: 0 };
  const rooms = deps.opsRooms.flatMap((to) => {
    const notifier = deps.notifiers.forChannel(to.channel);
    return notifier ? [{ to, notifier }] : [];
  });
  if (!rooms.length) return result;
  const open = await deps.db.exception.findMany({
    where: { status: { in: ['open', 'assigned'] }, createdAt: { gte: new Date(deps.clock().getTime() - LOOKBACK_MS) } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, createdAt: true, status: true },
    take: 200,
  });
  const count = (sent: { duplicate: boolean }) => (sent.duplicate ? result.duplicate++ : result.sent++);
  for (const { id, createdAt, status } of open) {
    const alert = await exceptionAlert(deps.db, id);
    const periods = deps.reraiseMinutes ? Math.floor((deps.clock().getTime() - createdAt.getTime()) / (deps.reraiseMinutes * 60_000)) : 0;
    for (const { to, notifier } of rooms) {
      count(await notifier.send({ kind: 'exception_alert', to, idempotencyKey: `exception_alert:${id}`, exceptionId: id, text: alert.text, choices: alert.choices }));
      if (periods < 1) continue;
      // One reminder per elapsed period, keyed by it: the latest only, however long the job was down.
      const text = `Still ${status} ${periods * deps.reraiseMinutes} minutes after it was raised: ${alert.text.split('\n')[0]}`;
      count(await notifier.send({ kind: 'exception_alert', to, idempotencyKey: `exception_alert:${id}:still_open:${periods}`, exceptionId: id, text }));
    }
  }
  return result;
}

export async function startExceptionAlertJob(boss: PgBoss, deps: AlertDeps): Promise<void> {
  if (!deps.opsRooms.length) return;
  await boss.work(QUEUES.exceptionAlerts, async () => {
    const r = await runExceptionAlerts(deps);
    if (r.sent) deps.log.info(r, 'exceptions posted to the ops channel');
  });
  await boss.schedule(QUEUES.exceptionAlerts, '* * * * *');
}
