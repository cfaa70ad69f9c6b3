import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import twilio from 'twilio';
import type { AppContext } from '../../context.ts';
import type { Orchestrator } from '../../conversation/contract.ts';
import { maskPhone } from '../../log.ts';
import { HttpProblem } from '../../api/problem.ts';
import { createInboundProcessor, MessageSidReused, type InboundProcessor, type ReplyMode, type SmsReplyJob } from './inbound.ts';
import { raiseMessageFailed, TWILIO_OPTED_OUT, type SmsSender } from './outbound.ts';
import { markOptedOut } from './optout.ts';
import { checkAccount, checkRecipient, ownNumbers, readParams, type WebhookParams } from './webhook-guard.ts';
import { createRateLimiter } from '../../http/rate-limit.ts';
import { normalizePhone } from '../../phone.ts';

// Twilio's two webhooks, mounted at /webhooks/twilio:
//   POST /sms     inbound messages → TwiML reply (or empty TwiML and a REST reply)
//   POST /status  delivery status of messages we sent
// Both verify X-Twilio-Signature against PUBLIC_URL + path before reading or
// writing anything: behind a proxy the URL Express sees is not the one Twilio
// signed. An unsigned or forged request gets 403 and leaves no trace in the
// database; so does a signed one for another account (403), a malformed form or
// one addressed to a number that is not the business's (400, see webhook-guard.ts).

export interface SmsRouterOptions {
  orchestrator: Orchestrator;
  sender: SmsSender;
  /** Default: 'rest' when a model provider that may be slow (OpenAI) is configured, else 'twiml'. */
  replyMode?: ReplyMode;
  /** Default 10 s, safely under Twilio's ~15 s webhook timeout. */
  budgetMs?: number;
  enqueueReply?: (job: SmsReplyJob) => Promise<void>;
}

export interface SmsChannel {
  router: Router;
  processor: InboundProcessor;
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/** The URL Twilio signed: PUBLIC_URL (which may carry a path prefix) + the path and query as received. */
export function signedUrl(publicUrl: string, originalUrl: string): string {
  return publicUrl.replace(/\/+$/, '') + originalUrl;
}

export function createSmsChannel(ctx: AppContext, opts: SmsRouterOptions): SmsChannel {
  const token = ctx.config.TWILIO_AUTH_TOKEN;
  const processor = createInboundProcessor({
    ctx,
    orchestrator: opts.orchestrator,
    sender: opts.sender,
    replyMode: opts.replyMode ?? (ctx.config.OPENAI_API_KEY ? 'rest' : 'twiml'),
    budgetMs: opts.budgetMs ?? 10_000,
    enqueueReply: opts.enqueueReply,
  });
  let warnedNoPublicUrl = false;

  function publicBase(req: Request): string {
    if (ctx.config.PUBLIC_URL) return ctx.config.PUBLIC_URL;
    // Without PUBLIC_URL the best guess is what the proxy forwarded (trust proxy is
    // on); set PUBLIC_URL in production so signatures are checked against the
    // address configured in Twilio.
    if (!warnedNoPublicUrl) {
      warnedNoPublicUrl = true;
      ctx.log.warn('PUBLIC_URL is not set: Twilio signatures are checked against the forwarded host; set PUBLIC_URL to the address configured in Twilio');
    }
    return `${req.protocol}://${req.get('host')}`;
  }

  const router = express.Router();
  router.use((req, res, next) => {
    if (!token) {
      res.status(503).type('text/plain').send('SMS is not configured: set TWILIO_AUTH_TOKEN to accept Twilio webhooks.');
      return;
    }
    next();
  });
  router.use(express.urlencoded({ extended: false, limit: '64kb' }));
  router.use((req, res, next) => {
    const signature = req.get('x-twilio-signature');
    const params = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, string>;
    if (!signature || !twilio.validateRequest(token!, signature, signedUrl(publicBase(req), req.originalUrl), params)) {
      req.log.warn({ path: req.path, signed: Boolean(signature) }, 'rejected a Twilio webhook with a missing or invalid signature');
      res.status(403).type('text/plain').send('Invalid Twilio signature.');
      return;
    }
    next();
  });
  const numbers = ownNumbers(ctx.config);
  router.use((req, _res, next) => {
    const read = readParams(req.body);
    const verdict = read.ok ? checkAccount(read.params, ctx.config.TWILIO_ACCOUNT_SID) : read;
    if (!verdict.ok) return refuse(req, next, verdict);
    next();
  });
  // Per sender, and only after the signature check, so a forger cannot spend a real
  // customer's budget. Only on /sms: status callbacks carry the business's own number as From.
  router.use(
    '/sms',
    createRateLimiter({
      name: 'sms-sender',
      limit: ctx.config.RATE_LIMIT_WEBHOOK_REQUESTS,
      windowSeconds: ctx.config.RATE_LIMIT_WINDOW_SECONDS,
      key: (req) => normalizePhone(String(req.body?.From ?? '')) ?? undefined,
    }),
  );

  router.post('/sms', async (req: Request, res: Response, next) => {
    try {
      const addressed = checkRecipient(req.body as WebhookParams, numbers);
      if (!addressed.ok) return refuse(req, next, addressed);
      const p = req.body as Record<string, string | undefined>;
      const from = normalizePhone(p.From ?? '');
      const sid = p.MessageSid ?? p.SmsSid;
      if (!from || !sid) {
        // Short codes, alphanumeric senders and malformed posts get no conversation.
        req.log.info({ hasSid: Boolean(sid) }, 'ignored an inbound SMS without a phone sender or MessageSid');
        res.type('text/xml').send(EMPTY_TWIML);
        return;
      }
      const numMedia = Math.min(Number.parseInt(p.NumMedia ?? '0', 10) || 0, 10);
      const media = [];
      for (let i = 0; i < numMedia; i++) {
        const url = p[`MediaUrl${i}`];
        if (url) media.push({ url, contentType: p[`MediaContentType${i}`] ?? 'application/octet-stream' });
      }
      const text = await processor.handle({
        from,
        to: p.To ?? '',
        body: p.Body ?? '',
        messageSid: sid,
        media,
        optOutType: p.OptOutType || undefined,
        receivedAt: ctx.clock(),
      });
      if (!text) {
        res.type('text/xml').send(EMPTY_TWIML);
        return;
      }
      const twiml = new twilio.twiml.MessagingResponse();
      twiml.message(text);
      res.type('text/xml').send(twiml.toString());
    } catch (err) {
      if (err instanceof MessageSidReused) return refuse(req, next, { status: 400, detail: err.message });
      next(err);
    }
  });

  router.post('/status', async (req: Request, res: Response, next) => {
    try {
      await recordStatus(ctx, req.body as Record<string, string | undefined>);
      res.status(204).end();
    } catch (err) {
      next(err);
    }
  });

  return { router, processor };
}

function refuse(req: Request, next: NextFunction, verdict: { status: 400 | 403; detail: string }): void {
  req.log.warn({ path: req.path, status: verdict.status, reason: verdict.detail }, 'refused a signed Twilio webhook');
  next(new HttpProblem(verdict.status, verdict.status === 403 ? 'Forbidden' : 'Bad Request', verdict.detail));
}

// Twilio reports statuses out of order; a row only moves forward. failed and
// undelivered are final.
const RANK: Record<string, number> = { queued: 0, sending: 0, sent: 1, delivered: 2, undelivered: 3, failed: 3, suppressed: 3, outbox: 3 };
const MAPPED: Record<string, 'sent' | 'delivered' | 'failed' | 'undelivered'> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  failed: 'failed',
  undelivered: 'undelivered',
};

export async function recordStatus(ctx: AppContext, p: Record<string, string | undefined>): Promise<void> {
  const sid = p.MessageSid ?? p.SmsSid;
  const status = MAPPED[(p.MessageStatus ?? p.SmsStatus ?? '').toLowerCase()];
  if (!sid || !status) return; // queued/accepted/sending carry nothing new
  const row = await ctx.db.outboundMessage.findUnique({
    where: { providerMessageId: sid },
    select: { id: true, status: true, to: true, kind: true, appointmentId: true, conversationId: true },
  });
  if (!row) {
    ctx.log.info({ sid, status }, 'status callback for a message Frontdesk did not record');
    return;
  }
  const errorCode = p.ErrorCode ? Number.parseInt(p.ErrorCode, 10) : undefined;
  if (RANK[status]! > RANK[row.status]!) {
    const updated = await ctx.db.outboundMessage.updateMany({
      where: { id: row.id, status: row.status },
      data: { status, ...(errorCode ? { error: `${errorCode}: ${p.ErrorMessage ?? 'delivery failed'}`.slice(0, 500) } : {}) },
    });
    if (updated.count === 0) return recordStatus(ctx, p); // raced another callback; re-read
  }
  if (status === 'failed' || status === 'undelivered') {
    ctx.log.warn({ sid, status, errorCode, to: maskPhone(row.to) }, 'sms not delivered');
    if (errorCode === TWILIO_OPTED_OUT) await markOptedOut(ctx, row.to, 'Twilio error 21610');
    if (row.appointmentId) await raiseMessageFailed(ctx, row, `${status}${errorCode ? ` (Twilio error ${errorCode})` : ''}`);
  }
}
