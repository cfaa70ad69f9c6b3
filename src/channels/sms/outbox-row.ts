import type { NewOutboundRow } from './ports.ts';
import { MAX_SEGMENTS } from './render.ts';
import { countSegments, fitToSegments } from './segments.ts';

/** What a caller asks the outbox to send, one message or a batch's. */
export interface OutboxRequest {
  to: string;
  body: string;
  kind: string;
  idempotencyKey: string;
  appointmentId?: string | null;
  conversationId?: string | null;
}

/** The row a message is recorded as: its body fitted to the segment limit, suppressed at once for an opted-out recipient. */
export function newOutboxRow(req: OutboxRequest, optedOut: boolean): NewOutboundRow {
  const body = fitToSegments(req.body, MAX_SEGMENTS);
  return {
    to: req.to,
    body,
    kind: req.kind,
    idempotencyKey: req.idempotencyKey,
    status: optedOut ? 'suppressed' : 'queued',
    error: optedOut ? 'recipient opted out' : null,
    segments: countSegments(body).segments,
    appointmentId: req.appointmentId ?? null,
    conversationId: req.conversationId ?? null,
  };
}
