import { pino, type DestinationStream, type Logger } from 'pino';
import { REDACTED, scrubPhones, serializeError } from './redact.ts';

export type { Logger };

// Phone numbers, message text and secrets never reach the logs whole. Top-level
// fields are redacted by path; errors, which nest them anywhere, go through one
// scrubbing serializer (src/redact.ts). Child loggers inherit both.
const REDACT = [
  'req.headers.authorization',
  'req.headers["x-twilio-signature"]',
  'req.headers["x-slack-signature"]',
  'token',
  'password',
  'authToken',
  'text',
  'body',
  'Body',
  '*.token',
  '*.password',
  '*.authToken',
  '*.text',
  '*.body',
  '*.Body',
];

/** The only way Frontdesk makes a logger; `destination` is for tests that read the lines. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACT, censor: REDACTED },
    serializers: { err: serializeError, error: serializeError },
    // A number interpolated into the message itself is masked too.
    hooks: {
      logMethod(args: Parameters<pino.LogFn>, method: pino.LogFn) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubPhones(a) : a)) as Parameters<pino.LogFn>);
      },
    },
    base: { app: 'frontdesk' },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** "+15551234567" → "+1•••••••4567": enough to correlate, not enough to call. */
export function maskPhone(phone: string): string {
  if (phone.length <= 6) return '•'.repeat(phone.length);
  return phone.slice(0, 2) + '•'.repeat(phone.length - 6) + phone.slice(-4);
}
