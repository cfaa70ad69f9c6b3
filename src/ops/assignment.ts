import { permission } from '../access/matrix.ts';
import type { OpsActor } from '../contract/ops.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Exception } from '../generated/prisma/client.ts';
import { OpsError } from './errors.ts';
import { applyStep } from './step.ts';

// take: the actor assigns the exception to themself; assign: a manager hands it to
// someone who can work it. Both move open → assigned (or re-assign an assigned one).

export async function take(db: PrismaClient, exception: Exception, actor: OpsActor, at: Date): Promise<Exception> {
  if (!actor.userId) throw new OpsError('invalid_assignee', 'The admin token belongs to no user, so it cannot take an exception; assign it to a user instead.');
  return applyStep(db, { exception, kind: 'take', actor, action: 'assigned', data: { assigneeUserId: actor.userId, assignedAt: at }, details: { assigneeUserId: actor.userId }, at });
}

export async function assign(db: PrismaClient, exception: Exception, actor: OpsActor, assigneeUserId: string, at: Date): Promise<Exception> {
  const assignee = await db.user.findUnique({ where: { id: assigneeUserId }, select: { role: true } });
  if (!assignee) throw new OpsError('invalid_assignee', `User ${assigneeUserId} does not exist.`, { field: 'assigneeUserId' });
  // An exception handed to someone who may not resolve it would sit there forever.
  if (permission(assignee.role, 'ops.resolve') === 'none') {
    throw new OpsError('invalid_assignee', `User ${assigneeUserId} is a ${assignee.role} and may not resolve exceptions.`, { field: 'assigneeUserId' });
  }
  return applyStep(db, { exception, kind: 'assign', actor, action: 'assigned', data: { assigneeUserId, assignedAt: at }, details: { assigneeUserId }, at });
}
