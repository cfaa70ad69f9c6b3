import type { SlackStore } from '../../channels/slack/ports.ts';
import type { PrismaClient } from '../client.ts';

// The Slack channel's storage (src/channels/slack/ports.ts): event ids it acted on,
// the message each notice became, and the users linked to Slack user ids.

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
      return count === 1;
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
  };
}
