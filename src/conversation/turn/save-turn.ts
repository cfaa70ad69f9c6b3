import type { Prisma } from '../../db/client.ts';
import type { Clock } from '../../engine/clock.ts';
import type { OutboundReply } from '../../contract/conversation.ts';
import { trimHistory } from '../state.ts';
import { replyKey, saveTurn, type TurnRow } from '../store.ts';
import { T } from '../templates.ts';
import type { Shown, Turn } from './context.ts';

/**
 * Makes the reply and saves it with the turn's transcript and the conversation's new state,
 * in the turn's transaction: a crash before the commit leaves no trace of the turn, and the
 * stored reply answers a retry of the same message.
 */
export async function saveTurnReply(turn: Turn, out: Shown, ctx: { row: TurnRow; clock: Clock }): Promise<OutboundReply> {
  const { state, message } = turn;
  const handedOff = turn.handOffNow || turn.handedOff;
  const reply: OutboundReply = {
    conversationId: turn.conversationId,
    messages: out.messages.filter((m) => m.trim() !== '').length ? out.messages : [T.notUnderstood],
    ...(out.choices ? { choices: out.choices } : {}),
    ...(handedOff ? { handedOff: true } : {}),
  };
  const locationId = turn.shownLocationId ?? state.proposal?.locationId ?? state.offers[0]?.locationId;
  if (locationId) reply.locationId = locationId;
  if (turn.handOffNow) state.expecting = null;
  turn.transcript.push({
    direction: 'outbound',
    role: 'assistant',
    text: reply.messages.join('\n\n'),
    externalId: message.externalId ? replyKey(message.externalId) : null,
    attachments: { messages: reply.messages, choices: reply.choices ?? null, handedOff: reply.handedOff ?? false, locationId: reply.locationId ?? null } as Prisma.InputJsonValue,
    ...turn.replyMeta,
  });
  state.history = trimHistory(state.history);
  await saveTurn(turn.tx, turn.conversationId, turn.transcript, {
    state,
    handedOff,
    lastMessageAt: ctx.clock(),
    customerId: turn.identity.customerId ?? ctx.row.customerId,
    userId: turn.identity.userId ?? ctx.row.userId,
  });
  return reply;
}
