import type PgBoss from 'pg-boss';
import type { Notifiers } from '../contract/notifier.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Scheduler } from '../engine/api.ts';
import type { Clock } from '../engine/clock.ts';
import type { Logger } from '../log.ts';
import type { Ops } from '../ops/index.ts';
import { escalateOverdueOffers } from '../reschedule/escalate.ts';
import { sendPendingOffers } from '../reschedule/send-offers.ts';
import { QUEUES } from './boss.ts';

// The reschedule flows' job (src/reschedule), every minute: message the offers that
// saving a change created, and hand to ops the ones not answered in time. Both steps
// are idempotent (state moves only from the state read, notices go once per key), so
// overlapping runs, several workers or a rerun after a crash act once. Callable
// directly with any "now", which is how tests drive it.

export interface RescheduleFlowDeps {
  db: PrismaClient;
  log: Logger;
  clock: Clock;
  scheduler: Scheduler;
  ops: Pick<Ops, 'raise'>;
  notifiers: Notifiers;
  /** RESCHEDULE_ANSWER_MINUTES. */
  answerMinutes: number;
}

export async function runRescheduleFlows(deps: RescheduleFlowDeps, now: Date = deps.clock()): Promise<{ messaged: number; escalated: number }> {
  const raise = deps.ops.raise;
  const sent = await sendPendingOffers({ db: deps.db, scheduler: deps.scheduler, notifiers: deps.notifiers, raise, answerMinutes: deps.answerMinutes }, now);
  const overdue = await escalateOverdueOffers({ db: deps.db, raise }, now);
  const result = { messaged: sent.messaged, escalated: sent.escalated + overdue };
  if (result.messaged || result.escalated) deps.log.info(result, 'reschedule flows run');
  return result;
}

export async function startRescheduleFlowJob(boss: PgBoss, deps: RescheduleFlowDeps): Promise<void> {
  await boss.work(QUEUES.rescheduleFlows, async () => {
    await runRescheduleFlows(deps);
  });
  await boss.schedule(QUEUES.rescheduleFlows, '* * * * *');
}
