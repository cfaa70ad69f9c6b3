import type { InboundAttachment, InboundMessage, Orchestrator, OutboundReply } from '../../contract/conversation.ts';
import type { SmsSender } from './outbound.ts';
import type { SmsDeps } from './ports.ts';

// The shapes the inbound steps (claim-message.ts, answer-message.ts, …) share.

export interface SmsInbound {
  /** E.164, normalized. */
  from: string;
  to: string;
  body: string;
  messageSid: string;
  media: InboundAttachment[];
  /** Set by Twilio when its own opt-out management already answered the keyword. */
  optOutType?: string;
  receivedAt: Date;
}

export type ReplyMode = 'twiml' | 'rest';

export interface SmsReplyJob {
  replyId: string;
  inbound: Omit<SmsInbound, 'receivedAt'> & { receivedAt: string };
}

export interface InboundDeps extends SmsDeps {
  orchestrator: Orchestrator;
  sender: SmsSender;
  /** 'rest': answer empty TwiML at once and reply through `enqueueReply` (a job). */
  replyMode: ReplyMode;
  /** How long a webhook may wait for the orchestrator before replying through REST. */
  budgetMs: number;
  /** Hands the message to the reply job; without it the work runs in this process after the answer. */
  enqueueReply?: (job: SmsReplyJob) => Promise<void>;
}

/** The inbound deps plus the reply renderer built from them once per processor. */
export interface InboundWork extends InboundDeps {
  render(inbound: SmsInbound, reply: OutboundReply): Promise<string>;
}

export interface Finished {
  /** Text for the TwiML answer, or null for an empty <Response/>. */
  twiml: string | null;
}

export const APOLOGY = 'Sorry, something went wrong on our side. Please try again in a moment.';

export function toMessage(inbound: SmsInbound): InboundMessage {
  return {
    channel: 'sms',
    senderIdentity: inbound.from,
    text: inbound.body,
    attachments: inbound.media.length ? inbound.media : undefined,
    externalId: inbound.messageSid,
    receivedAt: inbound.receivedAt,
  };
}
