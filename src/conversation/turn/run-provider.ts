import type { Prisma } from '../../db/client.ts';
import type { Catalog } from '../catalog.ts';
import type { TurnEnv } from '../env.ts';
import { renderSystemPrompt } from '../prompts.ts';
import type { ProviderStep, ProviderToolCall, TokenUsage } from '../providers/types.ts';
import type { TranscriptRow } from '../store.ts';
import { T } from '../templates.ts';
import type { Shown, Turn, TurnDeps } from './context.ts';
import { giveUp } from './give-up.ts';
import { providerView, systemVars } from './provider-view.ts';
import { runToolStep } from './run-tool-step.ts';

// The model's part of a turn: ask the provider for one step at a time, run the tool it
// calls, and stop at the first thing the customer must see (a tool's display or a reply).

/** Up to maxSteps provider steps for the customer's text. */
export async function runProvider(deps: TurnDeps, turn: Turn, env: TurnEnv, userText: string): Promise<Shown> {
  const { state } = turn;
  state.history.push({ role: 'user', content: userText });
  const system = renderSystemPrompt(deps.prompts, turn.message.channel, systemVars(env.catalog, deps.clock()));
  for (let step = 0; step < deps.maxSteps; step++) {
    const s = await askProvider(deps, turn, env.catalog, system);
    if (!s) return giveUp(deps, turn, env, { text: T.internalError });
    if (s.memory) state.providerMemory = s.memory;
    const meta = { promptVersion: deps.prompts.version, provider: deps.provider.name, tokenUsage: usageJson(s.usage) };
    if (s.kind === 'reply') return providerReply(turn, s, meta);
    const shown = await afterToolCall(deps, turn, env, { call: s.call, meta });
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
async function afterToolCall(deps: TurnDeps, turn: Turn, env: TurnEnv, step: { call: ProviderToolCall; meta: Partial<TranscriptRow> }): Promise<Shown | null> {
  const { state } = turn;
  const { call } = step;
  state.history.push({ role: 'assistant', content: null, toolCall: call });
  const outcome = await runToolStep(deps, turn, { env, by: deps.provider.name, call, meta: step.meta });
  state.history.push({ role: 'tool', toolCallId: call.id, name: call.name, content: JSON.stringify(outcome.result) });
  if (outcome.failure) {
    state.toolFailures += 1;
    if (state.toolFailures >= deps.maxToolFailures) return giveUp(deps, turn, env, { text: T.handoffAfterFailures, atLimit: true });
  }
  if (!outcome.display) return null;
  state.expecting = outcome.display.expecting;
  const o = { messages: outcome.display.messages, ...(outcome.display.choices?.length ? { choices: outcome.display.choices } : {}) };
  state.history.push({ role: 'assistant', content: o.messages.join('\n'), toolCall: null });
  return o;
}

/** The provider's own reply, capped for the channel; what it asks for is inferred when it does not say. */
function providerReply(turn: Turn, s: Extract<ProviderStep, { kind: 'reply' }>, meta: Partial<TranscriptRow>): Shown {
  const { state } = turn;
  const cap = turn.message.channel === 'sms' ? 480 : 2000;
  const replyText = (s.text || T.notUnderstood).slice(0, cap);
  turn.replyMeta = meta;
  state.history.push({ role: 'assistant', content: replyText, toolCall: null });
  state.expecting = s.expecting ?? (state.offers.length && !state.proposal ? 'choice' : state.proposal?.awaiting === 'intake' ? 'intake' : null);
  return { messages: [replyText], ...(s.choices?.length ? { choices: s.choices } : {}) };
}

function usageJson(u: TokenUsage | undefined): Prisma.InputJsonValue | undefined {
  return u ? (u as unknown as Prisma.InputJsonValue) : undefined;
}
