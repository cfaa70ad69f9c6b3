import type { Config } from '../../config.ts';
import { normalizePhone } from '../../phone.ts';

// Checks a Twilio webhook must pass after its signature and before anything is
// read or written. A valid signature proves Twilio (or someone holding the auth
// token) sent the request, not that it is well formed or meant for this business:
// a parameter sent twice arrives as an array, a post may carry no form at all,
// and one auth token can sign for another account's numbers.

export type WebhookParams = Record<string, string>;

export type GuardVerdict = { ok: true; params: WebhookParams } | { ok: false; status: 400 | 403; detail: string };

/** The form as single strings; repeated or missing parameters are a malformed request. */
export function readParams(body: unknown): GuardVerdict {
  if (!body || typeof body !== 'object' || Object.keys(body).length === 0) {
    return { ok: false, status: 400, detail: 'The webhook carried no form parameters.' };
  }
  const repeated = Object.entries(body).filter(([, v]) => typeof v !== 'string').map(([k]) => k);
  if (repeated.length) return { ok: false, status: 400, detail: `Parameter(s) sent more than once: ${repeated.join(', ')}.` };
  return { ok: true, params: body as WebhookParams };
}

/** Twilio always names the account; it must be ours when we know ours. */
export function checkAccount(params: WebhookParams, accountSid: string | undefined): GuardVerdict {
  if (accountSid && params.AccountSid !== accountSid) {
    return { ok: false, status: 403, detail: 'The webhook is for another Twilio account.' };
  }
  return { ok: true, params };
}

/** The business's own numbers: TWILIO_FROM_NUMBER plus TWILIO_NUMBERS. Empty when none is configured. */
export function ownNumbers(config: Pick<Config, 'TWILIO_FROM_NUMBER' | 'TWILIO_NUMBERS'>): Set<string> {
  return new Set([config.TWILIO_FROM_NUMBER, ...(config.TWILIO_NUMBERS ?? [])].filter((n): n is string => Boolean(n)));
}

/** An inbound message must be addressed to one of the business's numbers when they are configured. */
export function checkRecipient(params: WebhookParams, numbers: Set<string>): GuardVerdict {
  if (numbers.size === 0) return { ok: true, params };
  const to = normalizePhone(params.To ?? '');
  if (!to || !numbers.has(to)) return { ok: false, status: 400, detail: 'The message is not addressed to one of this business’s numbers.' };
  return { ok: true, params };
}
