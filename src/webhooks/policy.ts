import type { Config } from '../config.ts';

// How hard Frontdesk tries: each attempt has a timeout; a failed delivery is retried
// with exponential backoff and jitter up to a number of attempts; a subscriber whose
// attempts keep failing, for long enough, is disabled (and ops told). Both conditions
// must hold for disabling, so a burst of failures (many events during a short outage)
// does not disable a subscriber that will be back in minutes.

export interface DeliveryPolicy {
  timeoutMs: number;
  /** Attempts per delivery, the first included; then it is `failed`. */
  maxAttempts: number;
  firstRetrySeconds: number;
  maxRetrySeconds: number;
  /** Disable after this many failed attempts in a row… */
  disableAfterFailures: number;
  /** …the first of them at least this long ago. */
  disableAfterHours: number;
  /** How long a claim outlives the request timeout before another worker may take the delivery. */
  leaseMarginMs: number;
}

export function deliveryPolicy(config: Config): DeliveryPolicy {
  return {
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
    firstRetrySeconds: 60,
    maxRetrySeconds: 3600,
    disableAfterFailures: config.WEBHOOK_DISABLE_AFTER_FAILURES,
    disableAfterHours: config.WEBHOOK_DISABLE_AFTER_HOURS,
    leaseMarginMs: 30_000,
  };
}

/**
 * The wait before the next attempt after `attempts` failed ones: doubling from the
 * first retry delay up to the cap, then "equal jitter" (half fixed, half random) so
 * subscribers recovering from one outage are not hit by every retry at once.
 */
export function retryDelayMs(policy: DeliveryPolicy, attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxRetrySeconds, policy.firstRetrySeconds * 2 ** Math.max(0, attempts - 1)) * 1000;
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** The lease of a claimed delivery: past the request timeout, so a crashed sender's claim ends only after its request could have. */
export const leaseMs = (policy: DeliveryPolicy) => policy.timeoutMs + policy.leaseMarginMs;

export function shouldDisable(policy: DeliveryPolicy, streak: { consecutiveFailures: number; failingSince: Date | null }, now: Date): boolean {
  if (!streak.failingSince || streak.consecutiveFailures < policy.disableAfterFailures) return false;
  return now.getTime() - streak.failingSince.getTime() >= policy.disableAfterHours * 3_600_000;
}
