import { raiseException as openException } from '../ops/raise.ts';
import type { Tx } from './store.ts';

// The one way the conversation raises an Exception for staff, through the ops core. It
// writes in the turn's transaction, so the exception commits (or not) with the reply
// that mentions it.

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
  await openException(tx, { ...e, raisedBy: { type: 'system', id: 'conversation' } });
}
