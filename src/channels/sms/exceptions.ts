import type { Prisma, PrismaClient } from '../../db/client.ts';

type ExceptionType = 'message_failed' | 'opted_out_upcoming';

/**
 * Opens an Exception for staff unless an open one of the same type already
 * covers the same subject (appointment, or the given dedupe key), so repeated
 * callbacks or keywords do not flood the queue.
 */
export async function raiseException(
  db: PrismaClient,
  e: {
    type: ExceptionType;
    summary: string;
    appointmentId?: string | null;
    customerId?: string | null;
    conversationId?: string | null;
    details?: Record<string, unknown>;
    /** Identifies the subject when it is finer than the appointment (e.g. one outbound message). */
    dedupeKey?: string;
  },
): Promise<{ id: string; created: boolean }> {
  const where: Prisma.ExceptionWhereInput = {
    type: e.type,
    status: { not: 'resolved' },
    ...(e.appointmentId ? { appointmentId: e.appointmentId } : { customerId: e.customerId ?? null }),
    ...(e.dedupeKey ? { details: { path: ['dedupeKey'], equals: e.dedupeKey } } : {}),
  };
  const existing = await db.exception.findFirst({ where, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const row = await db.exception.create({
    data: {
      type: e.type,
      summary: e.summary,
      appointmentId: e.appointmentId ?? null,
      customerId: e.customerId ?? null,
      conversationId: e.conversationId ?? null,
      details: { ...(e.details ?? {}), ...(e.dedupeKey ? { dedupeKey: e.dedupeKey } : {}) } as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return { id: row.id, created: true };
}
