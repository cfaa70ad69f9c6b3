import type { Notice, Notifier, Notifiers } from '../contract/notifier.ts';
import type { PrismaClient } from '../db/client.ts';

// Notices a customer answers with a short reply (a reminder's Y/R/C, a reschedule
// offer's 1..n) are remembered per recipient as they go out, whichever job or route
// sends them, so the conversation can read "2" or "Y" against the latest one
// (src/conversation/notice-replies.ts). Wrapping the notifiers records them in one
// place instead of in every sender.

const ANSWERABLE = new Set<Notice['kind']>(['reminder', 'reschedule_offer']);

export function rememberAnswerableNotices(notifiers: Notifiers, deps: { db: PrismaClient }): Notifiers {
  const wrapped = new Map<string, Notifier>();
  return {
    forChannel(channel) {
      const inner = notifiers.forChannel(channel);
      if (!inner) return undefined;
      let notifier = wrapped.get(channel);
      if (!notifier) wrapped.set(channel, (notifier = remembering(inner, deps)));
      return notifier;
    },
  };
}

function remembering(inner: Notifier, deps: { db: PrismaClient }): Notifier {
  return {
    channel: inner.channel,
    async send(notice) {
      const result = await inner.send(notice);
      // A duplicate was remembered when it first went out (or is now, after a crash in between).
      if (ANSWERABLE.has(notice.kind) && result.status !== 'suppressed' && result.status !== 'failed') {
        await deps.db.customerNotice.upsert({
          where: { idempotencyKey: notice.idempotencyKey },
          create: {
            channel: notice.to.channel,
            address: notice.to.address,
            kind: notice.kind,
            idempotencyKey: notice.idempotencyKey,
            appointmentId: notice.appointment?.id ?? null,
            choices: (notice.choices ?? []).map((c) => ({ value: c.value, label: c.label })),
          },
          update: {},
        });
      }
      return result;
    },
  };
}
