import type { Scheduler } from '../../engine/api.ts';
import type { ConversationState } from '../state.ts';

/** Drops the pending proposal and releases its hold: the customer moved on or said no. */
export function discardProposal(env: { state: ConversationState; scheduler: Scheduler; releases: Array<Promise<unknown>> }): void {
  const p = env.state.proposal;
  env.state.proposal = null;
  if (p?.holdId) {
    // A failed release must not fail the turn: the hold also expires by itself.
    env.releases.push(env.scheduler.releaseHold(p.holdId).catch(() => undefined));
  }
}
