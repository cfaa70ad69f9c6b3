import { answerKeyword } from './answer-keyword.ts';
import { finishReply } from './finish-reply.ts';
import type { Finished, InboundWork, SmsInbound, SmsReplyJob } from './inbound-types.ts';
import { classifyKeyword } from './keywords.ts';
import type { SmsCustomer } from './ports.ts';
import { replyInWebhook } from './reply-in-webhook.ts';
import { replyViaRest } from './reply-via-rest.ts';

// The work of the delivery that owns a message's claim: a carrier keyword is
// answered by the channel, an opted-out sender gets nothing, anything else goes to
// the orchestrator (its reply in the TwiML, or through REST in reply mode 'rest').

export async function answerMessage(work: InboundWork, id: string, inbound: SmsInbound, known: SmsCustomer | null): Promise<Finished> {
  const { replies } = work.store;
  const customer = known ?? (await work.store.customers.ensure(inbound.from));
  const action = classifyKeyword(inbound.body, customer.optedOut);
  // No answer to the bot's last question can come now: the conversation lets go of the time it held.
  if (action === 'opt_out') await work.orchestrator.end({ channel: 'sms', senderIdentity: inbound.from }, 'sms opt-out');
  if (action) return finishReply(replies, id, await answerKeyword(work, inbound, action, customer.language), { why: 'Twilio answered the keyword itself' });
  if (customer.optedOut) {
    // Carriers forbid texting an opted-out number until it opts back in.
    return finishReply(replies, id, null, { why: 'recipient opted out; only START/UNSTOP/YES is answered' });
  }
  if (work.replyMode === 'twiml') return replyInWebhook(work, id, inbound);

  await replies.markRest(id);
  const job: SmsReplyJob = { replyId: id, inbound: { ...inbound, receivedAt: inbound.receivedAt.toISOString() } };
  if (work.enqueueReply) await work.enqueueReply(job);
  else void replyViaRest(work, id, inbound).catch((err) => work.log.error({ err }, 'sms REST reply failed'));
  return { twiml: null };
}
