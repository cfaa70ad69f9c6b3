import { maskPhone } from '../../log.ts';
import { raiseMessageFailed } from './deliver-claimed.ts';
import { markOptedOut } from './optout.ts';
import type { OutboundStatus, SmsDeps } from './ports.ts';
import { TWILIO_OPTED_OUT } from './twilio-provider.ts';

// Twilio's delivery status callbacks. Twilio reports statuses out of order; a row
// only moves forward. failed and undelivered are final.

const RANK: Record<string, number> = { queued: 0, sending: 0, sent: 1, delivered: 2, undelivered: 3, failed: 3, suppressed: 3, outbox: 3 };
const MAPPED: Record<string, 'sent' | 'delivered' | 'failed' | 'undelivered'> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  failed: 'failed',
  undelivered: 'undelivered',
};

export async function recordStatus(deps: SmsDeps, p: Record<string, string | undefined>): Promise<void> {
  const sid = p.MessageSid ?? p.SmsSid;
  const status = MAPPED[(p.MessageStatus ?? p.SmsStatus ?? '').toLowerCase()];
  if (!sid || !status) return; // queued/accepted/sending carry nothing new
  const row = await deps.store.outbox.byProviderId(sid);
  if (!row) {
    deps.log.info({ sid, status }, 'status callback for a message Frontdesk did not record');
    return;
  }
  const errorCode = p.ErrorCode ? Number.parseInt(p.ErrorCode, 10) : undefined;
  if (RANK[status]! > RANK[row.status]!) {
    const error = errorCode ? `${errorCode}: ${p.ErrorMessage ?? 'delivery failed'}`.slice(0, 500) : undefined;
    const moved = await deps.store.outbox.advanceStatus(row.id, row.status as OutboundStatus, status, error);
    if (!moved) return recordStatus(deps, p); // raced another callback; re-read
  }
  if (status === 'failed' || status === 'undelivered') {
    deps.log.warn({ sid, status, errorCode, to: maskPhone(row.to) }, 'sms not delivered');
    if (errorCode === TWILIO_OPTED_OUT) await markOptedOut(deps, row.to, 'Twilio error 21610');
    if (row.appointmentId) await raiseMessageFailed(deps, row, `${status}${errorCode ? ` (Twilio error ${errorCode})` : ''}`);
  }
}
