import type { ReplyStore } from '../../channels/sms/ports.ts';
import type { PrismaClient } from '../client.ts';
import { claimInboundReply, finishInboundReply } from './statements.ts';

// Inbound messages' reply rows (kind reply / reply_rest) on outbound_message.

export function createReplyStore(db: PrismaClient): ReplyStore {
  return {
    async claim(idempotencyKey, from) {
      const s = claimInboundReply(idempotencyKey, from);
      const [row] = await db.$queryRawUnsafe<Array<{ claimed: string | null; customer_id: string | null; opted_out: boolean | null; language: string | null }>>(
        s.text,
        ...s.values,
      );
      const customer = row?.customer_id ? { id: row.customer_id, optedOut: row.opted_out ?? false, language: row.language ?? 'en' } : null;
      return { claimedId: row?.claimed ?? null, customer };
    },
    async idForKey(idempotencyKey) {
      return db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey }, select: { id: true, to: true } });
    },
    async state(id) {
      return db.outboundMessage.findUnique({ where: { id }, select: { to: true, segments: true, kind: true, body: true, status: true, updatedAt: true } });
    },
    async finish(id, outcome, conversationId) {
      const s = finishInboundReply(id, outcome, conversationId);
      if ((await db.$executeRawUnsafe(s.text, ...s.values)) !== 1) throw new Error(`reply row ${id} is gone`);
    },
    async markRest(id) {
      await db.outboundMessage.update({ where: { id }, data: { kind: 'reply_rest' } });
    },
    async queueRest(id, reply) {
      await db.outboundMessage.update({
        where: { id },
        data: { body: reply.text, kind: 'reply_rest', status: 'queued', segments: reply.segments, conversationId: reply.conversationId },
      });
    },
    async takeOverStale(id, updatedAt) {
      const taken = await db.outboundMessage.updateMany({ where: { id, segments: null, updatedAt }, data: { status: 'queued' } });
      return taken.count === 1;
    },
    async release(id) {
      await db.outboundMessage.deleteMany({ where: { id, segments: null, kind: 'reply' } });
    },
  };
}
