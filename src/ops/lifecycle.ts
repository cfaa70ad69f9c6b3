import type { ExceptionStatus, OpsCommandKind } from '../contract/ops.ts';

// The exception lifecycle, pure: open → assigned → resolved, or dismissed from open
// or assigned. Resolved and dismissed are final; a new problem opens a new exception.

/** Statuses in which an exception still waits for someone (and blocks a duplicate). */
export const OPEN_STATUSES = ['open', 'assigned'] as const satisfies readonly ExceptionStatus[];

export const isOpen = (status: ExceptionStatus) => (OPEN_STATUSES as readonly ExceptionStatus[]).includes(status);

/** The status a command leaves behind; commands that do not move the status keep it. */
const TARGET: Record<OpsCommandKind, ExceptionStatus | 'same'> = {
  take: 'assigned',
  assign: 'assigned',
  resolve: 'resolved',
  dismiss: 'dismissed',
  approve: 'resolved',
  decline: 'resolved',
  offer_times: 'same',
  reply: 'same',
  release: 'same',
};

/** The next status, or null when the command is not allowed from `current`. */
export function nextStatus(current: ExceptionStatus, kind: OpsCommandKind): ExceptionStatus | null {
  if (!isOpen(current)) return null;
  const target = TARGET[kind];
  return target === 'same' ? current : target;
}
