import type { ConversationChannel } from '../../contract/conversation.ts';
import type { ChatMessage } from '../state.ts';
import type { ToolSpec } from '../tools/definitions.ts';

// One interface for every model behind the orchestrator. A provider sees the transcript,
// the tool specs and a read-only view of the dialog; it answers with ONE step: either a
// single tool call or a reply. It never touches the engine or the database (ESLint
// enforces this): everything it does goes through the tools the orchestrator runs.

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface ProviderView {
  channel: ConversationChannel;
  /** ISO instant. */
  now: string;
  timeZone: string;
  businessName: string;
  services: Array<{ id: string; name: string; slug: string; synonyms: string[]; durationMinutes?: number; priceCents?: number | null }>;
  staff: Array<{ id: string; name: string }>;
  /** The numbered offers last shown to the customer, in order. */
  offers: Array<{
    id: string;
    label: string;
    start: string;
    /** Wall clock at the offer's location. */
    local: string;
    forAppointmentRef: string | null;
    /** Who (and what) the offer books: a pick "with lee" is only one of Lee's. */
    resourceIds?: string[];
  }>;
  /**
   * false when the offers were looked at but never shown (an exact time named was proposed at
   * once): a number said to that summary can name no option, so it may be an hour.
   */
  offersShown?: boolean;
  /** The pending proposal, if any (a yes/no is handled before the provider is asked). */
  proposal: null | {
    kind: 'book' | 'reschedule' | 'cancel';
    awaiting: 'intake' | 'confirmation';
    /** What is being booked or changed ("Consultation, Thu Dec 3, 2:00 PM with Lee"), when it has a time. */
    label: string | null;
    /** `text`: the question as the customer was asked it (options numbered). */
    question: null | { id: string; type: string; options: string[]; text: string };
  };
  expecting: 'choice' | 'confirmation' | 'intake' | 'service' | 'time' | null;
}

export interface ProviderRequest {
  system: string;
  /** The transcript, ending with this turn's user message and any tool exchanges since. */
  history: ChatMessage[];
  tools: ToolSpec[];
  view: ProviderView;
  /** What the provider asked to remember last time (opaque to the orchestrator). */
  memory: Record<string, unknown>;
}

export interface ProviderToolCall {
  id: string;
  name: string;
  /** JSON text, exactly as a model emits it; runTool (tools/index.ts) validates it. */
  arguments: string;
}

export type ProviderStep = (
  | {
      kind: 'tool';
      call: ProviderToolCall;
      /** Further calls the model asked for in the same answer; never run (one action at a time), kept for the transcript. */
      ignoredCalls?: string[];
      /**
       * Look before showing: what the tool would show is not shown, and the provider is asked
       * again with the result (the offline provider proposes a time the customer named once
       * the search finds it free, and otherwise searches again for the customer to see).
       */
      provisional?: boolean;
      /** Said before the tool's display when the turn answered a question on the way ("Address: ..." then the offers). */
      preface?: string;
    }
  | {
      kind: 'reply';
      text: string;
      /** Numbered options the reply offers (service or appointment menus). */
      choices?: Array<{ value: string; label: string }>;
      expecting?: ProviderView['expecting'];
    }
) & {
  usage?: TokenUsage;
  memory?: Record<string, unknown>;
  /** A second request said after this one ("cancel my color and move my cut"): its words, taken up once this one is committed. */
  then?: string;
};

export interface ModelProvider {
  /** e.g. "offline" or "openai:gpt-4.1-mini"; stored on each turn. */
  readonly name: string;
  /**
   * True when reply text is the model's own words rather than templates: the orchestrator
   * then withholds any such text that claims a booking outcome (turn/booking-claims.ts).
   */
  readonly writesOwnText?: boolean;
  next(req: ProviderRequest): Promise<ProviderStep>;
}

export class ProviderError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'ProviderError';
  }
}
