import type { webApi } from '@slack/bolt';
import type { Notifier } from '../../contract/notifier.ts';
import type { PostQueue } from './post-queue.ts';
import type { SlackStore } from './ports.ts';
import { refreshAlert } from './refresh-alert.ts';
import { renderNotice, UnsupportedSlackNotice } from './render-notice.ts';

// The Slack channel's Notifier. An exception_alert becomes one parent message in the
// ops channel (its buttons fit the exception), remembered by exception so actions
// edit it in place and later alerts about it (still open) go in its thread; an
// exception_update (worked elsewhere) edits it the same way (refresh-alert.ts). Notices
// to a person (a user id: a DM) are rendered from the appointment they carry
// (render-notice.ts): confirmations, reminders, cancellations, no-show prompts.
// Each idempotency key is reserved before posting, so a retried or repeated send posts
// nothing twice; posts wait their turn per channel (post-queue.ts).

export function createSlackNotifier(deps: { client: webApi.WebClient; store: SlackStore; posts: PostQueue }): Notifier {
  return {
    channel: 'slack',
    async send(notice) {
      if (notice.to.channel !== 'slack') throw new UnsupportedSlackNotice(`The Slack notifier cannot reach a ${notice.to.channel} recipient.`);
      if (notice.kind === 'exception_update') return refreshAlert(deps, notice);
      const message = renderNotice(notice);
      const channelId = notice.to.address;
      const key = notice.idempotencyKey;
      // A later alert about an exception already posted goes in that message's thread.
      const parent = notice.exceptionId ? await deps.store.exceptionParent(notice.exceptionId) : null;
      const thread = parent && parent.channelId === channelId ? { thread_ts: parent.ts } : {};
      if (!(await deps.store.claimNotice(key, channelId, notice.exceptionId ?? null))) {
        const posted = await deps.store.postedByKey(key);
        return { messageId: posted?.ts ?? key, status: posted ? 'sent' : 'queued', duplicate: true };
      }
      try {
        const res = await deps.posts.run(channelId, () => deps.client.chat.postMessage({ channel: channelId, ...thread, ...message }));
        await deps.store.notePosted(key, res.ts!);
        return { messageId: res.ts!, status: 'sent', duplicate: false };
      } catch (err) {
        await deps.store.releaseNotice(key);
        throw err;
      }
    },
  };
}
