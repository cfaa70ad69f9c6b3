import type { Prisma, PrismaClient } from '../db/client.ts';
import { SQLSTATE, sqlState } from '../db/client.ts';
import type { ConversationChannel, OutboundReply } from './contract.ts';

// Conversation persistence: the row per (channel, sender), one inbound message processed
// at a time per conversation, and the stored reply that answers a retried message.

export type Tx = Prisma.TransactionClient;

/** The conversation row for this sender, created on first contact (committed, so holds can reference it). */
export async function ensureConversation(db: PrismaClient, channel: ConversationChannel, externalId: string): Promise<{ id: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.conversation.upsert({
        where: { channel_externalId: { channel, externalId } },
        create: { channel, externalId },
        update: {},
        select: { id: true },
      });
    } catch (err) {
      // Two first messages at once: the loser of the insert race reads the winner's row.
      if (attempt < 2 && (sqlState(err) === SQLSTATE.uniqueViolation || (err as { code?: string }).code === 'P2002')) continue;
      throw err;
    }
  }
}

/**
 * Runs `fn` holding the conversation's transaction-scoped advisory lock, so two messages
 * of one conversation are processed one after the other, never interleaved. Everything
 * `fn` writes through `tx` commits together (state, transcript, reply, exceptions).
 */
export async function withConversationLock<T>(db: PrismaClient, conversationId: string, fn: (tx: Tx) => Promise<T>, timeoutMs = 120_000): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`conversation:${conversationId}`}, 0))::text AS locked`;
      return fn(tx);
    },
    { timeout: timeoutMs, maxWait: timeoutMs },
  );
}

export function replyKey(inboundExternalId: string): string {
  return `reply:${inboundExternalId}`;
}

/** The reply already sent for this inbound message id, if it was processed before. */
export async function storedReply(tx: Tx, conversationId: string, inboundExternalId: string): Promise<OutboundReply | null> {
  const row = await tx.message.findUnique({
    where: { conversationId_externalId: { conversationId, externalId: replyKey(inboundExternalId) } },
    select: { attachments: true },
  });
  if (!row) return null;
  const a = row.attachments as { messages?: string[]; choices?: OutboundReply['choices']; handedOff?: boolean } | null;
  return {
    conversationId,
    messages: a?.messages ?? [],
    ...(a?.choices ? { choices: a.choices } : {}),
    ...(a?.handedOff ? { handedOff: true } : {}),
  };
}

let lastStamp = 0;
/** Strictly increasing timestamps, so transcript rows written in one transaction keep their order. */
export function nextStamp(): Date {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp);
}
