import type { Prisma } from '../../db/client.ts';
import type { Catalog } from '../catalog.ts';
import type { TurnEnv } from '../env.ts';
import { renderSystemPrompt } from '../prompts.ts';
import type { ProviderStep, ProviderToolCall, TokenUsage } from '../providers/types.ts';
import type { TranscriptRow } from '../store.ts';
import { T } from '../templates.ts';
import type { Shown, Turn, TurnDeps } from './context.ts';
import { claimsBookingOutcome } from './booking-claims.ts';
import { giveUp } from './give-up.ts';
import { providerView, systemVars } from './provider-view.ts';
import { recordReply } from './record-reply.ts';
import { runToolStep } from './run-tool-step.ts';

// The model's part of a turn: ask the provider for one step at a time, run the tool it
// calls, and stop at the first thing the customer must see (a tool's display or a reply).

/** Up to maxSteps provider steps for the customer's text. */
export async function runProvider(deps: TurnDeps, turn: Turn, env: TurnEnv, userText: string): Promise<Shown> {
  const { state } = turn;
  // A request queued behind another waits while that one is under way; a fresh message drops it.
  if (!state.proposal && !state.offers.length && !state.expecting) state.nextRequest = null;
  state.history.push({ role: 'user', content: userText });
  const system = renderSystemPrompt(deps.prompts, turn.message.channel, systemVars(env.catalog, deps.clock()));
  for (let step = 0; step < deps.maxSteps; step++) {
    const s = await askProvider(deps, turn, env.catalog, system);
    if (!s) return giveUp(deps, turn, env, { text: T.internalError });
    if (s.memory) state.providerMemory = s.memory;
    if (s.then) state.nextRequest = s.then;
    const meta = { promptVersion: deps.prompts.version, provider: deps.provider.name, tokenUsage: usageJson(s.usage) };
    if (s.kind === 'reply') return providerReply(deps, turn, env, { step: s, meta });
    const shown = await afterToolCall(deps, turn, env, { call: s.call, ignoredCalls: s.ignoredCalls, provisional: s.provisional, preface: s.preface, meta });
    if (shown) return shown;
  }
  return giveUp(deps, turn, env, { text: T.notUnderstood });
}

/** The provider's next step, or null when it failed (logged without the message's data). */
async function askProvider(deps: TurnDeps, turn: Turn, catalog: Catalog, system: string): Promise<ProviderStep | null> {
  const { state } = turn;
  try {
    const view = providerView({ channel: turn.message.channel, now: deps.clock(), catalog, state });
    return await deps.provider.next({ system, history: state.history, tools: deps.specs, view, memory: state.providerMemory });
  } catch (err) {
    deps.log.warn({ err, conversationId: turn.conversationId, provider: deps.provider.name }, 'model provider failed');
    return null;
  }
}

/** Runs the called tool; returns what to show when its result ends the turn, else null (the model goes on). */
async function afterToolCall(
  deps: TurnDeps,
  turn: Turn,
  env: TurnEnv,
  step: { call: ProviderToolCall; ignoredCalls?: string[]; provisional?: boolean; preface?: string; meta: Partial<TranscriptRow> },
): Promise<Shown | null> {
  const { state } = turn;
  const { call } = step;
  state.history.push({ role: 'assistant', content: null, toolCall: call });
  const outcome = await runToolStep(deps, turn, { env, by: deps.provider.name, call, ignoredCalls: step.ignoredCalls, meta: step.meta });
  state.history.push({ role: 'tool', toolCallId: call.id, name: call.name, content: JSON.stringify(outcome.result) });
  if (outcome.failure) {
    state.toolFailures += 1;
    if (state.toolFailures >= deps.maxToolFailures) return giveUp(deps, turn, env, { text: T.handoffAfterFailures, atLimit: true });
  }
  if (!outcome.display) return null;
  // A look before showing keeps offers the customer does not see; a shown list is seen.
  if (step.provisional) {
    state.offersShown = false;
    return null;
  }
  if (outcome.display.expecting === 'choice') state.offersShown = true;
  state.expecting = outcome.display.expecting;
  const messages = step.preface ? [step.preface, ...outcome.display.messages] : outcome.display.messages;
  const o = { messages, ...(outcome.display.choices?.length ? { choices: outcome.display.choices } : {}) };
  state.history.push({ role: 'assistant', content: o.messages.join('\n'), toolCall: null });
  return o;
}

/**
 * The provider's own reply, capped for the channel. A model's words that claim a booking
 * outcome are withheld: the customer reads the committed record instead (booking-claims.ts).
 */
async function providerReply(
  deps: TurnDeps,
  turn: Turn,
  env: TurnEnv,
  reply: { step: Extract<ProviderStep, { kind: 'reply' }>; meta: Partial<TranscriptRow> },
): Promise<Shown> {
  const { state } = turn;
  const { step: s } = reply;
  turn.replyMeta = reply.meta;
  if (deps.provider.writesOwnText && claimsBookingOutcome(s.text)) return showRecordInstead(turn, env, s.text);
  const cap = turn.message.channel === 'sms' ? 480 : 2000;
  const replyText = (s.text || T.notUnderstood).slice(0, cap);
  state.history.push({ role: 'assistant', content: replyText, toolCall: null });
  state.expecting = s.expecting ?? expectedAfterReply(turn);
  return { messages: [replyText], ...(s.choices?.length ? { choices: s.choices } : {}) };
}

/** The record reply in place of the model's text, which is kept in the transcript for review only. */
async function showRecordInstead(turn: Turn, env: TurnEnv, modelText: string): Promise<Shown> {
  const { state } = turn;
  turn.transcript.push({
    direction: 'outbound',
    role: 'tool',
    toolCalls: [{ name: 'withhold_model_text', reason: 'claims_booking_outcome', by: 'orchestrator' }] as Prisma.InputJsonValue,
    toolResult: { ok: true, withheldText: modelText.slice(0, 2000) } as Prisma.InputJsonValue,
  });
  const d = await recordReply(env);
  state.history.push({ role: 'assistant', content: d.messages.join('\n'), toolCall: null });
  state.expecting = d.expecting ?? expectedAfterReply(turn);
  return { messages: d.messages, ...(d.choices?.length ? { choices: d.choices } : {}) };
}

/** What a reply that does not say asks for: a pick while offers are open, else the open proposal's answer. */
function expectedAfterReply(turn: Turn): Turn['state']['expecting'] {
  const { state } = turn;
  if (state.offers.length && !state.proposal) return 'choice';
  return state.proposal?.awaiting ?? null;
}

function usageJson(u: TokenUsage | undefined): Prisma.InputJsonValue | undefined {
  return u ? (u as unknown as Prisma.InputJsonValue) : undefined;
}
