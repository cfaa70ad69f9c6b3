import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { PrismaClient } from '../db/client.ts';
import type { ConversationChannel } from './contract.ts';

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

export function normalizePhone(raw: string): string | null {
  // "Possible" rather than "valid": test and fictional ranges (555) must still identify a sender.
  const p = parsePhoneNumberFromString(raw.trim(), 'US');
  return p?.isPossible() ? p.number : null;
}

export async function resolveIdentity(db: PrismaClient, channel: ConversationChannel, senderIdentity: string): Promise<Identity> {
  if (channel === 'sms' || channel === 'web') {
    const phone = normalizePhone(senderIdentity);
    const customer = phone ? await db.customer.findUnique({ where: { phone } }) : null;
    return { channel, phone, customerId: customer?.id ?? null, userId: null, language: customer?.language ?? 'en' };
  }
  const user = await db.user.findFirst({ where: channel === 'slack' ? { slackUserId: senderIdentity } : { teamsUserId: senderIdentity } });
  return { channel, phone: null, customerId: null, userId: user?.id ?? null, language: 'en' };
}

/** The sender's Customer row, created on first need (a hold or booking), never before. */
export async function ensureCustomer(db: PrismaClient, identity: Identity): Promise<string | null> {
  if (identity.customerId) return identity.customerId;
  if (!identity.phone) return null;
  const c = await db.customer.upsert({ where: { phone: identity.phone }, create: { phone: identity.phone }, update: {} });
  identity.customerId = c.id;
  return c.id;
}
