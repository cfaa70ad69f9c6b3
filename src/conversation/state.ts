import { z } from 'zod';

// What the orchestrator remembers between messages, stored as Conversation.state (JSON).
// It is parsed on every load: a row written by an older version, or hand-edited, falls
// back to a fresh state instead of crashing the conversation.

/** The length and room size the requester asked for (internal bookables); null: the service's own. */
function requestedSize() {
  return {
    durationMinutes: z.number().int().nullable().default(null),
    minCapacity: z.number().int().nullable().default(null),
  };
}

const Offer = z.object({
  id: z.string(),
  serviceId: z.string(),
  start: z.string(),
  end: z.string(),
  resourceIds: z.array(z.string()),
  locationId: z.string(),
  label: z.string(),
  expiresAt: z.string(),
  /** Set when the offer is a new time for an existing appointment. */
  forAppointmentId: z.string().nullable().default(null),
  ...requestedSize(),
});
export type Offer = z.infer<typeof Offer>;

const Proposal = z.object({
  id: z.string(),
  kind: z.enum(['book', 'reschedule', 'cancel']),
  /** 'intake' while questions are being asked; only 'confirmation' can be committed. */
  awaiting: z.enum(['intake', 'confirmation']),
  offerId: z.string().nullable().default(null),
  appointmentId: z.string().nullable().default(null),
  /** A cancel of several appointments at once ("cancel both"): the others, canceled on the same yes. */
  alsoAppointmentIds: z.array(z.string()).default([]),
  holdId: z.string().nullable().default(null),
  serviceId: z.string(),
  start: z.string().nullable().default(null),
  resourceIds: z.array(z.string()).default([]),
  locationId: z.string().nullable().default(null),
  intake: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** Required questions the customer skipped or could not answer. */
  intakeMissing: z.array(z.string()).default([]),
  /** Questions the customer skipped (or answered unusably three times). */
  intakeSkipped: z.array(z.string()).default([]),
  intakeQuestionId: z.string().nullable().default(null),
  intakeAttempts: z.number().default(0),
  attachments: z.array(z.object({ url: z.string(), contentType: z.string() })).default([]),
  summary: z.string(),
  createdAt: z.string(),
  ...requestedSize(),
});
export type Proposal = z.infer<typeof Proposal>;

/** One entry of the model transcript (OpenAI chat shape, kept provider-neutral). */
const ChatMessage = z.union([
  z.object({ role: z.literal('user'), content: z.string() }),
  z.object({
    role: z.literal('assistant'),
    content: z.string().nullable(),
    toolCall: z.object({ id: z.string(), name: z.string(), arguments: z.string() }).nullable().default(null),
  }),
  z.object({ role: z.literal('tool'), toolCallId: z.string(), name: z.string(), content: z.string() }),
]);
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ConversationState = z.object({
  v: z.literal(1).default(1),
  offers: z.array(Offer).default([]),
  /** Opaque short refs the model may use for this customer's own appointments. */
  appointmentRefs: z.record(z.string(), z.string()).default({}),
  proposal: Proposal.nullable().default(null),
  history: z.array(ChatMessage).default([]),
  /** Failed tool calls since the last success; at the limit the conversation goes to a human. */
  toolFailures: z.number().default(0),
  /** Opaque memory of the provider (the offline provider's dialog state). */
  providerMemory: z.record(z.string(), z.unknown()).default({}),
  /** What the last reply asked for, so a bare "2" or "yes" can be read in context. */
  expecting: z.enum(['choice', 'confirmation', 'intake', 'service', 'time']).nullable().default(null),
  /**
   * false while the offers kept were looked at but never shown (the customer named an exact
   * time and it was proposed at once): a lone "1" to that summary picks its one option, so the
   * summary is asked again (turn/unlisted-pick.ts), never the first of offers not seen.
   */
  offersShown: z.boolean().default(true),
  /**
   * The intake answers of a booking changed at its summary (another time or person: "no, 12 instead"): the next booking of that service starts from them (proposal/intake-kept.ts).
   */
  intakeKept: z
    .object({
      serviceId: z.string(),
      intake: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
      skipped: z.array(z.string()),
    })
    .nullable()
    .default(null),
  /**
   * A second request said in the same text as the one under way ("cancel my color and move
   * my cut to friday"): its words, read as the customer's next message once that one is committed.
   */
  nextRequest: z.string().nullable().default(null),
});
export type ConversationState = z.infer<typeof ConversationState>;

export function parseState(raw: unknown): ConversationState {
  const parsed = ConversationState.safeParse(raw ?? {});
  return parsed.success ? parsed.data : ConversationState.parse({});
}

/** Keeps the model transcript bounded without splitting a tool call from its result. */
export function trimHistory(history: ChatMessage[], max = 40): ChatMessage[] {
  if (history.length <= max) return history;
  let cut = history.length - max;
  while (cut < history.length && history[cut]!.role !== 'user') cut++;
  return history.slice(cut);
}
