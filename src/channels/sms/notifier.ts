import type { Notifier, NoticeStatus } from '../../contract/notifier.ts';
import type { OutboundKind, SmsSender } from './outbound.ts';
import type { OutboundStatus } from './ports.ts';
import { renderNotice, UnsupportedNotice } from './render-notice.ts';

// The SMS channel's Notifier: a notice is rendered by renderNotice and handed to the
// sender, which records it in the outbox first, delivers each idempotency key once
// and never to an opted-out number.

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

export function createSmsNotifier(sender: SmsSender): Notifier {
  return {
    channel: 'sms',
    async send(notice) {
      if (notice.to.channel !== 'sms') throw new UnsupportedNotice(`The SMS notifier cannot reach a ${notice.to.channel} recipient.`);
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
