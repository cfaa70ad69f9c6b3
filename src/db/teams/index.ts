import type { StoredReference, TeamsStore } from '../../channels/teams/ports.ts';
import type { Prisma, PrismaClient } from '../client.ts';
import * as plans from './plans.ts';

// The Teams channel's storage (src/channels/teams/ports.ts): activities it acted on,
// where each conversation is (for proactive messages), the activity each notice
// became, and the users linked to Entra object ids.

/** Far longer than a send may take (the connector client gives up well before). */
const ABANDONED_AFTER_MS = 5 * 60 * 1000;

type Row = { conversationId: string; conversationType: string; userAadObjectId: string | null; reference: Prisma.JsonValue };
const toStored = (r: Row | null): StoredReference | null =>
  r ? { conversationId: r.conversationId, conversationType: r.conversationType, userAadObjectId: r.userAadObjectId, reference: r.reference as Record<string, unknown> } : null;

export function createTeamsStore(db: PrismaClient): TeamsStore {
  return {
    async claimActivity(key) {
      const { count } = await db.teamsActivity.createMany({ data: [{ activityKey: key }], skipDuplicates: true });
      return count === 1;
    },
    async memberByTeamsId(teamsUserId) {
      const u = await db.user.findUnique({ where: { teamsUserId }, select: { id: true, name: true, role: true } });
      return u ? { userId: u.id, name: u.name, role: u.role } : null;
    },
    async rememberConversation(ref) {
      const row = { conversation_id: ref.conversationId, user_aad_object_id: ref.userAadObjectId, conversation_type: ref.conversationType, reference: ref.reference };
      await db.$executeRawUnsafe(plans.rememberConversation(), JSON.stringify(row));
    },
    async conversation(conversationId) {
      return toStored(await db.teamsConversation.findUnique({ where: { conversationId } }));
    },
    async personalConversation(aadObjectId) {
      return toStored(await db.teamsConversation.findFirst({ where: { userAadObjectId: aadObjectId, conversationType: 'personal' }, orderBy: { updatedAt: 'desc' } }));
    },
    async anyConversation() {
      return toStored(await db.teamsConversation.findFirst({ orderBy: { updatedAt: 'desc' } }));
    },
    async claimNotice(key, conversationId, exceptionId) {
      const { count } = await db.teamsMessage.createMany({ data: [{ idempotencyKey: key, conversationId, exceptionId }], skipDuplicates: true });
      if (count === 1) return true;
      // A reservation never settled (the process stopped mid-send) is taken over once it is
      // older than any send can take, so a crash delays the notice instead of losing it.
      const stale = await db.teamsMessage.updateMany({
        where: { idempotencyKey: key, activityId: null, createdAt: { lt: new Date(Date.now() - ABANDONED_AFTER_MS) } },
        data: { createdAt: new Date() },
      });
      return stale.count === 1;
    },
    async notePosted(key, activityId) {
      await db.teamsMessage.update({ where: { idempotencyKey: key }, data: { activityId } });
    },
    async releaseNotice(key) {
      await db.teamsMessage.deleteMany({ where: { idempotencyKey: key, activityId: null } });
    },
    async postedByKey(key) {
      const m = await db.teamsMessage.findUnique({ where: { idempotencyKey: key } });
      return m?.activityId ? { conversationId: m.conversationId, activityId: m.activityId } : null;
    },
    async exceptionCard(exceptionId, conversationId) {
      const m = await db.teamsMessage.findFirst({
        where: { exceptionId, conversationId, activityId: { not: null } },
        orderBy: [{ createdAt: 'asc' }, { idempotencyKey: 'asc' }],
      });
      return m?.activityId ? { conversationId: m.conversationId, activityId: m.activityId } : null;
    },
  };
}
