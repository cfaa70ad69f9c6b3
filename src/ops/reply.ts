import { randomUUID } from 'node:crypto';
import type { Recipient, NoticeResult, Notifiers } from '../contract/notifier.ts';
import type { OpsActor } from '../contract/ops.ts';
import type { ConversationChannel } from '../contract/conversation.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Exception } from '../generated/prisma/client.ts';
import { actorDetails, auditActorOf, recordAudit } from './audit.ts';
import { OpsError } from './errors.ts';
import { allowedNext } from './step.ts';

// A staff member answers the customer on the customer's channel. The text goes out
// through the Notifiers port as written, then lands in the conversation transcript
// (outbound, role "staff") with an audit row naming who wrote it. The reply does not
// end a hand-off: the conversation stays with staff until the exception is closed.
// Sent first, recorded second: a crash between the two can leave a sent reply missing
// from the transcript (the outbox still has it), never a transcript line that was not
// sent. Each command is a new reply with its own key: a client that retries a reply
// it is unsure about sends it again.

const CHANNELS: readonly string[] = ['sms', 'slack', 'teams', 'web'] satisfies ConversationChannel[];

export interface Target {
  recipient: Recipient;
  conversationId: string;
}

/** The conversation the exception came from, else the customer's SMS conversation (opened if new). */
export async function replyTarget(db: PrismaClient, exception: Exception): Promise<Target> {
  if (exception.conversationId) {
    const c = await db.conversation.findUnique({ where: { id: exception.conversationId }, select: { id: true, channel: true, externalId: true } });
    if (c && CHANNELS.includes(c.channel)) return { recipient: { channel: c.channel as ConversationChannel, address: c.externalId }, conversationId: c.id };
  }
  const customer = exception.customerId ? await db.customer.findUnique({ where: { id: exception.customerId }, select: { id: true, phone: true } }) : null;
  if (!customer) throw new OpsError('unreachable', `Exception ${exception.id} names no conversation and no customer to reply to.`);
  const c = await db.conversation.upsert({
    where: { channel_externalId: { channel: 'sms', externalId: customer.phone } },
    create: { channel: 'sms', externalId: customer.phone, customerId: customer.id },
    update: {},
    select: { id: true },
  });
  return { recipient: { channel: 'sms', address: customer.phone }, conversationId: c.id };
}

export interface ReplyDeps {
  db: PrismaClient;
  notifiers: Notifiers;
}

export interface Replied {
  exception: Exception;
  messageId: string;
  notice: NoticeResult;
}

export async function reply(deps: ReplyDeps, exception: Exception, actor: OpsActor, text: string, at: Date): Promise<Replied> {
  allowedNext(exception, 'reply');
  const target = await replyTarget(deps.db, exception);
  const notifier = deps.notifiers.forChannel(target.recipient.channel);
  if (!notifier) throw new OpsError('unreachable', `This installation cannot send on ${target.recipient.channel}, the customer's channel.`);
  const idempotencyKey = `staff_reply:${exception.id}:${randomUUID()}`;
  const business = await deps.db.business.findFirst({ orderBy: { createdAt: 'asc' }, select: { name: true } });
  const notice = await notifier.send({ kind: 'staff_reply', to: target.recipient, idempotencyKey, text, from: business?.name });
  return deps.db.$transaction(async (tx) => {
    const message = await tx.message.create({
      data: { conversationId: target.conversationId, direction: 'outbound', role: 'staff', text, externalId: idempotencyKey, createdAt: at },
      select: { id: true },
    });
    await tx.conversation.update({ where: { id: target.conversationId }, data: { lastMessageAt: at } });
    const updated = await tx.exception.update({ where: { id: exception.id }, data: { updatedAt: at } });
    await recordAudit(tx, {
      entityType: 'exception',
      entityId: exception.id,
      action: 'replied',
      actor: auditActorOf(actor),
      details: { messageId: message.id, channel: target.recipient.channel, noticeStatus: notice.status, outboundId: notice.messageId, ...actorDetails(actor) },
      at,
    });
    return { exception: updated, messageId: message.id, notice };
  });
}
