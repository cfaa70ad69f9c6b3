import type { Catalog } from '../catalog.ts';
import type { InboundMessage, OutboundReply } from '../../contract/conversation.ts';
import type { Tx } from '../store.ts';
import type { TurnDeps } from './context.ts';
import { loadTurn } from './load-turn.ts';
import { respond } from './respond.ts';
import { saveTurnReply } from './save-turn.ts';

export interface TurnResult {
  reply: OutboundReply;
  /** The reply was stored by an earlier delivery of this message. */
  replayed: boolean;
  tools: string[];
}

/** One inbound message, under the conversation's lock: load, respond, save. */
export async function processTurn(
  deps: TurnDeps & { catalogAt: (tx: Tx, version: string | null) => Promise<Catalog | null> },
  input: { tx: Tx; conversationId: string; message: InboundMessage; senderKey: string },
): Promise<TurnResult> {
  const loaded = await loadTurn(input, deps.catalogAt);
  if ('replay' in loaded) return { reply: loaded.replay, replayed: true, tools: [] };
  const { turn, row, catalog } = loaded;
  const out = await respond(deps, turn, catalog);
  const reply = await saveTurnReply(turn, out, { row, clock: deps.clock });
  return { reply, replayed: false, tools: turn.toolsCalled };
}
