import type { TurnEnv } from '../env.ts';
import { raiseException } from '../escalate.ts';
import type { ToolOutcome } from '../outcome.ts';
import { discardProposal } from '../proposal/discard.ts';
import { T } from '../templates.ts';
import type { ToolArgs } from './definitions.ts';

export async function requestHuman(env: TurnEnv, args: ToolArgs<'request_human'>): Promise<ToolOutcome> {
  discardProposal(env);
  await raiseException(env.db, {
    type: 'human_requested',
    summary: 'Customer asked for a person',
    conversationId: env.conversationId,
    customerId: env.identity.customerId,
    details: args.reason ? { reason: args.reason.slice(0, 200) } : {},
  });
  await env.handOff();
  return { failure: false, handedOff: true, result: { ok: true, handed_off: true }, display: { messages: [T.handoff], expecting: null } };
}
