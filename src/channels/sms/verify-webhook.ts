import express, { type NextFunction, type Request, type RequestHandler } from 'express';
import { HttpProblem } from '../../http/problem.ts';
import type { SmsDeps } from './ports.ts';
import { twilioSdk } from './twilio-sdk.ts';
import { checkAccount, readParams } from './webhook-guard.ts';

// The receiver's half of a Twilio webhook (verify, then let a listener work): the
// channel must be configured, the form small, X-Twilio-Signature valid for
// PUBLIC_URL + path, and the account ours, before anything is read or written.
// Behind a proxy the URL Express sees is not the one Twilio signed.

/** The URL Twilio signed: PUBLIC_URL (which may carry a path prefix) + the path and query as received. */
export function signedUrl(publicUrl: string, originalUrl: string): string {
  return publicUrl.replace(/\/+$/, '') + originalUrl;
}

export function verifyTwilioWebhook(deps: Pick<SmsDeps, 'config' | 'log'>): RequestHandler[] {
  const { config } = deps;
  const token = config.TWILIO_AUTH_TOKEN;
  // Configured: load the SDK now, so the first webhook does not wait on it.
  const sdk = token ? twilioSdk() : null;
  let warnedNoPublicUrl = false;

  function publicBase(req: Request): string {
    if (config.PUBLIC_URL) return config.PUBLIC_URL;
    // Without PUBLIC_URL the best guess is what the proxy forwarded (trust proxy is
    // on); set PUBLIC_URL in production so signatures are checked against the
    // address configured in Twilio.
    if (!warnedNoPublicUrl) {
      warnedNoPublicUrl = true;
      deps.log.warn('PUBLIC_URL is not set: Twilio signatures are checked against the forwarded host; set PUBLIC_URL to the address configured in Twilio');
    }
    return `${req.protocol}://${req.get('host')}`;
  }

  return [
    (_req, res, next) => {
      if (!token) {
        res.status(503).type('text/plain').send('SMS is not configured: set TWILIO_AUTH_TOKEN to accept Twilio webhooks.');
        return;
      }
      next();
    },
    express.urlencoded({ extended: false, limit: '64kb' }),
    async (req, res, next) => {
      const signature = req.get('x-twilio-signature');
      const params = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, string>;
      if (!signature || !(await sdk!).validateRequest(token!, signature, signedUrl(publicBase(req), req.originalUrl), params)) {
        req.log.warn({ path: req.path, signed: Boolean(signature) }, 'rejected a Twilio webhook with a missing or invalid signature');
        res.status(403).type('text/plain').send('Invalid Twilio signature.');
        return;
      }
      next();
    },
    (req, _res, next) => {
      const read = readParams(req.body);
      const verdict = read.ok ? checkAccount(read.params, config.TWILIO_ACCOUNT_SID) : read;
      if (!verdict.ok) return refuse(req, next, verdict);
      next();
    },
  ];
}

export function refuse(req: Request, next: NextFunction, verdict: { status: 400 | 403; detail: string }): void {
  req.log.warn({ path: req.path, status: verdict.status, reason: verdict.detail }, 'refused a signed Twilio webhook');
  next(new HttpProblem(verdict.status, verdict.status === 403 ? 'Forbidden' : 'Bad Request', verdict.detail));
}
