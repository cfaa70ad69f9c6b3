import type PgBoss from 'pg-boss';
import { QUEUES } from './boss.ts';
import type { Logger } from '../log.ts';
import type { WebhookDeps } from '../webhooks/deps.ts';
import { deliverOne } from '../webhooks/deliver.ts';
import { runWebhookDispatch } from '../webhooks/dispatch.ts';

// Outbound webhooks on pg-boss. The tables are the truth (src/webhooks): which delivery
// is due, claimed, delivered or given up. The jobs only carry the work to a worker:
// - webhook-dispatch (every minute by cron, and every few seconds by a nudge so events go
//   out promptly) fans out new events and queues one webhook-deliver job per due delivery;
// - webhook-deliver makes one attempt and, after a failure, queues its retry for the time
//   the backoff chose. A lost or duplicated job costs nothing: the next dispatch finds a
//   due delivery again, and a second job for one delivery finds it claimed or done.

export const WEBHOOK_QUEUES = { dispatch: QUEUES.webhookDispatch, deliver: QUEUES.webhookDeliver } as const;

const NUDGE_SECONDS = 5;
const DELIVER_BATCH = 5;

export interface WebhookJobs {
  /** Stops the nudge timer; the queue's own stop ends the workers. */
  stop(): void;
}

export async function startWebhookJobs(boss: PgBoss, deps: WebhookDeps): Promise<WebhookJobs> {
  await boss.work(WEBHOOK_QUEUES.dispatch, { pollingIntervalSeconds: 1 }, async () => {
    const run = await runWebhookDispatch(deps);
    for (const deliveryId of run.due) await boss.send(WEBHOOK_QUEUES.deliver, { deliveryId });
    if (run.prepared || run.interrupted) deps.log.info({ prepared: run.prepared, interrupted: run.interrupted, due: run.due.length }, 'webhook events dispatched');
  });
  await boss.work<{ deliveryId: string }>(WEBHOOK_QUEUES.deliver, { batchSize: DELIVER_BATCH, pollingIntervalSeconds: 1 }, async (jobs) => {
    await Promise.all(jobs.map((job) => deliverAndQueueRetry(boss, deps, job.data.deliveryId)));
  });
  await boss.schedule(WEBHOOK_QUEUES.dispatch, '* * * * *');
  const timer = setInterval(() => void nudge(boss, deps.log), NUDGE_SECONDS * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function deliverAndQueueRetry(boss: PgBoss, deps: WebhookDeps, deliveryId: string): Promise<void> {
  const outcome = await deliverOne(deps, deliveryId);
  if (outcome.kind === 'retry') await boss.send(WEBHOOK_QUEUES.deliver, { deliveryId }, { startAfter: outcome.at });
}

async function nudge(boss: PgBoss, log: Logger): Promise<void> {
  await boss.send(WEBHOOK_QUEUES.dispatch, {}).catch((err: unknown) => log.debug({ err }, 'webhook dispatch nudge not queued'));
}
