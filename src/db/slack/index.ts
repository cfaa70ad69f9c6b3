import type { SlackStore } from '../../channels/slack/ports.ts';
import type { PrismaClient } from '../client.ts';

// The Slack channel's storage (src/channels/slack/ports.ts): event ids it acted on,
// the message each notice became, and the users linked to Slack user ids.

/** Far longer than a post may take (the Web API client gives up well before). */
const ABANDONED_AFTER_MS = 5 * 60 * 1000;

export function createSlackStore(db: PrismaClient): SlackStore {
  return {
    async claimEvent(eventId) {
      const { count } = await db.slackEvent.createMany({ data: [{ eventId }], skipDuplicates: true });
      return count === 1;
    },
    async memberBySlackId(slackUserId) {
      const u = await db.user.findUnique({ where: { slackUserId }, select: { id: true, name: true, role: true } });
      return u ? { userId: u.id, name: u.name, role: u.role } : null;
    },
    async claimNotice(key, channelId, exceptionId) {
      const { count } = await db.slackMessage.createMany({ data: [{ idempotencyKey: key, channelId, exceptionId }], skipDuplicates: true });
      if (count === 1) return true;
      // A reservation never settled (the process stopped mid-post) is taken over once it is
      // older than any post can take, so a crash delays the notice instead of losing it.
      const stale = await db.slackMessage.updateMany({
        where: { idempotencyKey: key, ts: null, createdAt: { lt: new Date(Date.now() - ABANDONED_AFTER_MS) } },
        data: { createdAt: new Date() },
      });
      return stale.count === 1;
    },
    async notePosted(key, ts) {
      await db.slackMessage.update({ where: { idempotencyKey: key }, data: { ts } });
    },
    async releaseNotice(key) {
      await db.slackMessage.deleteMany({ where: { idempotencyKey: key, ts: null } });
    },
    async postedByKey(key) {
      const m = await db.slackMessage.findUnique({ where: { idempotencyKey: key } });
      return m?.ts ? { channelId: m.channelId, ts: m.ts } : null;
    },
    async exceptionParent(exceptionId) {
      const m = await db.slackMessage.findFirst({ where: { exceptionId, ts: { not: null } }, orderBy: [{ createdAt: 'asc' }, { idempotencyKey: 'asc' }] });
      return m?.ts ? { channelId: m.channelId, ts: m.ts } : null;
    },
  };
}
