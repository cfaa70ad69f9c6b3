import { performance } from 'node:perf_hooks';
import { httpPost, type WebhookDeps } from './deps.ts';
import { leaseMs } from './policy.ts';
import { claimDelivery, query, type ClaimedDelivery } from './plans.ts';
import { settleAttempt, type AttemptResult, type DeliveryOutcome } from './settle.ts';
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, signatureHeader } from './signature.ts';

// One attempt of one delivery: claim it (lease + attempt row), POST the signed body,
// settle the outcome. A crash between claim and settle leaves the attempt in flight
// until its lease runs out; the dispatcher then marks it interrupted and the delivery
// is sent again (at least once; the event id header lets the receiver drop a copy).

export async function deliverOne(deps: WebhookDeps, deliveryId: string): Promise<DeliveryOutcome> {
  const now = deps.clock();
  const [claimed] = await query<ClaimedDelivery>(deps.db, claimDelivery({ deliveryId, now, leaseUntil: new Date(now.getTime() + leaseMs(deps.policy)) }));
  if (!claimed) return { kind: 'not_due' };
  const result = await attempt(deps, claimed);
  return settleAttempt(deps, claimed, result);
}

async function attempt(deps: WebhookDeps, claimed: ClaimedDelivery): Promise<AttemptResult> {
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Frontdesk-Webhooks/1',
    [SIGNATURE_HEADER]: signatureHeader({ secret: claimed.secret, body: claimed.body, at: deps.clock() }),
    [EVENT_ID_HEADER]: claimed.eventId,
    [EVENT_TYPE_HEADER]: claimed.type,
  };
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const { status } = await (deps.post ?? httpPost)({ url: claimed.url, headers, body: claimed.body, timeoutMs: deps.policy.timeoutMs });
    const ok = status >= 200 && status < 300;
    return { ok, responseStatus: status, error: ok ? null : `the receiver answered HTTP ${status}`, durationMs: elapsed() };
  } catch (err) {
    return { ok: false, responseStatus: null, error: describeError(err, deps.policy.timeoutMs), durationMs: elapsed() };
  }
}

function describeError(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = e.cause?.code ?? e.cause?.message;
  return cause ? `${e.message ?? 'request failed'} (${cause})` : (e.message ?? String(err));
}
