import type { PrismaClient } from '../../db/client.ts';
import { raiseException as raise } from '../../ops/raise.ts';

type ExceptionType = 'message_failed' | 'opted_out_upcoming';

/**
 * Opens an Exception for staff through the ops core (src/ops/raise.ts), which
 * de-duplicates by type and subject (the appointment, or the given dedupe key) and
 * writes the opening to the audit trail.
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
  // A customer's STOP is the customer acting; a failed delivery is Twilio telling the system.
  const raisedBy = e.type === 'opted_out_upcoming' && e.customerId ? { type: 'customer' as const, id: e.customerId } : { type: 'system' as const, id: 'sms' };
  return raise(db, { ...e, raisedBy });
}
