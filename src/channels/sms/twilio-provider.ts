import type { RequestClient } from 'twilio';
import type { Config } from '../../config.ts';
import { twilioSdk } from './twilio-sdk.ts';

// The two things the outbox asks of Twilio: send a message, and (after a crash
// during a send) say whether it accepted that message.

/**
 * The part of Twilio's RequestClient the REST client calls. Tests pass one that
 * answers like api.twilio.com, so the real client code (parameters, errors) runs
 * without the network.
 */
export interface TwilioHttpClient {
  request(opts: { method: string; uri: string; data?: Record<string, unknown>; params?: Record<string, unknown>; headers?: Record<string, string> }): Promise<{
    statusCode: number;
    body: unknown;
    headers?: Record<string, unknown>;
  }>;
}

export interface ProviderMessage {
  to: string;
  body: string;
  /** The outbox row's creation: no earlier provider message can be this one. */
  createdAt: Date;
}

export interface SmsProvider {
  send(m: ProviderMessage): Promise<{ sid: string; segments: number | null }>;
  /** The sid of a message the provider accepted for `m` and that is not in `known`, if any. */
  findAccepted(m: ProviderMessage, known: (sids: string[]) => Promise<Set<string>>): Promise<string | null>;
}

/** Twilio: the recipient replied STOP to this sender; sending is refused until START. */
export const TWILIO_OPTED_OUT = 21610;

/** How many of the recipient's latest messages a recovery looks through. */
const LOOKUP_PAGE = 50;

export function twilioConfigured(c: Config): boolean {
  return Boolean(c.TWILIO_ACCOUNT_SID && c.TWILIO_AUTH_TOKEN && (c.TWILIO_FROM_NUMBER || c.TWILIO_MESSAGING_SERVICE_SID));
}

export function createTwilioProvider(c: Config, opts: { httpClient?: TwilioHttpClient } = {}): SmsProvider {
  // The SDK loads in the background; the first send awaits it.
  const loaded = twilioSdk().then((twilio) => twilio(c.TWILIO_ACCOUNT_SID, c.TWILIO_AUTH_TOKEN, opts.httpClient ? { httpClient: opts.httpClient as unknown as RequestClient } : {}));
  loaded.catch(() => undefined);
  // Status callbacks need an address Twilio can reach; without PUBLIC_URL there is none.
  const statusCallback = c.PUBLIC_URL ? `${c.PUBLIC_URL.replace(/\/+$/, '')}/webhooks/twilio/status` : undefined;
  const sender = c.TWILIO_MESSAGING_SERVICE_SID ? { messagingServiceSid: c.TWILIO_MESSAGING_SERVICE_SID } : { from: c.TWILIO_FROM_NUMBER! };

  return {
    async send(m) {
      const client = await loaded;
      const msg = await client.messages.create({ to: m.to, body: m.body, ...sender, ...(statusCallback ? { statusCallback } : {}) });
      const segments = Number.parseInt(String(msg.numSegments ?? ''), 10);
      return { sid: msg.sid, segments: Number.isFinite(segments) && segments > 0 ? segments : null };
    },
    async findAccepted(m, known) {
      const client = await loaded;
      // Twilio has no idempotency key: a message is recognised by recipient, sender,
      // exact body and a creation time no earlier than the row (Twilio's dates have
      // whole seconds), among sids not already recorded for another row.
      const listed = await client.messages.list({ to: m.to, ...('from' in sender ? { from: sender.from } : {}), limit: LOOKUP_PAGE });
      const since = Math.floor(m.createdAt.getTime() / 1000) * 1000;
      const candidates = listed.filter((x) => x.body === m.body && x.dateCreated && x.dateCreated.getTime() >= since).map((x) => x.sid);
      if (!candidates.length) return null;
      const taken = await known(candidates);
      return candidates.find((sid) => !taken.has(sid)) ?? null;
    },
  };
}
