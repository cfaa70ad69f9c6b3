import { answerMessage } from './answer-message.ts';
import { awaitFirstAnswer } from './await-first-answer.ts';
import { claimMessage } from './claim-message.ts';
import type { Finished, InboundDeps, SmsInbound, SmsReplyJob } from './inbound-types.ts';
import type { SmsCustomer } from './ports.ts';
import { createReplyRenderer } from './render-for-sender.ts';
import { replyViaRest } from './reply-via-rest.ts';

// One inbound SMS, processed exactly once per MessageSid.
//
// The reply's OutboundMessage row (idempotencyKey "sms:reply:<MessageSid>") is
// also the inbound record: it is inserted before anything else happens, and the
// unique key decides which delivery of a retried webhook does the work. Until
// the work is done the row has `segments = null`; duplicates (Twilio retries,
// even concurrent ones) wait for that and answer with the same TwiML. A reply
// that goes out through the REST API instead (slow provider, or past the webhook
// budget) is kind "reply_rest", and its duplicates answer with an empty TwiML so
// it is never sent twice. The steps are in claim-message.ts, answer-message.ts
// and await-first-answer.ts.

export type { InboundDeps, ReplyMode, SmsInbound, SmsReplyJob } from './inbound-types.ts';
export { MessageSidReused } from './claim-message.ts';

export interface InboundProcessor {
  /** The text to answer in TwiML, or null for an empty <Response/>. */
  handle(inbound: SmsInbound): Promise<string | null>;
  /** The reply job's work for one message. */
  processReplyJob(job: SmsReplyJob): Promise<void>;
}

export function createInboundProcessor(deps: InboundDeps): InboundProcessor {
  const work = { ...deps, render: createReplyRenderer(deps) };
  // Keyed by MessageSid + sender, so a reused sid never joins another sender's work.
  const inflight = new Map<string, Promise<Finished>>();
  const inflightKey = (inbound: SmsInbound) => `${inbound.messageSid}|${inbound.from}`;

  function run(id: string, inbound: SmsInbound, customer: SmsCustomer | null): Promise<Finished> {
    const p = answerMessage(work, id, inbound, customer)
      .catch(async (err: unknown) => {
        // Release the claim so Twilio's retry (or the next delivery) can try again
        // instead of waiting for the stale-claim timeout.
        await deps.store.replies.release(id).catch(() => undefined);
        throw err;
      })
      .finally(() => inflight.delete(inflightKey(inbound)));
    inflight.set(inflightKey(inbound), p);
    return p;
  }

  return {
    async handle(inbound) {
      const own = inflight.get(inflightKey(inbound));
      if (own) return (await own).twiml;
      const { id, owner, customer } = await claimMessage(deps.store.replies, inbound);
      const result = owner
        ? await run(id, inbound, customer)
        : await awaitFirstAnswer(work, id, { inflight: () => inflight.get(inflightKey(inbound)), takeOver: () => run(id, inbound, null) });
      return result.twiml;
    },
    async processReplyJob(job) {
      await replyViaRest(work, job.replyId, { ...job.inbound, receivedAt: new Date(job.inbound.receivedAt) });
    },
  };
}
