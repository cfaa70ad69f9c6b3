import type { TurnEnv } from '../env.ts';
import { raiseException } from '../escalate.ts';
import { discardProposal } from '../proposal/discard.ts';
import { T } from '../templates.ts';
import type { Shown, Turn, TurnDeps } from './context.ts';

/** A turn that went nowhere; at the failure limit, a person takes over. */
export async function giveUp(deps: Pick<TurnDeps, 'maxToolFailures'>, turn: Turn, env: TurnEnv, reply: { text: string; atLimit?: boolean }): Promise<Shown> {
  const { state } = turn;
  let { text, atLimit = false } = reply;
  if (!atLimit) {
    state.toolFailures += 1;
    atLimit = state.toolFailures >= deps.maxToolFailures;
  }
  if (atLimit) {
    discardProposal(env);
    await raiseException(turn.tx, {
      type: 'human_requested',
      summary: 'The assistant could not complete the request',
      conversationId: turn.conversationId,
      customerId: turn.identity.customerId,
      details: { reason: 'repeated_failures', failures: state.toolFailures },
    });
    turn.handOffNow = true;
    state.toolFailures = 0;
    text = T.handoffAfterFailures;
  }
  state.history.push({ role: 'assistant', content: text, toolCall: null });
  return { messages: [text] };
}
