import { createHmac } from 'node:crypto';

// Deliveries are signed the way Stripe and Slack sign theirs: a timestamp, and an
// HMAC-SHA256 of "<timestamp>.<raw body>" under the subscription's secret, so a receiver
// can tell the request came from us, was not altered, and is not an old one replayed.
// The verification side is the README's snippet (tests/webhooks/verify-snippet.test.ts runs it).

export const SIGNATURE_HEADER = 'Frontdesk-Signature';
export const EVENT_ID_HEADER = 'Frontdesk-Event-Id';
export const EVENT_TYPE_HEADER = 'Frontdesk-Event-Type';

export function signatureHeader(input: { secret: string; body: string; at: Date }): string {
  const t = Math.floor(input.at.getTime() / 1000);
  const v1 = createHmac('sha256', input.secret).update(`${t}.${input.body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}
