import type { PrismaClient } from '../../db/client.ts';
import type { Scheduler } from '../../engine/api.ts';
import type { Clock } from '../../engine/clock.ts';
import type { Logger } from '../../log.ts';
import type { Catalog } from '../catalog.ts';
import type { InboundMessage, ReplyChoice } from '../../contract/conversation.ts';
import type { TurnEnv } from '../env.ts';
import { ensureCustomer, type Identity } from '../identity.ts';
import type { PromptSet } from '../prompts.ts';
import type { ModelProvider } from '../providers/types.ts';
import type { ConversationState } from '../state.ts';
import type { AnswerableNotice, TranscriptRow, Tx } from '../store.ts';
import type { ToolSpec } from '../tools/definitions.ts';
import type { Inbound } from './read-inbound.ts';

// What every step of a turn shares: the orchestrator's settings (TurnDeps) and the one
// turn being answered (Turn), which the steps fill in as they go.

export interface TurnDeps {
  db: PrismaClient;
  scheduler: Scheduler;
  clock: Clock;
  log: Logger;
  provider: ModelProvider;
  prompts: PromptSet;
  specs: ToolSpec[];
  holdMinutes: number;
  offerMinutes: number;
  maxToolFailures: number;
  maxSteps: number;
  calendarLink?: (appointmentId: string) => Promise<string | null>;
}

export interface Turn {
  tx: Tx;
  conversationId: string;
  message: InboundMessage;
  inbound: Inbound;
  state: ConversationState;
  identity: Identity;
  /** Rows this turn adds to the transcript, in order. */
  transcript: TranscriptRow[];
  toolsCalled: string[];
  /** Handed to a person before this turn, and still is unless staff resolved it. */
  handedOff: boolean;
  openHandoffs: number;
  /** The sender's latest notice a short reply may answer (read with the turn; null when none or not asked for). */
  notice: AnswerableNotice | null;
  /** Handed to a person during this turn. */
  handOffNow: boolean;
  /** Prompt version, provider and token usage of the model step that wrote the reply. */
  replyMeta: Partial<TranscriptRow>;
  /** Where the times shown this turn are, when a tool or commit said. */
  shownLocationId?: string;
  /** Hold releases started this turn; the reply waits for them. */
  releases: Array<Promise<unknown>>;
}

/** What the customer is sent (before it becomes an OutboundReply). */
export interface Shown {
  messages: string[];
  choices?: ReplyChoice[];
}

/** The environment the tools and the commit act in for this turn. */
export function turnEnv(deps: TurnDeps, turn: Turn, catalog: Catalog): TurnEnv {
  return {
    db: turn.tx,
    scheduler: deps.scheduler,
    clock: deps.clock,
    catalog,
    identity: turn.identity,
    conversationId: turn.conversationId,
    state: turn.state,
    holdMinutes: deps.holdMinutes,
    offerMinutes: deps.offerMinutes,
    attachments: turn.inbound.attachments,
    handOff: async () => {
      turn.handOffNow = true;
    },
    ensureCustomer: () => ensureCustomer(deps.db, turn.identity),
    releases: turn.releases,
    calendarLink: async (appointmentId) => (deps.calendarLink ? deps.calendarLink(appointmentId) : null),
  };
}
