import type { ReplyChoice } from '../contract/conversation.ts';
import type { ConversationState } from './state.ts';

// What a tool or a commit hands back to the turn: a result the model reads and, when the
// customer must answer next, what they are shown.

/** What the customer is shown when a result is what they must answer next. */
export interface Display {
  messages: string[];
  choices?: ReplyChoice[];
  expecting: ConversationState['expecting'];
}

export interface ToolOutcome {
  result: Record<string, unknown> & { ok: boolean };
  display?: Display;
  /** A failure that counts toward the hand-off limit (the model misused a tool). */
  failure: boolean;
  handedOff?: boolean;
  /** The location of the times this result shows, when the state does not say (listed appointments). */
  locationId?: string;
}

/** A refused tool call; `failure` says whether it counts toward the hand-off limit. */
export function fail(code: string, message: string, failure = true, extra: Record<string, unknown> = {}): ToolOutcome {
  return { result: { ok: false, error: { code, message }, ...extra }, failure };
}
