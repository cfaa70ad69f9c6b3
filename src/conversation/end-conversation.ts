import type { Prisma, PrismaClient } from '../db/client.ts';
import type { Scheduler } from '../engine/api.ts';
import type { ConversationChannel } from '../contract/conversation.ts';
import type { Logger } from '../log.ts';
import { senderKeyOf } from './identity.ts';
import { parseState, type ConversationState } from './state.ts';
import { inTurnTransaction, lockConversation } from './store.ts';

// The sender left the channel (an SMS opt-out): no answer to what the bot last asked can
// come, so nothing may wait on one. A time held for a Y/N would block that slot for others
// until the hold expired, and a "yes" after opting back in must not book what was asked
// before: the open proposal, its hold, the offers and the provider's dialog memory go.
// Bookings stay (opting out cancels nothing); the transcript stays for the audit.

/** The state with nothing left open: what was proposed, offered or asked. */
export function closedState(state: ConversationState): ConversationState {
  return { ...state, proposal: null, offers: [], expecting: null, nextRequest: null, intakeKept: null, providerMemory: {}, offersShown: true };
}

export interface EndConversationDeps {
  db: PrismaClient;
  scheduler: Scheduler;
  log: Logger;
}

/** Closes the sender's conversation, if there is one, under its lock (a turn in flight finishes first). */
export async function endConversation(deps: EndConversationDeps, sender: { channel: ConversationChannel; senderIdentity: string }, reason: string): Promise<void> {
  const externalId = senderKeyOf(sender);
  const holdIds = await inTurnTransaction(deps.db, async (tx) => {
    const found = await tx.conversation.findUnique({ where: { channel_externalId: { channel: sender.channel, externalId } }, select: { id: true } });
    if (!found) return [];
    await lockConversation(tx, found.id);
    const row = await tx.conversation.findUniqueOrThrow({ where: { id: found.id }, select: { state: true, holds: { select: { id: true } } } });
    await tx.conversation.update({ where: { id: found.id }, data: { state: closedState(parseState(row.state)) as Prisma.InputJsonValue } });
    deps.log.info({ conversationId: found.id, reason, holds: row.holds.length }, 'conversation ended');
    return row.holds.map((h) => h.id);
  });
  // After the commit: a turn that was waiting on the lock reads the closed state, never a proposal whose hold is gone.
  for (const id of holdIds) await deps.scheduler.releaseHold(id);
}
