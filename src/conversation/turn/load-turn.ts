import type { Catalog } from '../catalog.ts';
import type { InboundMessage, OutboundReply } from '../../contract/conversation.ts';
import { identityOf, senderKeys } from '../identity.ts';
import { parseState } from '../state.ts';
import { readTurn, replyKey, storedReply, type TurnRow, type Tx } from '../store.ts';
import type { Turn } from './context.ts';
import { readInbound } from './read-inbound.ts';

/** The cached conversation id of a sender no longer has a row (deleted since): look it up again. */
export class ConversationGone extends Error {}

export type Loaded = { replay: OutboundReply } | { turn: Turn; row: TurnRow; catalog: Catalog | null };

/**
 * Reads what the turn needs in one statement under the conversation lock. A message
 * answered before gets its stored reply back (a retried webhook acts once).
 */
export async function loadTurn(
  input: { tx: Tx; conversationId: string; message: InboundMessage; senderKey: string },
  catalogAt: (tx: Tx, version: string | null) => Promise<Catalog | null>,
): Promise<Loaded> {
  const { tx, conversationId, message } = input;
  const keys = senderKeys(message.channel, input.senderKey);
  const row = await readTurn(tx, conversationId, { replyExternalId: message.externalId ? replyKey(message.externalId) : null, ...keys });
  if (!row) throw new ConversationGone();
  if (row.replied) return { replay: storedReply(conversationId, row.replyAttachments) };
  const catalog = await catalogAt(tx, row.scheduleVersion);
  const inbound = readInbound(message);
  const turn: Turn = {
    tx,
    conversationId,
    message,
    inbound,
    state: parseState(row.state),
    identity: identityOf(message.channel, keys, row.sender),
    transcript: [inbound.row],
    toolsCalled: [],
    handedOff: row.handedOff,
    openHandoffs: row.openHandoffs,
    handOffNow: false,
    replyMeta: {},
    releases: [],
  };
  return { turn, row, catalog };
}
