import { pino } from 'pino';

// What may not reach a log line, wherever it hides. pino's redact paths match
// fixed positions; errors carry personal data at any depth (a pg unique
// violation's `detail` names the phone, an HTTP client error keeps the request
// it sent with the message text and the Authorization header), so errors are
// walked whole.

export const REDACTED = '[redacted]';
export const PHONE_MASK = '[phone]';

/**
 * Fields whose values are secrets or message content at any depth, compared in
 * lower case: credentials, headers that carry them, and the bodies of requests
 * and responses (an SMS body, a form post, a model prompt).
 */
const SECRET_FIELDS = new Set([
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'secret',
  'token',
  'authtoken',
  'accesstoken',
  'apikey',
  'api_key',
  'signature',
  'x-twilio-signature',
  'x-slack-signature',
  'body',
  'text',
  'data',
  'content',
  'prompt',
  'messages',
]);

const isSecretField = (name: string) => SECRET_FIELDS.has(name.toLowerCase()) || /(secret|password|token)$/i.test(name);

// A run of 7–15 digits with short separators, with a leading + or at least ten
// digits: E.164 numbers and national formats such as (555) 123-4567. Word
// characters, a hyphen before or a colon after it mean an id, a UUID part or a
// clock time.
const PHONE_LIKE = /(?<![\w+-])\+?\(?\d(?:[ ().-]{0,2}\d){6,14}(?![\w:])/g;

export function scrubPhones(text: string): string {
  return text.replace(PHONE_LIKE, (match) => {
    const digits = match.replace(/\D/g, '').length;
    return match.startsWith('+') || digits >= 10 ? PHONE_MASK : match;
  });
}

const MAX_DEPTH = 8;

/** A copy of `value` with secret fields replaced and phone-like text masked, at any depth. */
export function scrubDeep(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubPhones(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  // Errors keep message and stack off their enumerable fields; serialize them first.
  const plain: unknown = value instanceof Error ? pino.stdSerializers.err(value) : value;
  if (Array.isArray(plain)) return plain.map((item) => scrubDeep(item, depth + 1, seen));
  if (Buffer.isBuffer(plain)) return REDACTED;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(plain as Record<string, unknown>)) {
    out[key] = isSecretField(key) ? REDACTED : scrubDeep(v, depth + 1, seen);
  }
  return out;
}

/** The one serializer for errors in every log line (keys `err` and `error`). */
export const serializeError = (err: unknown): unknown => scrubDeep(err);
