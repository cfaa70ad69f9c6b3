import type { Catalog } from '../catalog.ts';
import type { InboundMessage, OutboundReply } from '../../contract/conversation.ts';
import { identityOf, senderKeys } from '../identity.ts';
import { mayAnswerNotice } from '../notice-replies.ts';
import { parseState } from '../state.ts';
import { readTurn, replyKey, storedReply, type TurnRow, type Tx } from '../store.ts';
import type { Turn } from './context.ts';
import { readInbound } from './read-inbound.ts';

/** The cached conversation id of a sender no longer has a row (deleted since): look it up again. */
export class ConversationGone extends Error {}

export type Loaded = { replay: OutboundReply } | { turn: Turn; row: TurnRow; catalog: Catalog | null };

/**
 * Takes the conversation lock and reads what the turn needs, in one round trip. A
 * message answered before gets its stored reply back (a retried webhook acts once).
 */
export async function loadTurn(
  input: { tx: Tx; conversationId: string; message: InboundMessage; senderKey: string },
  catalogAt: (tx: Tx, version: string | null) => Promise<Catalog | null>,
): Promise<Loaded> {
  const { tx, conversationId, message } = input;
  const keys = senderKeys(message.channel, input.senderKey);
  const inbound = readInbound(message);
  // The sender's latest notice is read with the rest only when the text could answer it.
  const noticeTo = mayAnswerNotice(inbound.text) ? { channel: message.channel, address: message.senderIdentity } : null;
  const row = await readTurn(tx, conversationId, { replyExternalId: message.externalId ? replyKey(message.externalId) : null, ...keys, noticeTo });
  if (!row) throw new ConversationGone();
  if (row.replied) return { replay: storedReply(conversationId, row.replyAttachments) };
  const catalog = await catalogAt(tx, row.scheduleVersion);
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
    notice: row.notice,
    handOffNow: false,
    replyMeta: {},
    releases: [],
  };
  return { turn, row, catalog };
}
