import type { Finished } from './inbound-types.ts';
import type { ReplyStore } from './ports.ts';
import { countSegments } from './segments.ts';

/** Records the webhook's answer on the reply row: the TwiML text, or why there is none. */
export async function finishReply(
  replies: ReplyStore,
  id: string,
  text: string | null,
  extra: { conversationId?: string | null; why?: string } = {},
): Promise<Finished> {
  const outcome = text ? { text, segments: countSegments(text).segments } : { why: extra.why ?? 'no reply' };
  await replies.finish(id, outcome, extra.conversationId ?? null);
  return { twiml: text };
}
