import type { OutboundReply } from '../../contract/conversation.ts';
import { maskPhone } from '../../log.ts';
import { finishReply } from './finish-reply.ts';
import { APOLOGY, toMessage, type InboundWork, type SmsInbound } from './inbound-types.ts';
import { countSegments } from './segments.ts';

// A reply that goes out through Twilio's REST API instead of the webhook's TwiML:
// the slow-model path (the reply job) and a reply that missed the webhook budget.

/** Runs the orchestrator for a message whose reply goes out through REST (the job). */
export async function replyViaRest(work: InboundWork, replyId: string, inbound: SmsInbound): Promise<void> {
  const row = await work.store.replies.state(replyId);
  if (!row) return;
  if (row.segments !== null) {
    // Answered already (a job retry). A reply the orchestrator wrote but that was
    // never handed to Twilio (the process died in between) goes out now; the
    // claim in deliver() keeps it to one send if the outbox sweeper is at it too.
    if (row.status === 'queued') await work.sender.deliver(replyId);
    return;
  }
  let reply: OutboundReply;
  try {
    reply = await work.orchestrator.handle(toMessage(inbound));
  } catch (err) {
    work.log.error({ err, from: maskPhone(inbound.from) }, 'orchestrator failed on an SMS');
    reply = { conversationId: '', messages: [APOLOGY] };
  }
  await sendRestReply(work, replyId, inbound, reply);
}

/** Renders the orchestrator's reply onto the reply row and hands it to the sender. */
export async function sendRestReply(work: InboundWork, replyId: string, inbound: SmsInbound, reply: OutboundReply): Promise<void> {
  const text = await work.render(inbound, reply);
  if (!text) {
    await finishReply(work.store.replies, replyId, null, { conversationId: reply.conversationId || null, why: 'the orchestrator had nothing to say' });
    return;
  }
  await work.store.replies.queueRest(replyId, { text, segments: countSegments(text).segments, conversationId: reply.conversationId || null });
  await work.sender.deliver(replyId);
}
