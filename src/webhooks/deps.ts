import type { PrismaClient } from '../db/client.ts';
import type { Scheduler } from '../engine/api.ts';
import type { Clock } from '../engine/clock.ts';
import type { Logger } from '../log.ts';
import type { DeliveryPolicy } from './policy.ts';

/** One HTTP attempt: the status the receiver answered, or a throw (network error, timeout). */
export type WebhookPost = (req: { url: string; headers: Record<string, string>; body: string; timeoutMs: number }) => Promise<{ status: number }>;

export interface WebhookDeps {
  db: PrismaClient;
  /** Reads an event's appointment in the admin API's shape. */
  scheduler: Pick<Scheduler, 'getAppointment'>;
  clock: Clock;
  log: Logger;
  policy: DeliveryPolicy;
  /** The HTTP client; fetch unless a test hands in another. */
  post?: WebhookPost;
  /** The jitter's randomness; Math.random unless a test fixes it. */
  random?: () => number;
}

/**
 * fetch, not following redirects (a 3xx is a failure: the subscription should name the
 * final URL) and not reading the response body, which only its status matters for.
 */
export const httpPost: WebhookPost = async (req) => {
  const res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body, redirect: 'manual', signal: AbortSignal.timeout(req.timeoutMs) });
  await res.body?.cancel();
  return { status: res.status };
};
