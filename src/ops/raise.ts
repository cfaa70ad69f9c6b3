import type { ExceptionType } from '../contract/ops.ts';
import type { Prisma } from '../db/client.ts';
import { recordAudit, type AuditActor } from './audit.ts';
import { inTransaction, type OpsDb } from './db.ts';
import { OPEN_STATUSES } from './lifecycle.ts';
import { exceptionSubject } from './subject.ts';

// The one way anything opens an Exception for staff: the SMS channel (opt-outs,
// failed deliveries), the conversation (hand-offs, no slot, incomplete intake) and
// later jobs. A second raise while one of the same type and subject is still open
// (or assigned) opens nothing, so repeated callbacks or keywords do not flood the queue.

export interface RaiseInput {
  type: ExceptionType;
  summary: string;
  appointmentId?: string | null;
  conversationId?: string | null;
  customerId?: string | null;
  details?: Record<string, unknown>;
  /** Names the subject when it is finer than the appointment (e.g. one outbound message). */
  dedupeKey?: string;
  /** Who or what raised it, for the audit trail; the system when not said. */
  raisedBy?: AuditActor;
  at?: Date;
}

export interface Raised {
  id: string;
  created: boolean;
}

const SYSTEM: AuditActor = { type: 'system', id: null };

export function raiseException(db: OpsDb, e: RaiseInput): Promise<Raised> {
  const subject = exceptionSubject(e);
  return inTransaction(db, async (tx) => {
    // Two raises of the same thing at once (a retried callback racing the first)
    // queue here, so the second finds the first's row.
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`exception:${e.type}:${subject}`}, 0))`;
    const existing = await tx.exception.findFirst({ where: { type: e.type, subject, status: { in: [...OPEN_STATUSES] } }, select: { id: true } });
    if (existing) return { id: existing.id, created: false };
    const row = await tx.exception.create({ data: newException(e, subject), select: { id: true } });
    await recordAudit(tx, {
      entityType: 'exception',
      entityId: row.id,
      action: 'opened',
      actor: e.raisedBy ?? SYSTEM,
      details: { type: e.type, summary: e.summary },
      at: e.at,
    });
    return { id: row.id, created: true };
  });
}

function newException(e: RaiseInput, subject: string): Prisma.ExceptionUncheckedCreateInput {
  return {
    type: e.type,
    subject,
    summary: e.summary,
    appointmentId: e.appointmentId ?? null,
    conversationId: e.conversationId ?? null,
    customerId: e.customerId ?? null,
    details: { ...(e.details ?? {}), ...(e.dedupeKey ? { dedupeKey: e.dedupeKey } : {}) } as Prisma.InputJsonValue,
    ...(e.at ? { createdAt: e.at, updatedAt: e.at } : {}),
  };
}
