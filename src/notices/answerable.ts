import type { Notice, NoticeResult, Notifier, Notifiers } from '../contract/notifier.ts';
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

/** Whether a notice that went out this way is remembered as the recipient's latest answerable one. */
const toRemember = (notice: Notice, result: NoticeResult) => ANSWERABLE.has(notice.kind) && result.status !== 'suppressed' && result.status !== 'failed';

/** The customer_notice rows of notices that went out; a key already remembered is left as it is. */
async function remember(deps: { db: PrismaClient }, notices: Notice[]): Promise<void> {
  if (!notices.length) return;
  await deps.db.customerNotice.createMany({
    data: notices.map((notice) => ({
      channel: notice.to.channel,
      address: notice.to.address,
      kind: notice.kind,
      idempotencyKey: notice.idempotencyKey,
      appointmentId: notice.appointment?.id ?? null,
      choices: (notice.choices ?? []).map((c) => ({ value: c.value, label: c.label })),
    })),
    skipDuplicates: true,
  });
}

function remembering(inner: Notifier, deps: { db: PrismaClient }): Notifier {
  const notifier: Notifier = {
    channel: inner.channel,
    async send(notice) {
      const result = await inner.send(notice);
      // A duplicate was remembered when it first went out (or is now, after a crash in between).
      if (toRemember(notice, result)) await remember(deps, [notice]);
      return result;
    },
  };
  const sendMany = inner.sendMany?.bind(inner);
  // Only where the channel batches: a wrapper must not hide that, nor invent it.
  if (sendMany) {
    notifier.sendMany = async (notices) => {
      const outcomes = await sendMany(notices);
      await remember(
        deps,
        notices.filter((notice, k) => {
          const o = outcomes[k]!;
          return 'result' in o && toRemember(notice, o.result);
        }),
      );
      return outcomes;
    };
  }
  return notifier;
}
