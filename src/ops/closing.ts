import type { OpsActor } from '../contract/ops.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Exception } from '../generated/prisma/client.ts';
import { auditActorOf } from './audit.ts';
import { applyStep } from './step.ts';

// resolve: the problem was handled; dismiss: it needs no handling. Both are final and
// record who, when and why. A resolved or dismissed hand-off gives the conversation
// back to the bot on the customer's next message.

export function close(db: PrismaClient, exception: Exception, actor: OpsActor, how: { kind: 'resolve' | 'dismiss'; reason: string }, at: Date): Promise<Exception> {
  return applyStep(db, {
    exception,
    kind: how.kind,
    actor,
    action: how.kind === 'resolve' ? 'resolved' : 'dismissed',
    data: { resolution: how.reason, closedBy: auditActorOf(actor).id, resolvedAt: at },
    details: { reason: how.reason },
    at,
  });
}
