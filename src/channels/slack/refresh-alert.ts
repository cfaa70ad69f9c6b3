import type { webApi } from '@slack/bolt';
import type { Notice, NoticeResult } from '../../contract/notifier.ts';
import type { PostQueue } from './post-queue.ts';
import type { SlackStore } from './ports.ts';
import { escapeMrkdwn } from './render.ts';
import { renderAlert } from './render-notice.ts';

// An exception worked somewhere other than this channel's buttons (the admin API, the
// /ops dashboard, Teams): its parent message is edited in place to the alert as it is
// now and a thread reply says who did what, as a press in Slack does (ops-actions.ts).
// Keyed by the step, so a rerun or a second worker says it once. An exception whose
// parent is not posted here (yet) is left alone and not remembered: the next run
// finds it again, and an alert posted later shows its current state anyway.

export async function refreshAlert(deps: { client: webApi.WebClient; store: SlackStore; posts: PostQueue }, notice: Notice): Promise<NoticeResult> {
  const key = notice.idempotencyKey;
  const parent = notice.exceptionId ? await deps.store.exceptionParent(notice.exceptionId) : null;
  if (!parent || parent.channelId !== notice.to.address) return { messageId: key, status: 'suppressed', duplicate: false };
  if (!(await deps.store.claimNotice(key, parent.channelId, null))) {
    const posted = await deps.store.postedByKey(key);
    return { messageId: posted?.ts ?? key, status: posted ? 'sent' : 'queued', duplicate: true };
  }
  try {
    await deps.client.chat.update({ channel: parent.channelId, ts: parent.ts, ...renderAlert(notice) });
    const line = escapeMrkdwn(notice.step ?? 'This exception changed.');
    const res = await deps.posts.run(parent.channelId, () => deps.client.chat.postMessage({ channel: parent.channelId, thread_ts: parent.ts, text: line }));
    await deps.store.notePosted(key, res.ts!);
    return { messageId: res.ts!, status: 'sent', duplicate: false };
  } catch (err) {
    await deps.store.releaseNotice(key);
    throw err;
  }
}
