import type { Scheduler } from '../engine/api.ts';
import type { Clock } from '../engine/clock.ts';
import type { Catalog } from './catalog.ts';
import type { InboundAttachment } from '../contract/conversation.ts';
import type { Identity } from './identity.ts';
import type { ConversationState } from './state.ts';
import type { Tx } from './store.ts';

/** What a turn hands the tools and the commit: one conversation, one sender, one transaction. */
export interface TurnEnv {
  /** The turn's transaction: tools read and write nothing outside it (see store.ts). */
  db: Tx;
  scheduler: Scheduler;
  clock: Clock;
  catalog: Catalog;
  identity: Identity;
  conversationId: string;
  state: ConversationState;
  holdMinutes: number;
  offerMinutes: number;
  attachments: InboundAttachment[];
  handOff(): Promise<void>;
  /** The sender's Customer id, creating and committing the row on first need (holds and bookings refer to it). */
  ensureCustomer(): Promise<string | null>;
  /** Hold releases started this turn; the turn waits for them before it answers. */
  releases: Array<Promise<unknown>>;
  /** The "add to calendar" link of a booked appointment, or null when this installation has none to give. */
  calendarLink(appointmentId: string): Promise<string | null>;
}
