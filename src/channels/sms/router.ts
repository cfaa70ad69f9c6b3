import express, { type Request, type Response, type Router } from 'express';
import type { Orchestrator } from '../../contract/conversation.ts';
import { createRateLimiter } from '../../http/rate-limit.ts';
import { normalizePhone } from '../../phone.ts';
import { createInboundProcessor, MessageSidReused, type InboundProcessor, type ReplyMode, type SmsInbound, type SmsReplyJob } from './inbound.ts';
import type { SmsSender } from './outbound.ts';
import type { SmsDeps } from './ports.ts';
import { recordStatus } from './record-status.ts';
import { twilioSdk } from './twilio-sdk.ts';
import { refuse, verifyTwilioWebhook } from './verify-webhook.ts';
import { checkRecipient, ownNumbers, type WebhookParams } from './webhook-guard.ts';

// Twilio's two webhooks, mounted at /webhooks/twilio:
//   POST /sms     inbound messages → TwiML reply (or empty TwiML and a REST reply)
//   POST /status  delivery status of messages we sent
// Both are verified first (verify-webhook.ts): an unsigned or forged request gets
// 403 and leaves no trace in the database; so does a signed one for another
// account (403), a malformed form or one addressed to a number that is not the
// business's (400, see webhook-guard.ts).


export interface SmsChannelDeps extends SmsDeps {
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

export function createSmsChannel(deps: SmsChannelDeps): SmsChannel {
  const processor = createInboundProcessor({
    ...deps,
    replyMode: deps.replyMode ?? (deps.config.OPENAI_API_KEY ? 'rest' : 'twiml'),
    budgetMs: deps.budgetMs ?? 10_000,
  });
  const numbers = ownNumbers(deps.config);

  const router = express.Router();
  router.use(verifyTwilioWebhook(deps));
  // Per sender, and only after the signature check, so a forger cannot spend a real
  // customer's budget. Only on /sms: status callbacks carry the business's own number as From.
  router.use(
    '/sms',
    createRateLimiter({
      name: 'sms-sender',
      limit: deps.config.RATE_LIMIT_WEBHOOK_REQUESTS,
      windowSeconds: deps.config.RATE_LIMIT_WINDOW_SECONDS,
      key: (req) => normalizePhone(String(req.body?.From ?? '')) ?? undefined,
    }),
  );

  router.post('/sms', async (req: Request, res: Response, next) => {
    try {
      const addressed = checkRecipient(req.body as WebhookParams, numbers);
      if (!addressed.ok) return refuse(req, next, addressed);
      const inbound = readInbound(req.body as Record<string, string | undefined>, deps.clock());
      if (!inbound) {
        // Short codes, alphanumeric senders and malformed posts get no conversation.
        req.log.info({ hasSid: Boolean(req.body.MessageSid ?? req.body.SmsSid) }, 'ignored an inbound SMS without a phone sender or MessageSid');
        res.type('text/xml').send(EMPTY_TWIML);
        return;
      }
      const text = await processor.handle(inbound);
      if (!text) {
        res.type('text/xml').send(EMPTY_TWIML);
        return;
      }
      // Loaded already: only a verified request (TWILIO_AUTH_TOKEN set) gets here.
      const twiml = new (await twilioSdk()).twiml.MessagingResponse();
      twiml.message(text);
      res.type('text/xml').send(twiml.toString());
    } catch (err) {
      if (err instanceof MessageSidReused) return refuse(req, next, { status: 400, detail: err.message });
      next(err);
    }
  });

  router.post('/status', async (req: Request, res: Response, next) => {
    try {
      await recordStatus(deps, req.body as Record<string, string | undefined>);
      res.status(204).end();
    } catch (err) {
      next(err);
    }
  });

  return { router, processor };
}

/** The inbound message a verified form describes; null without a phone sender or MessageSid. */
function readInbound(p: Record<string, string | undefined>, receivedAt: Date): SmsInbound | null {
  const from = normalizePhone(p.From ?? '');
  const sid = p.MessageSid ?? p.SmsSid;
  if (!from || !sid) return null;
  const numMedia = Math.min(Number.parseInt(p.NumMedia ?? '0', 10) || 0, 10);
  const media = [];
  for (let i = 0; i < numMedia; i++) {
    const url = p[`MediaUrl${i}`];
    if (url) media.push({ url, contentType: p[`MediaContentType${i}`] ?? 'application/octet-stream' });
  }
  return { from, to: p.To ?? '', body: p.Body ?? '', messageSid: sid, media, optOutType: p.OptOutType || undefined, receivedAt };
}
