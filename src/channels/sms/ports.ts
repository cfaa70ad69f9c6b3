import type { Config } from '../../config.ts';
import type { ExceptionType } from '../../contract/ops.ts';
import type { Clock } from '../../engine/clock.ts';
import type { Logger } from '../../log.ts';

// What the SMS channel needs from the rest of the application, as ports: its own
// storage (src/db/sms implements it with named SQL statements) and the ops core that
// opens exceptions for staff. The channel never sees a database client.

export type OutboundStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'undelivered' | 'suppressed' | 'outbox';

/** One row of the outbox: every SMS Frontdesk sends, replies included. */
export interface OutboundRow {
  id: string;
  to: string;
  body: string;
  kind: string;
  status: OutboundStatus;
  providerMessageId: string | null;
  segments: number | null;
  error: string | null;
  appointmentId: string | null;
  conversationId: string | null;
  attempts: number;
  createdAt: Date;
}

export interface NewOutboundRow {
  to: string;
  body: string;
  kind: string;
  idempotencyKey: string;
  status: 'queued' | 'suppressed';
  error: string | null;
  segments: number;
  appointmentId: string | null;
  conversationId: string | null;
}

/** What settling a claim may record. */
export interface Settlement {
  status: OutboundStatus;
  providerMessageId?: string;
  error?: string | null;
  segments?: number;
}

/** The outbox: rows, their claims (status sending with a lease) and provider statuses. */
export interface OutboxStore {
  /** Inserts the row, or returns null when a row with its idempotency key exists. */
  insert(row: NewOutboundRow): Promise<OutboundRow | null>;
  /** Inserts many rows in one round trip; returns the rows created by idempotency key (a key that existed is absent). */
  insertMany(rows: NewOutboundRow[]): Promise<Map<string, OutboundRow>>;
  byKey(idempotencyKey: string): Promise<OutboundRow>;
  /** The rows with these idempotency keys, by key. */
  byKeys(idempotencyKeys: string[]): Promise<Map<string, OutboundRow>>;
  byId(id: string): Promise<OutboundRow>;
  /** The rows with these ids, by id. */
  byIds(ids: string[]): Promise<Map<string, OutboundRow>>;
  byProviderId(providerMessageId: string): Promise<OutboundRow | null>;
  /** Claims one row by id if it is still queued and its body final. */
  claimQueued(id: string, leaseMs: number): Promise<OutboundRow | null>;
  /** Claims every listed row that is still queued and final and no one holds, in one round trip. */
  claimQueuedMany(ids: string[], leaseMs: number): Promise<OutboundRow[]>;
  /** Claims the oldest queued row no one holds. */
  claimNextQueued(leaseMs: number): Promise<OutboundRow | null>;
  /** Takes over the oldest sending row whose claimer's lease ran out. */
  claimNextExpired(leaseMs: number): Promise<OutboundRow | null>;
  /** Records the outcome of the claim `row` holds; false when another process took the row over. */
  settle(row: Pick<OutboundRow, 'id' | 'attempts'>, outcome: Settlement): Promise<boolean>;
  /** Settles many claims in one round trip (status and error only); returns the rows settled, by id. */
  settleMany(items: Array<{ row: Pick<OutboundRow, 'id' | 'attempts'>; status: OutboundStatus; error: string | null }>): Promise<Map<string, OutboundRow>>;
  /** Notes why a send did not complete, keeping the claim. */
  noteAttemptError(row: Pick<OutboundRow, 'id' | 'attempts'>, error: string): Promise<void>;
  /** Moves a row's delivery status from `from` to `to`; false when it was no longer `from`. */
  advanceStatus(id: string, from: OutboundStatus, to: OutboundStatus, error?: string): Promise<boolean>;
  /** Which of these provider sids are already recorded on a row. */
  recordedSids(sids: string[]): Promise<Set<string>>;
}

export interface SmsCustomer {
  id: string;
  optedOut: boolean;
  language: string;
}

export interface UpcomingAppointment {
  id: string;
  startsAt: Date;
  serviceName: string;
  timeZone: string;
}

export interface CustomerStore {
  byPhone(phone: string): Promise<SmsCustomer | null>;
  /** Which of these phones belong to a customer who opted out, in one round trip. */
  optedOutAmong(phones: string[]): Promise<Set<string>>;
  /** The customer for a phone, created on first contact; concurrent first contacts converge on one row. */
  ensure(phone: string): Promise<SmsCustomer>;
  setOptedOut(customerId: string, optedOutAt: Date | null): Promise<void>;
  upcomingAppointments(customerId: string, now: Date): Promise<UpcomingAppointment[]>;
}

/** The state of one inbound message's reply row (its claim). */
export interface ReplyState {
  to: string;
  kind: string;
  body: string;
  status: OutboundStatus;
  segments: number | null;
  updatedAt: Date;
}

/**
 * The inbound side of the outbox: the reply row of a MessageSid is also its
 * inbound record (see inbound.ts).
 */
export interface ReplyStore {
  /** Inserts the claim row and reads the sender's customer in one round trip; claimedId null when the key existed. */
  claim(idempotencyKey: string, from: string): Promise<{ claimedId: string | null; customer: SmsCustomer | null }>;
  idForKey(idempotencyKey: string): Promise<{ id: string; to: string }>;
  state(id: string): Promise<ReplyState | null>;
  /** The answer is written: sent as TwiML (text) or nothing to send (suppressed). */
  finish(id: string, outcome: { text: string; segments: number } | { why: string }, conversationId: string | null): Promise<void>;
  /** The reply goes out through the REST API instead of TwiML. */
  markRest(id: string): Promise<void>;
  /** The REST reply's text is written and queued for the sender. */
  queueRest(id: string, reply: { text: string; segments: number; conversationId: string | null }): Promise<void>;
  /** Takes over a claim whose owner stopped (its row unchanged since `updatedAt`). */
  takeOverStale(id: string, updatedAt: Date): Promise<boolean>;
  /** Drops an unfinished claim so a retry can start over. */
  release(id: string): Promise<void>;
}

export interface LocationZone {
  id: string;
  timeZone: string;
  /** The location's phone, else its business's. */
  phone: string | null;
}

export interface BusinessContact {
  name: string;
  phone: string | null;
  email: string | null;
  website: string | null;
}

/** What replies are rendered with: the business, its locations' zones, where a conversation is. */
export interface DirectoryStore {
  business(): Promise<BusinessContact | null>;
  activeLocations(): Promise<LocationZone[]>;
  /** The location a conversation is about, as its state names it. */
  conversationLocation(conversationId: string): Promise<string | null>;
  /** The location of the phone's most recently changed upcoming appointment. */
  nextAppointmentLocation(phone: string, now: Date): Promise<string | null>;
}

export interface SmsStore {
  outbox: OutboxStore;
  replies: ReplyStore;
  customers: CustomerStore;
  directory: DirectoryStore;
}

export interface RaisedException {
  type: Extract<ExceptionType, 'message_failed' | 'opted_out_upcoming'>;
  summary: string;
  appointmentId?: string | null;
  customerId?: string | null;
  conversationId?: string | null;
  details?: Record<string, unknown>;
  /** Identifies the subject when it is finer than the appointment (e.g. one outbound message). */
  dedupeKey?: string;
  /** Who acted, for the audit trail: a customer's STOP is the customer; a failed delivery is the system. */
  raisedBy: { type: 'customer' | 'system'; id: string };
}

/** The ops core as the channel uses it: open an exception for staff (deduplicated by the core). */
export interface SmsOps {
  raise(exception: RaisedException): Promise<unknown>;
}

/** What every part of the SMS channel is built from. */
export interface SmsDeps {
  config: Config;
  log: Logger;
  clock: Clock;
  store: SmsStore;
  ops: SmsOps;
}
