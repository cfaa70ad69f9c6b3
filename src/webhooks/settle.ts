import { raiseException } from '../ops/index.ts';
import type { Prisma } from '../db/client.ts';
import type { WebhookDeps } from './deps.ts';
import { retryDelayMs, shouldDisable } from './policy.ts';
import {
  abandonPending,
  countFailure,
  disableSubscription,
  execute,
  finishAttempt,
  giveUpDelivery,
  markDelivered,
  query,
  resetFailures,
  scheduleRetry,
  type ClaimedDelivery,
  type FailureStreak,
} from './plans.ts';

// After an attempt, in one transaction: the attempt's outcome, the delivery's next step
// (delivered, retried later, or given up after the last attempt), the subscriber's run of
// failures, and, when that run is long enough, disabling the subscriber with an exception
// for ops. The exception is raised in the same transaction as the disabling, so a crash
// cannot leave a subscriber disabled without anyone told (or told twice: only the
// transaction that flips it to disabled raises).

export interface AttemptResult {
  ok: boolean;
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
}

export type DeliveryOutcome =
  | { kind: 'not_due' }
  | { kind: 'delivered' }
  | { kind: 'retry'; at: Date }
  | { kind: 'failed' }
  | { kind: 'disabled' };

export async function settleAttempt(deps: WebhookDeps, claimed: ClaimedDelivery, result: AttemptResult): Promise<DeliveryOutcome> {
  const now = deps.clock();
  return deps.db.$transaction(async (tx) => {
    await execute(tx, finishAttempt({ attemptId: claimed.attemptId, outcome: result.ok ? 'succeeded' : 'failed', responseStatus: result.responseStatus, error: result.error, durationMs: result.durationMs, now }));
    if (result.ok) {
      await execute(tx, markDelivered({ deliveryId: claimed.deliveryId, now }));
      await execute(tx, resetFailures({ subscriptionId: claimed.subscriptionId, now }));
      return { kind: 'delivered' };
    }
    const outcome = await nextStep(deps, tx, claimed, now);
    const [streak] = await query<FailureStreak>(tx, countFailure({ subscriptionId: claimed.subscriptionId, attemptStartedAt: claimed.startedAt, now }));
    if (streak && shouldDisable(deps.policy, streak, now) && (await disable(tx, claimed, streak, result, now))) {
      deps.log.warn({ subscriptionId: claimed.subscriptionId, consecutiveFailures: streak.consecutiveFailures }, 'webhook subscriber disabled after repeated failures');
      return { kind: 'disabled' };
    }
    return outcome;
  });
}

async function nextStep(deps: WebhookDeps, tx: Prisma.TransactionClient, claimed: ClaimedDelivery, now: Date): Promise<DeliveryOutcome> {
  if (claimed.number >= deps.policy.maxAttempts) {
    await execute(tx, giveUpDelivery({ deliveryId: claimed.deliveryId }));
    return { kind: 'failed' };
  }
  const at = new Date(now.getTime() + retryDelayMs(deps.policy, claimed.number, deps.random));
  await execute(tx, scheduleRetry({ deliveryId: claimed.deliveryId, at }));
  return { kind: 'retry', at };
}

async function disable(tx: Prisma.TransactionClient, claimed: ClaimedDelivery, streak: FailureStreak, result: AttemptResult, now: Date): Promise<boolean> {
  const since = streak.failingSince!.toISOString();
  const reason = `${streak.consecutiveFailures} attempts in a row failed since ${since}; the last: ${result.error}`;
  const [disabled] = await query(tx, disableSubscription({ subscriptionId: claimed.subscriptionId, reason, now }));
  if (!disabled) return false;
  await execute(tx, abandonPending({ subscriptionId: claimed.subscriptionId }));
  await raiseException(tx, {
    type: 'webhook_failing',
    summary: `Webhook subscriber ${streak.url} was disabled: ${reason}. Fix the receiver, then re-enable it (PATCH /api/v1/webhooks/${claimed.subscriptionId} with enabled: true).`,
    dedupeKey: `webhook:${claimed.subscriptionId}`,
    details: { subscriptionId: claimed.subscriptionId, url: streak.url, consecutiveFailures: streak.consecutiveFailures, failingSince: since, lastError: result.error },
    at: now,
  });
  return true;
}
