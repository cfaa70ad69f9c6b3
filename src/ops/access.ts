import { permission, type Action, type Scope } from '../access/matrix.ts';
import type { OpsActor, OpsCommandKind } from '../contract/ops.ts';
import type { Prisma } from '../db/client.ts';
import type { OpsDb } from './db.ts';
import { OpsError } from './errors.ts';

// Who may work which exception, asked of the permission matrix here in the core, so
// every surface (API, Slack, Teams) gets the same answer. An `own` scope narrows to
// exceptions about an appointment on the user's staff resource, or assigned to them.

/** The matrix action each command performs; `release` has none, so no one may issue it yet. */
export const COMMAND_ACTIONS: Record<OpsCommandKind, Action | null> = {
  take: 'ops.take',
  assign: 'ops.assign',
  resolve: 'ops.resolve',
  dismiss: 'ops.dismiss',
  approve: 'ops.approve',
  decline: 'ops.decline',
  offer_times: 'ops.offer_times',
  reply: 'ops.reply',
  release: null,
};

/** The reach of the actor for `action`: everything, or only these user's and resource's exceptions. */
export type Reach = { kind: 'any' } | { kind: 'own'; userId: string | null; resourceId: string | null };

export async function reachOf(db: OpsDb, actor: OpsActor, action: Action): Promise<Reach> {
  const scope: Scope = permission(actor.role, action);
  if (scope === 'none') throw new OpsError('forbidden', `The ${actor.role} role may not ${action}.`);
  if (scope === 'any') return { kind: 'any' };
  const user = actor.userId ? await db.user.findUnique({ where: { id: actor.userId }, select: { resourceId: true } }) : null;
  return { kind: 'own', userId: actor.userId, resourceId: user?.resourceId ?? null };
}

/** Prisma filter for the exceptions within reach. */
export function reachFilter(reach: Reach): Prisma.ExceptionWhereInput {
  if (reach.kind === 'any') return {};
  const mine: Prisma.ExceptionWhereInput[] = [];
  if (reach.userId) mine.push({ assigneeUserId: reach.userId });
  if (reach.resourceId) mine.push({ appointment: { reservations: { some: { resourceId: reach.resourceId } } } });
  // Nothing of their own: nothing within reach.
  return mine.length ? { OR: mine } : { id: { in: [] } };
}
