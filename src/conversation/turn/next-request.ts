import type { TurnEnv } from '../env.ts';
import type { Shown, Turn, TurnDeps } from './context.ts';
import { runProvider } from './run-provider.ts';

// "cancel my color on the 8th and move my cut to friday": the provider takes up the first
// request and queues the second (state.nextRequest). Once the first is committed, the second
// is read as the customer's next message in the same turn, so the reply says what was done
// and then asks about the second: one change at a time, each on its own yes, none dropped.

/** After a commit this turn, the queued request is taken up and its reply follows the commit's. */
export async function takeUpNextRequest(deps: TurnDeps, turn: Turn, env: TurnEnv, shown: Shown): Promise<Shown> {
  const next = turn.state.nextRequest;
  const committed = turn.toolsCalled.some((t) => t.startsWith('commit_'));
  if (!next || !committed || turn.state.proposal) return shown;
  turn.state.nextRequest = null;
  const more = await runProvider(deps, turn, env, next);
  return { ...more, messages: [...shown.messages, ...more.messages] };
}
