import { pino, type Logger } from 'pino';

export type { Logger };

// Phone numbers and message text are personal data: they never reach the logs whole.
const REDACT = [
  'req.headers.authorization',
  'req.headers["x-twilio-signature"]',
  'req.headers["x-slack-signature"]',
  '*.token',
  '*.password',
  '*.authToken',
  '*.text',
  '*.body',
  '*.Body',
];

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'frontdesk' } });
}

/** "+15551234567" → "+1•••••••4567": enough to correlate, not enough to call. */
export function maskPhone(phone: string): string {
  if (phone.length <= 6) return '•'.repeat(phone.length);
  return phone.slice(0, 2) + '•'.repeat(phone.length - 6) + phone.slice(-4);
}
