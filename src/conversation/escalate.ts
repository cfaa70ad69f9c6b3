import type { Prisma } from '../db/client.ts';
import type { Tx } from './store.ts';

// The one way the conversation raises an Exception for staff. It writes in the turn's
// transaction, so the exception commits (or not) with the reply that mentions it. When the
// ops core exists this becomes its port; the callers keep this input.

export type EscalationType = 'human_requested' | 'no_slot' | 'intake_incomplete';

export interface Escalation {
  type: EscalationType;
  summary: string;
  conversationId: string;
  customerId: string | null;
  appointmentId?: string;
  details?: Record<string, unknown>;
}

export async function raiseException(tx: Tx, e: Escalation): Promise<void> {
  await tx.exception.create({
    data: {
      type: e.type,
      summary: e.summary,
      appointmentId: e.appointmentId ?? null,
      conversationId: e.conversationId,
      customerId: e.customerId,
      details: (e.details ?? {}) as Prisma.InputJsonValue,
    },
  });
}
