import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { ProviderError } from '../types.ts';

// Why a model request failed, and whether asking again can help. The SDK's own retries
// are off: it would wait as long as a 429's retry-after asks (minutes, if the server says
// so) while the turn holds the conversation's lock and a database transaction. Here every
// retry is bounded: a few attempts, and a wait no longer than the configured maximum.

export type ModelFailure =
  | 'timeout'
  | 'connection'
  | 'rate_limited'
  | 'server_error'
  | 'rejected'
  | 'empty_answer'
  | 'truncated'
  | 'content_filter';

/** Failures a second identical request can cure. A truncated or filtered answer would come back the same (temperature 0). */
const RETRYABLE = new Set<ModelFailure>(['timeout', 'connection', 'rate_limited', 'server_error', 'empty_answer']);

export class ModelRequestFailed extends ProviderError {
  constructor(
    readonly failure: ModelFailure,
    message: string,
    cause?: unknown,
    /** What the server asked us to wait before trying again (429 retry-after), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(`${failure}: ${message}`, cause);
  }
}

/** The SDK's error as a ModelRequestFailed. */
export function classify(err: unknown): ModelRequestFailed {
  if (err instanceof ModelRequestFailed) return err;
  if (err instanceof APIConnectionTimeoutError) return new ModelRequestFailed('timeout', 'the model did not answer in time', err);
  if (err instanceof APIConnectionError) return new ModelRequestFailed('connection', 'the model server could not be reached', err);
  if (err instanceof APIError && err.status === 429) return new ModelRequestFailed('rate_limited', 'the model server is rate limiting', err, retryAfterMs(err.headers));
  if (err instanceof APIError && (err.status ?? 0) >= 500) return new ModelRequestFailed('server_error', `the model server answered ${err.status}`, err);
  return new ModelRequestFailed('rejected', err instanceof Error ? err.message : 'the model request failed', err);
}

/** Milliseconds the server asks to wait: `retry-after-ms`, else `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers?.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface RetryPolicy {
  /** Attempts after the first. */
  maxRetries: number;
  /** The longest wait before a retry; a 429 asking for longer is not retried. */
  maxWaitMs: number;
}

/** How long to wait before attempt `attempt + 1`, or null to give up now. */
export function retryDelay(failure: ModelRequestFailed, attempt: number, policy: RetryPolicy): number | null {
  if (!RETRYABLE.has(failure.failure) || attempt >= policy.maxRetries) return null;
  if (failure.retryAfterMs !== undefined) return failure.retryAfterMs <= policy.maxWaitMs ? failure.retryAfterMs : null;
  // No instruction from the server: a short exponential back-off, within the same cap.
  return Math.min(policy.maxWaitMs, 250 * 2 ** attempt);
}
