import type { PrismaClient } from '../db/client.ts';
import type { Scheduler } from '../engine/api.ts';
import type { Clock } from '../engine/clock.ts';
import type { Logger } from '../log.ts';
import { catalogCacheFor } from './catalog.ts';
import type { InboundMessage, Orchestrator, OutboundReply } from '../contract/conversation.ts';
import { createConversationIds } from './conversation-ids.ts';
import { endConversation } from './end-conversation.ts';
import { senderKeyOf } from './identity.ts';
import { loadPrompts, type PromptSet } from './prompts.ts';
import type { ModelProvider } from './providers/types.ts';
import { createTurnGate, inTurnTransaction, turnLimitFor } from './store.ts';
import { toolSpecs } from './tools/index.ts';
import { ConversationGone } from './turn/load-turn.ts';
import { processTurn } from './turn/process-turn.ts';

// The orchestrator: every channel hands it an InboundMessage and renders the reply. This
// file is wiring: the concurrency gate, the caches and the settings. A turn's steps are in
// turn/ (process-turn.ts reads them in order); the model proposes through tools/, and a
// proposal (proposal/) is committed only on the customer's explicit yes to it.

export interface OrchestratorDeps {
  db: PrismaClient;
  scheduler: Scheduler;
  clock: Clock;
  log: Logger;
  provider: ModelProvider;
  /** How long a chosen time is held while the customer answers intake and confirms. */
  holdMinutes?: number;
  /** How long offered times can be picked. */
  offerMinutes?: number;
  /** Failed tool calls (since the last success) before a human takes over. */
  maxToolFailures?: number;
  /** Provider steps per inbound message. */
  maxSteps?: number;
  /** The business served; defaults to the oldest one in the database. */
  businessId?: string;
  prompts?: PromptSet;
  /**
   * Turns in flight at once in this process (default 4, and always below the Prisma
   * pool size when it can be read): see store.ts for why this keeps any number of
   * concurrent callers from exhausting the pool.
   */
  maxConcurrentTurns?: number;
  /**
   * The "add to calendar" (.ics) link of an appointment, added to the booking and
   * reschedule confirmations; absent, or answering null, confirmations carry none.
   */
  calendarLink?: (appointmentId: string) => Promise<string | null>;
}

export function createOrchestrator(deps: OrchestratorDeps): Orchestrator {
  const { db, log, provider } = deps;
  const turnDeps = {
    db,
    scheduler: deps.scheduler,
    clock: deps.clock,
    log,
    provider,
    prompts: deps.prompts ?? loadPrompts(),
    specs: toolSpecs(),
    holdMinutes: deps.holdMinutes ?? 10,
    offerMinutes: deps.offerMinutes ?? 30,
    maxToolFailures: deps.maxToolFailures ?? 3,
    maxSteps: deps.maxSteps ?? 6,
    calendarLink: deps.calendarLink,
    catalogAt: catalogCacheFor(db, deps.businessId),
  };
  const gate = createTurnGate(turnLimitFor(db, deps.maxConcurrentTurns));
  const conversations = createConversationIds(db);

  async function turn(conversationId: string, message: InboundMessage, senderKey: string): Promise<OutboundReply> {
    const started = Date.now();
    const result = await gate.run(conversationId, () =>
      inTurnTransaction(db, (tx) => processTurn(turnDeps, { tx, conversationId, message, senderKey })),
    );
    log.info(
      { conversationId, channel: message.channel, provider: provider.name, replayed: result.replayed, tools: result.tools, ms: Date.now() - started },
      'conversation turn',
    );
    return result.reply;
  }

  return {
    async handle(message) {
      const senderKey = senderKeyOf(message);
      for (let attempt = 0; ; attempt++) {
        const conversationId = await conversations.idFor(message.channel, senderKey);
        try {
          return await turn(conversationId, message, senderKey);
        } catch (err) {
          if (!(err instanceof ConversationGone) || attempt > 0) throw err;
          conversations.forget(message.channel, senderKey);
        }
      }
    },
    end: (sender, reason) => endConversation(deps, sender, reason),
  };
}
