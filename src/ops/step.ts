import type { OpsActor, OpsCommandKind } from '../contract/ops.ts';
import type { Prisma, PrismaClient } from '../db/client.ts';
import type { Exception } from '../generated/prisma/client.ts';
import { actorDetails, auditActorOf, recordAudit } from './audit.ts';
import { OpsError } from './errors.ts';
import { nextStatus } from './lifecycle.ts';

// One lifecycle step: the status change and its audit row in one transaction. The
// update is guarded by the status the step was decided on, so two people pressing
// "resolve" and "dismiss" at once cannot both win.

export interface Step {
  exception: Exception;
  kind: OpsCommandKind;
  actor: OpsActor;
  /** The audit action, e.g. "assigned". */
  action: string;
  data?: Omit<Prisma.ExceptionUncheckedUpdateManyInput, 'status'>;
  details?: Record<string, unknown>;
  at: Date;
}

/** Refuses a command the exception's status does not allow, before anything else is done. */
export function allowedNext(exception: Pick<Exception, 'id' | 'status'>, kind: OpsCommandKind) {
  const next = nextStatus(exception.status, kind);
  if (!next) throw new OpsError('invalid_transition', `Exception ${exception.id} is ${exception.status}; it cannot be worked on (${kind}) any more.`, { status: exception.status });
  return next;
}

export async function applyStep(db: PrismaClient, s: Step): Promise<Exception> {
  const status = allowedNext(s.exception, s.kind);
  return db.$transaction(async (tx) => {
    const { count } = await tx.exception.updateMany({
      where: { id: s.exception.id, status: s.exception.status },
      data: { ...s.data, status, updatedAt: s.at },
    });
    if (!count) throw new OpsError('invalid_transition', `Exception ${s.exception.id} was changed by someone else a moment ago; reload it.`);
    await recordAudit(tx, {
      entityType: 'exception',
      entityId: s.exception.id,
      action: s.action,
      actor: auditActorOf(s.actor),
      details: { from: s.exception.status, to: status, ...s.details, ...actorDetails(s.actor) },
      at: s.at,
    });
    return tx.exception.findUniqueOrThrow({ where: { id: s.exception.id } });
  });
}
