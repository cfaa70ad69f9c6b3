import { normalizePhone } from '../phone.ts';
import type { PrismaClient } from '../db/client.ts';
import type { Actor } from '../engine/api.ts';
import type { ConversationChannel } from '../contract/conversation.ts';

// Who is writing comes from the channel (a verified phone number for SMS, the Slack or
// Teams user id), never from message text or model output. Every tool acts as this
// identity and nothing else.

export interface Identity {
  channel: ConversationChannel;
  /** E.164 phone for sms/web; null for Slack/Teams users. */
  phone: string | null;
  customerId: string | null;
  /** App user behind a Slack/Teams identity, who books on behalf of themselves. */
  userId: string | null;
  language: string;
}

/** Where a sender's record is looked up: the phone for sms/web, the user id column for Slack/Teams. */
export function senderKeys(channel: ConversationChannel, senderIdentity: string): { phone: string | null; slackUserId: string | null; teamsUserId: string | null } {
  if (channel === 'sms' || channel === 'web') return { phone: normalizePhone(senderIdentity), slackUserId: null, teamsUserId: null };
  return { phone: null, slackUserId: channel === 'slack' ? senderIdentity : null, teamsUserId: channel === 'teams' ? senderIdentity : null };
}

/** The identity from the records found under senderKeys (read with the conversation, in one statement). */
export function identityOf(
  channel: ConversationChannel,
  keys: { phone: string | null },
  found: { customerId: string | null; language: string | null; userId: string | null },
): Identity {
  if (channel === 'sms' || channel === 'web') {
    return { channel, phone: keys.phone, customerId: found.customerId, userId: null, language: found.language ?? 'en' };
  }
  return { channel, phone: null, customerId: null, userId: found.userId, language: 'en' };
}

/** The sender's Customer row, created on first need (a hold or booking), never before. */
export async function ensureCustomer(db: PrismaClient, identity: Identity): Promise<string | null> {
  if (identity.customerId) return identity.customerId;
  if (!identity.phone) return null;
  for (let attempt = 0; ; attempt++) {
    // One round trip (Prisma's upsert took three), and an existing row is left untouched.
    const rows = await db.$queryRaw<Array<{ id: string }>>`
      WITH ins AS (INSERT INTO customer (phone) VALUES (${identity.phone}) ON CONFLICT (phone) DO NOTHING RETURNING id::text)
      SELECT id FROM ins
      UNION ALL
      SELECT id::text FROM customer WHERE phone = ${identity.phone}`;
    if (rows[0]) return (identity.customerId = rows[0].id);
    // A concurrent insert committed after this statement's snapshot: read it now.
    if (attempt >= 2) throw new Error('customer row could not be created or read');
  }
}

/** The engine actor for everything this sender does. */
export function actorFor(identity: Identity): Actor {
  return { type: 'customer', id: identity.customerId ?? identity.userId ?? undefined, channel: identity.channel };
}

const CHANNELS: ConversationChannel[] = ['sms', 'slack', 'teams', 'web'];

/** The key a sender's conversation is found by: the normalized phone for sms/web, the channel's user id otherwise. */
export function senderKeyOf(message: { channel: ConversationChannel; senderIdentity: string }): string {
  if (!CHANNELS.includes(message.channel)) throw new Error(`unknown channel ${String(message.channel)}`);
  const sender = String(message.senderIdentity ?? '').trim();
  if (!sender) throw new Error('senderIdentity is required');
  return message.channel === 'sms' || message.channel === 'web' ? (normalizePhone(sender) ?? sender) : sender;
}
