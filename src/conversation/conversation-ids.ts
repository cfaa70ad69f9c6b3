import type { PrismaClient } from '../db/client.ts';
import type { ConversationChannel } from '../contract/conversation.ts';
import { ensureConversation } from './store.ts';

/** Sender → conversation id, so a known sender's turn starts with the lock, not a lookup. Bounded; oldest out first. */
const MAX_KNOWN_CONVERSATIONS = 10_000;

export interface ConversationIds {
  /** The sender's conversation id, created on first contact. */
  idFor(channel: ConversationChannel, senderKey: string): Promise<string>;
  /** Drops a cached id whose row is gone. */
  forget(channel: ConversationChannel, senderKey: string): void;
}

export function createConversationIds(db: PrismaClient): ConversationIds {
  const known = new Map<string, string>();
  return {
    async idFor(channel, senderKey) {
      const cacheKey = `${channel}:${senderKey}`;
      const id = known.get(cacheKey);
      if (id) return id;
      const row = await ensureConversation(db, channel, senderKey);
      if (known.size >= MAX_KNOWN_CONVERSATIONS) known.delete(known.keys().next().value!);
      known.set(cacheKey, row.id);
      return row.id;
    },
    forget(channel, senderKey) {
      known.delete(`${channel}:${senderKey}`);
    },
  };
}
