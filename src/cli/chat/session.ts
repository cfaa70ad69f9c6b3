import { randomUUID } from 'node:crypto';
import { createInboundProcessor } from '../../channels/sms/inbound.ts';
import { createSmsSender } from '../../channels/sms/outbound.ts';
import { smsDeps, type AppContext } from '../../context.ts';
import type { Orchestrator } from '../../contract/conversation.ts';

// The terminal stands in for Twilio: each line goes through the SMS channel's own
// inbound processing (opt-out keywords, one reply per message id, rendering), and
// the reply it would answer in TwiML is what the terminal prints. So every reply,
// booking confirmations included, is recorded in the outbox like any SMS reply,
// and reminders reach this phone the way they reach any texter.

/** Long enough for any model: the terminal, unlike Twilio, can wait. */
const REPLY_BUDGET_MS = 10 * 60_000;

export interface ChatSession {
  /** The reply the customer would receive, or null when the channel sends none (e.g. after STOP). */
  say(text: string): Promise<string | null>;
  /** Forgets the conversation's state (offers, pending proposal) and frees its holds. */
  reset(): Promise<void>;
}

export function createChatSession(input: { ctx: AppContext; orchestrator: Orchestrator; phone: string }): ChatSession {
  const { ctx, phone } = input;
  const deps = smsDeps(ctx);
  const processor = createInboundProcessor({
    ...deps,
    orchestrator: input.orchestrator,
    sender: createSmsSender(deps),
    replyMode: 'twiml',
    budgetMs: REPLY_BUDGET_MS,
  });
  return {
    say: (text) =>
      processor.handle({
        from: phone,
        to: ctx.config.TWILIO_FROM_NUMBER ?? '',
        body: text,
        // Twilio's MessageSids start with SM; these are told apart by their prefix.
        messageSid: `CLI${randomUUID().replaceAll('-', '')}`,
        media: [],
        receivedAt: new Date(),
      }),
    async reset() {
      const where = { channel: 'sms' as const, externalId: phone };
      await ctx.db.hold.deleteMany({ where: { conversation: where } });
      await ctx.db.conversation.updateMany({ where, data: { state: {}, handedOff: false } });
    },
  };
}
