import type { Prisma } from '../../db/client.ts';
import type { TurnEnv } from '../env.ts';
import type { ToolOutcome } from '../outcome.ts';
import type { ProviderToolCall } from '../providers/types.ts';
import type { TranscriptRow } from '../store.ts';
import { runTool } from '../tools/index.ts';
import type { Turn, TurnDeps } from './context.ts';

/**
 * Runs one tool call and records it and its result in the transcript. A tool that throws
 * becomes a failed result the model can read, never a failed turn.
 */
export async function runToolStep(
  deps: Pick<TurnDeps, 'log'>,
  turn: Turn,
  step: { env: TurnEnv; by: string; call: ProviderToolCall; ignoredCalls?: string[]; meta?: Partial<TranscriptRow> },
): Promise<ToolOutcome> {
  const { call } = step;
  turn.toolsCalled.push(call.name);
  let outcome: ToolOutcome;
  try {
    outcome = await runTool(step.env, call.name, call.arguments);
    if (outcome.locationId) turn.shownLocationId = outcome.locationId;
  } catch (err) {
    deps.log.error({ err, conversationId: turn.conversationId, tool: call.name }, 'tool failed');
    outcome = { failure: true, result: { ok: false, error: { code: 'internal_error', message: 'The tool failed; try again or request a human.' } } };
  }
  turn.transcript.push({
    direction: 'outbound',
    role: 'assistant',
    toolCalls: [
      {
        id: call.id,
        name: call.name,
        arguments: call.arguments.slice(0, 5000),
        by: step.by,
        // Calls the model asked for alongside this one; they were not run (one action at a time).
        ...(step.ignoredCalls?.length ? { ignoredCalls: step.ignoredCalls } : {}),
      },
    ] as Prisma.InputJsonValue,
    ...step.meta,
  });
  turn.transcript.push({ direction: 'outbound', role: 'tool', toolResult: { name: call.name, callId: call.id, result: outcome.result } as Prisma.InputJsonValue });
  return outcome;
}
