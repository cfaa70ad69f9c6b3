import type { Notifiers } from '../contract/notifier.ts';
import type { OpsActor, OpsCommand } from '../contract/ops.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Scheduler } from '../engine/api.ts';
import type { Clock } from '../engine/clock.ts';
import type { Exception } from '../generated/prisma/client.ts';
import { COMMAND_ACTIONS, reachOf } from './access.ts';
import { approve, decline } from './approval.ts';
import { assign, take } from './assignment.ts';
import { close } from './closing.ts';
import { OpsError } from './errors.ts';
import { findWithin } from './queries.ts';
import { offerableTimes, offerTimes } from './offer-times.ts';
import { reply, type Replied } from './reply.ts';

// executeOpsCommand: the one entry for every surface. It asks the permission matrix,
// finds the exception within the actor's reach, and hands the command to the module
// that does that one step.

export interface OpsDeps {
  db: PrismaClient;
  scheduler: Scheduler;
  notifiers: Notifiers;
  clock: Clock;
}

export interface OpsOutcome {
  exception: Exception;
  /** Set for a reply: the transcript message and what the channel did with it. */
  reply?: Omit<Replied, 'exception'>;
}

/** The times Offer new times can send for this exception, asked with the same permission and reach as the command. */
export async function timesToOffer(deps: OpsDeps, exceptionId: string, actor: OpsActor) {
  const exception = await findWithin(deps.db, exceptionId, await reachOf(deps.db, actor, 'ops.offer_times'));
  return offerableTimes(deps, exception);
}

export async function executeOpsCommand(deps: OpsDeps, command: OpsCommand, actor: OpsActor): Promise<OpsOutcome> {
  const action = COMMAND_ACTIONS[command.kind];
  if (!action) throw new OpsError('unsupported', `${command.kind} is not supported: no permission governs it yet. Resolve the exception to hand the conversation back.`);
  const exception = await findWithin(deps.db, command.exceptionId, await reachOf(deps.db, actor, action));
  const at = deps.clock();
  switch (command.kind) {
    case 'take':
      return { exception: await take(deps.db, exception, actor, at) };
    case 'assign':
      return { exception: await assign(deps.db, exception, actor, command.assigneeUserId, at) };
    case 'resolve':
    case 'dismiss':
      return { exception: await close(deps.db, exception, actor, { kind: command.kind, reason: command.reason }, at) };
    case 'approve':
      return { exception: await approve(deps, exception, actor, at) };
    case 'decline':
      return { exception: await decline(deps, exception, actor, command.reason, at) };
    case 'reply': {
      const { exception: updated, ...rest } = await reply(deps, exception, actor, command.text, at);
      return { exception: updated, reply: rest };
    }
    case 'offer_times':
      return { exception: await offerTimes(deps, exception, actor, command.times, at) };
    case 'release':
      throw new OpsError('unsupported', `${command.kind} is not supported for ${exception.type} exceptions.`);
  }
}
