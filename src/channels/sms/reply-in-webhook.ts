import type { OutboundReply } from '../../contract/conversation.ts';
import { maskPhone } from '../../log.ts';
import { finishReply } from './finish-reply.ts';
import { APOLOGY, toMessage, type Finished, type InboundWork, type SmsInbound } from './inbound-types.ts';
import { sendRestReply } from './reply-via-rest.ts';

// The TwiML path: wait for the orchestrator up to the webhook budget and answer in
// the webhook's response; past the budget, answer empty and send the reply by REST.

export async function replyInWebhook(work: InboundWork, id: string, inbound: SmsInbound): Promise<Finished> {
  const pending = work.orchestrator.handle(toMessage(inbound));
  const outcome = await Promise.race([
    pending.then((reply) => ({ reply }), (err: unknown) => ({ err })),
    new Promise<'late'>((resolve) => setTimeout(resolve, work.budgetMs, 'late').unref()),
  ]);
  if (outcome === 'late') {
    // Twilio gives up on a webhook after ~15 s: answer now, send the reply when it exists.
    await work.store.replies.markRest(id);
    work.log.warn({ from: maskPhone(inbound.from), budgetMs: work.budgetMs }, 'sms reply missed the webhook budget; it will go out through REST');
    void pending
      .catch((err: unknown): OutboundReply => {
        work.log.error({ err, from: maskPhone(inbound.from) }, 'orchestrator failed on an SMS');
        return { conversationId: '', messages: [APOLOGY] };
      })
      .then((reply) => sendRestReply(work, id, inbound, reply))
      .catch((err) => work.log.error({ err }, 'late sms reply failed'));
    return { twiml: null };
  }
  if ('err' in outcome) {
    work.log.error({ err: outcome.err, from: maskPhone(inbound.from) }, 'orchestrator failed on an SMS');
    return finishReply(work.store.replies, id, APOLOGY);
  }
  const text = await work.render(inbound, outcome.reply);
  return finishReply(work.store.replies, id, text || null, { conversationId: outcome.reply.conversationId || null, why: 'the orchestrator had nothing to say' });
}
