import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler } from 'express';

// The receiver's first step: a Slack request is read raw (the signature covers the
// exact bytes) and refused with 401 unless X-Slack-Signature is
// v0=HMAC-SHA256(signing secret, "v0:{timestamp}:{raw body}") and the timestamp is
// within five minutes of now, on either side. Bolt checks only the past side; a
// timestamp from the future would let a captured request be replayed later.

const WINDOW_SECONDS = 5 * 60;

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  rawBody: string;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

export function signatureFor(secret: string, timestamp: string, rawBody: string): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex');
}

export function checkSlackSignature(secret: string, req: SignedRequest, nowMs: number): Verdict {
  if (!req.signature || !req.timestamp) return { ok: false, reason: 'missing signature headers' };
  if (!/^\d{1,12}$/.test(req.timestamp)) return { ok: false, reason: 'malformed timestamp' };
  const age = Math.floor(nowMs / 1000) - Number(req.timestamp);
  if (age > WINDOW_SECONDS) return { ok: false, reason: 'stale timestamp' };
  if (age < -WINDOW_SECONDS) return { ok: false, reason: 'timestamp in the future' };
  const expected = Buffer.from(signatureFor(secret, req.timestamp, req.rawBody));
  const given = Buffer.from(req.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature mismatch' };
  return { ok: true };
}

/** Reads the body raw (kept as req.rawBody, where Bolt's receiver looks for it) and verifies it. */
export function verifySlackRequest(opts: { secret: string; log: { warn(o: object, m: string): void } }): RequestHandler[] {
  return [
    express.raw({ type: () => true, limit: '256kb' }),
    (req, res, next) => {
      const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
      const verdict = checkSlackSignature(opts.secret, { signature: req.get('x-slack-signature'), timestamp: req.get('x-slack-request-timestamp'), rawBody }, Date.now());
      if (!verdict.ok) {
        opts.log.warn({ path: req.originalUrl, reason: verdict.reason }, 'rejected a Slack request');
        res.status(401).type('text/plain').send('Invalid Slack signature.');
        return;
      }
      (req as typeof req & { rawBody: Buffer }).rawBody = req.body as Buffer;
      next();
    },
  ];
}
