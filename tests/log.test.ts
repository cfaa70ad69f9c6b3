import { Writable } from 'node:stream';
import pg from 'pg';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';
import { scrubPhones } from '../src/redact.ts';

// Errors are logged through one scrubbing path: whatever an error carries, and
// however deep, the line written holds no phone number, message text or secret.

const PHONE = '+15551234567';
const DIGITS = '5551234567';
const TEXT = 'Can I come in at 3pm with my dog Rex';
const TOKEN = 'sk-test-abcdef0123456789';
const TWILIO_TOKEN = 'tw-auth-9f8e7d6c5b4a';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('info', stream), output: () => lines.join('') };
}

/** A unique violation as node-postgres raises it: the offending value is in `detail`. */
function uniqueViolation() {
  const err = new pg.DatabaseError('duplicate key value violates unique constraint "customer_phone_key"', 120, 'error');
  Object.assign(err, { code: '23505', table: 'customer', constraint: 'customer_phone_key', detail: `Key (phone)=(${PHONE}) already exists.` });
  return err;
}

/** Twilio's REST error, with the HTTP exchange attached the way client errors keep it. */
function twilioFailure() {
  const err = new twilio.RestException({
    statusCode: 400,
    body: JSON.stringify({ code: 21211, message: `The 'To' number ${PHONE} is not a valid phone number.`, more_info: 'https://www.twilio.com/docs/errors/21211' }),
  });
  return Object.assign(err, {
    request: {
      headers: { Authorization: `Basic ${TWILIO_TOKEN}` },
      params: { To: PHONE, Body: TEXT },
    },
  });
}

function assertClean(output: string) {
  expect(output).not.toContain(DIGITS);
  expect(output).not.toContain('555) 123-4567');
  expect(output).not.toContain('3pm');
  expect(output).not.toContain(TOKEN);
  expect(output).not.toContain(TWILIO_TOKEN);
}

describe('logging errors', () => {
  it('masks the phone number in a database error detail and keeps what diagnoses it', () => {
    const { log, output } = capture();
    log.error({ err: uniqueViolation() }, 'insert failed');
    assertClean(output());
    const line = JSON.parse(output());
    expect(line.err).toMatchObject({ type: 'DatabaseError', code: '23505', constraint: 'customer_phone_key', detail: 'Key (phone)=([phone]) already exists.' });
    expect(line.err.stack).toContain('duplicate key value');
  });

  it('scrubs a Twilio error with the request it sent: number, message text and credentials', () => {
    const { log, output } = capture();
    log.warn({ err: twilioFailure() }, 'sms send failed');
    assertClean(output());
    const line = JSON.parse(output());
    expect(line.err).toMatchObject({ code: 21211, status: 400, request: { headers: { Authorization: '[redacted]' }, params: { To: '[phone]', Body: '[redacted]' } } });
  });

  it('reaches errors nested deep, in causes, arrays and under the `error` key', () => {
    const { log, output } = capture();
    const prismaLike = Object.assign(new Error('Unique constraint failed'), {
      meta: { driverAdapterError: { cause: { originalMessage: `Key (phone)=(${PHONE}) exists`, kind: 'UniqueConstraintViolation' } } },
    });
    const openAiLike = Object.assign(new Error('400 Bad request'), { error: { param: 'messages', request: { messages: [{ role: 'user', content: TEXT }], apiKey: TOKEN } } });
    log.error({ err: new Error(`send to (555) 123-4567 failed`, { cause: uniqueViolation() }) }, 'cause');
    log.error({ error: prismaLike }, 'prisma');
    log.error({ err: new AggregateError([openAiLike, twilioFailure()], 'several failed') }, 'aggregate');
    log.error(openAiLike, 'error as first argument');
    log.child({ reqId: 'abc' }).error({ err: twilioFailure() }, 'from a request logger');
    assertClean(output());
    expect(output()).toContain('UniqueConstraintViolation');
  });

  it('redacts message text and secrets at the top of a log line too', () => {
    const { log, output } = capture();
    log.info({ body: TEXT, token: TOKEN, sms: { Body: TEXT, text: TEXT } }, 'inbound');
    assertClean(output());
  });

  it('masks a number interpolated into the message', () => {
    const { log, output } = capture();
    log.warn(`no reply sent to ${PHONE}`);
    log.child({ reqId: 'abc' }).info({ attempt: 2 }, 'retrying %s', '(555) 123-4567');
    assertClean(output());
    expect(output()).toContain('no reply sent to [phone]');
  });

  it('survives circular errors', () => {
    const { log, output } = capture();
    const err = Object.assign(new Error('loop'), { detail: PHONE }) as Error & { self?: unknown };
    err.self = { back: err };
    log.error({ err }, 'circular');
    assertClean(output());
    expect(JSON.parse(output()).err.message).toBe('loop');
  });
});

describe('scrubPhones', () => {
  it.each([PHONE, '+44 20 7946 0958', '(555) 123-4567', '555.123.4567', '555-123-4567', '15551234567'])('masks %s', (phone) => {
    expect(scrubPhones(`call ${phone} now`)).toBe('call [phone] now');
  });

  it.each([
    'appointment 3f2c1d9e-8b7a-4c6d-9e0f-123456789012',
    'at 2026-03-08T10:00:00.000Z',
    'on 2026-03-08 10:30',
    'error 21211 at port 5432',
    'SM0123456789abcdef0123456789abcdef',
  ])('leaves ids, times and codes alone: %s', (text) => {
    expect(scrubPhones(text)).toBe(text);
  });
});
