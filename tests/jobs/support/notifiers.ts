import type { SmsSender } from '../../../src/channels/sms/outbound.ts';
import { createSmsNotifier } from '../../../src/channels/sms/notifier.ts';
import { notifierRegistry, type Notice, type NoticeResult, type Notifier, type Notifiers } from '../../../src/contract/notifier.ts';

// Notifiers for job tests: the SMS one over a real sender (renderNotice + the
// outbox), as production wires it, and a fake that records the notices it is given.

export function smsNotifiers(sender: SmsSender): Notifiers {
  return notifierRegistry([createSmsNotifier(sender)]);
}

export interface RecordingNotifier extends Notifier {
  notices: Notice[];
}

/** Accepts every notice once per idempotency key, as a real notifier does, and keeps them. */
export function recordingNotifier(channel: Notifier['channel'] = 'sms'): RecordingNotifier {
  const notices: Notice[] = [];
  return {
    channel,
    notices,
    async send(notice): Promise<NoticeResult> {
      const duplicate = notices.some((n) => n.idempotencyKey === notice.idempotencyKey);
      if (!duplicate) notices.push(notice);
      return { messageId: notice.idempotencyKey, status: 'sent', duplicate };
    },
  };
}
