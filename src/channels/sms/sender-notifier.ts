import type { Notifier, NoticeStatus } from '../../contract/notifier.ts';
import type { OutboundKind, SmsSender } from './outbound.ts';
import type { OutboundStatus } from './ports.ts';
import { renderNotice } from './render-notice.ts';

// The notifier port (src/contract/notifier.ts) over the SMS outbox: a notice is
// rendered by renderNotice and recorded and sent once per idempotency key.

const STATUS: Record<OutboundStatus, NoticeStatus> = {
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'sent',
  outbox: 'outbox',
  suppressed: 'suppressed',
  failed: 'failed',
  undelivered: 'failed',
};

export function smsNotifier(sender: SmsSender): Notifier {
  return {
    channel: 'sms',
    async send(notice) {
      const kind: OutboundKind = notice.kind === 'reminder' || notice.kind === 'confirmation' ? notice.kind : 'notice';
      const { message, created } = await sender.send({
        to: notice.to.address,
        body: renderNotice(notice),
        kind,
        idempotencyKey: notice.idempotencyKey,
        appointmentId: notice.appointment?.id ?? null,
      });
      return { messageId: message.id, status: STATUS[message.status], duplicate: !created };
    },
  };
}
