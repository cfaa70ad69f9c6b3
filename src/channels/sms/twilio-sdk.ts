import type Twilio from 'twilio';

// The Twilio SDK (~24 MB when loaded) is imported on first use: a process without
// Twilio credentials (the demo, `npm run chat`) never needs it, since the webhook
// answers 503 before verifying and outbound goes to the local outbox.

export type TwilioSdk = typeof Twilio;

let loading: Promise<TwilioSdk> | undefined;

/** The SDK, imported once per process; callers with credentials start it early so no request waits on it. */
export function twilioSdk(): Promise<TwilioSdk> {
  loading ??= import('twilio').then((m) => m.default);
  return loading;
}
