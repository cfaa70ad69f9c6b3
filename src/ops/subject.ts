// What an exception is about. "One open exception per type and subject" is the
// de-duplication rule, so the subject must be the finest thing a source can name:
// its own key (one outbound message), else the appointment, the conversation, the customer.

export interface SubjectParts {
  dedupeKey?: string | null;
  appointmentId?: string | null;
  conversationId?: string | null;
  customerId?: string | null;
}

export function exceptionSubject(p: SubjectParts): string {
  if (p.dedupeKey) return `key:${p.dedupeKey}`;
  if (p.appointmentId) return `appointment:${p.appointmentId}`;
  if (p.conversationId) return `conversation:${p.conversationId}`;
  if (p.customerId) return `customer:${p.customerId}`;
  // Nothing to tell two raises apart: they are about the same (unnamed) thing.
  return 'none';
}
