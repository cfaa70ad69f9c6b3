import type { DirectoryStore, SmsStore } from '../../channels/sms/ports.ts';
import type { PrismaClient } from '../client.ts';
import { createCustomerStore } from './customer-store.ts';
import { createDirectoryStore } from './directory-store.ts';
import { createOutboxStore } from './outbox-store.ts';
import { createReplyStore } from './reply-store.ts';

/** The SMS channel's storage (src/channels/sms/ports.ts) on the application database. */
export function createSmsStore(db: PrismaClient, from: { conversationLocation: DirectoryStore['conversationLocation'] }): SmsStore {
  return {
    outbox: createOutboxStore(db),
    replies: createReplyStore(db),
    customers: createCustomerStore(db),
    directory: createDirectoryStore(db, from.conversationLocation),
  };
}
