import type { TurnEnv } from '../env.ts';
import { T } from '../templates.ts';
import type { Shown, Turn, TurnDeps } from './context.ts';
import { runToolStep } from './run-tool-step.ts';
import { remember, show } from './show.ts';

// The commands of the UX contract, which work whatever the model would make of them.

const HUMAN_COMMAND = /^\s*(agent|human|operator|representative|person|a person)\s*[.!?]*\s*$/i;
const HELP_COMMAND = /^\s*(help|\?|menu)\s*[.!?]*\s*$/i;

/** Answers HUMAN and HELP; otherwise returns the text for the model, with C and R spelled out. */
export async function handleCommands(deps: TurnDeps, turn: Turn, env: TurnEnv): Promise<{ reply: Shown } | { text: string }> {
  const { text } = turn.inbound;
  if (HUMAN_COMMAND.test(text)) {
    const call = { id: 'command_human', name: 'request_human', arguments: JSON.stringify({ reason: 'customer command' }) };
    const o = await runToolStep(deps, turn, { env, by: 'orchestrator', call });
    return { reply: show(turn, o.display ?? { messages: [T.handoff], expecting: null }, text) };
  }
  if (HELP_COMMAND.test(text)) return { reply: remember(turn, text, { messages: [T.help(env.catalog.business.name)] }) };
  // The one-letter commands of the UX contract, spelled out for the model.
  if (/^\s*c\s*[.!]?\s*$/i.test(text)) return { text: 'cancel my appointment' };
  if (/^\s*r\s*[.!]?\s*$/i.test(text)) return { text: 'reschedule my appointment' };
  return { text: text || '(sent an attachment)' };
}
