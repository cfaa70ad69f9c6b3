import type { Notice, NoticeOutcome, Notifier, NoticeStatus } from '../../contract/notifier.ts';
import type { OutboundKind, SmsSendRequest, SmsSender } from './outbound.ts';
import type { OutboundStatus } from './ports.ts';
import { renderNotice, UnsupportedNotice } from './render-notice.ts';

// The SMS channel's Notifier: a notice is rendered by renderNotice and handed to the
// sender, which records it in the outbox first, delivers each idempotency key once
// and never to an opted-out number. sendMany does the same for a batch (a worker's
// reminders), recording and settling the batch's outbox rows together.

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

/** The outbox request for a notice; throws UnsupportedNotice when SMS cannot carry it. */
function toRequest(notice: Notice): SmsSendRequest {
  if (notice.to.channel !== 'sms') throw new UnsupportedNotice(`The SMS notifier cannot reach a ${notice.to.channel} recipient.`);
  const kind: OutboundKind = notice.kind === 'reminder' || notice.kind === 'confirmation' ? notice.kind : 'notice';
  return {
    to: notice.to.address,
    body: renderNotice(notice),
    kind,
    idempotencyKey: notice.idempotencyKey,
    appointmentId: notice.appointment?.id ?? null,
  };
}

export function createSmsNotifier(sender: SmsSender): Notifier {
  return {
    channel: 'sms',
    async send(notice) {
      const { message, created } = await sender.send(toRequest(notice));
      return { messageId: message.id, status: STATUS[message.status], duplicate: !created };
    },
    async sendMany(notices) {
      // A notice SMS cannot carry fails alone; the rest go out together.
      const prepared = notices.map((notice): { req: SmsSendRequest } | { error: unknown } => {
        try {
          return { req: toRequest(notice) };
        } catch (error) {
          return { error };
        }
      });
      const reqs = prepared.flatMap((p) => ('req' in p ? [p.req] : []));
      const sent = reqs.length ? await sender.sendMany(reqs) : [];
      let next = 0;
      return prepared.map((p): NoticeOutcome => {
        if ('error' in p) return p;
        const o = sent[next++]!;
        if ('error' in o) return o;
        return { result: { messageId: o.message.id, status: STATUS[o.message.status], duplicate: !o.created } };
      });
    },
  };
}
