import type { PrismaClient } from '../db/client.ts';
import { parseState } from './state.ts';

// The one thing outside the conversation layer needs from its private state: which
// location the conversation is about (to name the zone of the times a reply shows).

/** The pending proposal's location, else the first offer's; null when the state names none or cannot be read. */
export async function conversationLocation(db: PrismaClient, conversationId: string): Promise<string | null> {
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, select: { state: true } }).catch(() => null);
  if (!conversation) return null;
  const state = parseState(conversation.state);
  return state.proposal?.locationId ?? state.offers[0]?.locationId ?? null;
}
