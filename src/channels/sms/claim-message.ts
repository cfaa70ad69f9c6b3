import type { SmsInbound } from './inbound-types.ts';
import type { ReplyStore, SmsCustomer } from './ports.ts';

// The first step of every inbound message: claim its MessageSid. The reply row
// (idempotencyKey "sms:reply:<MessageSid>") is inserted before anything else
// happens, and its unique key decides which delivery of a retried webhook works.

/**
 * A MessageSid already claimed by another sender. Twilio never reuses a sid, so
 * this is a forged or replayed request; answering it with the first sender's
 * reply would leak that conversation.
 */
export class MessageSidReused extends Error {
  constructor() {
    super('This MessageSid was already received from another sender.');
    this.name = 'MessageSidReused';
  }
}

export const replyKey = (sid: string) => `sms:reply:${sid}`;

export interface Claim {
  id: string;
  /** True for the delivery that does the work; duplicates wait for it. */
  owner: boolean;
  /** The sender's customer, read in the same round trip (null on first contact). */
  customer: SmsCustomer | null;
}

export async function claimMessage(replies: ReplyStore, inbound: SmsInbound): Promise<Claim> {
  const { claimedId, customer } = await replies.claim(replyKey(inbound.messageSid), inbound.from);
  if (claimedId) return { id: claimedId, owner: true, customer };
  const existing = await replies.idForKey(replyKey(inbound.messageSid));
  if (existing.to !== inbound.from) throw new MessageSidReused();
  return { id: existing.id, owner: false, customer };
}
