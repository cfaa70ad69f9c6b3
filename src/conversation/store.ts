import type { Prisma, PrismaClient } from '../db/client.ts';
import { poolSizeOf } from '../db/client.ts';
import type { ConversationChannel, OutboundReply } from '../contract/conversation.ts';

// Conversation persistence: the row per (channel, sender), one inbound message processed
// at a time per conversation, and the stored reply that answers a retried message.
//
// Connections. A turn runs inside one Prisma interactive transaction (it holds one pooled
// connection from the advisory lock to the commit) and does all its own reads and writes
// through that transaction. Two things may still need a second Prisma connection while
// the first is held: creating the sender's Customer row (it must be committed before the
// engine, on other connections, can put a hold or booking on it) and an engine whose store
// has no pool of its own and falls back to the Prisma client. A turn therefore holds at
// most one connection while it waits for at most one more, and the turn gate below keeps
// the number of turns in flight under the pool size: some connection is always either
// free or held by a statement that finishes without waiting on any turn, so no burst of
// messages, from any channel, can leave every connection waiting on another.

export type Tx = Prisma.TransactionClient;

/** The conversation row for this sender, created on first contact (committed, so holds can reference it). */
export async function ensureConversation(db: PrismaClient, channel: ConversationChannel, externalId: string): Promise<{ id: string }> {
  for (let attempt = 0; ; attempt++) {
    // One round trip, and no write when the row exists (the common case).
    const rows = await db.$queryRaw<Array<{ id: string }>>`
      WITH ins AS (
        INSERT INTO conversation (channel, external_id) VALUES (${channel}::"Channel", ${externalId})
        ON CONFLICT (channel, external_id) DO NOTHING
        RETURNING id::text)
      SELECT id FROM ins
      UNION ALL
      SELECT id::text FROM conversation WHERE channel = ${channel}::"Channel" AND external_id = ${externalId}`;
    if (rows[0]) return rows[0];
    // A concurrent first message inserted the row after this statement's snapshot: read it now.
    if (attempt >= 2) throw new Error('conversation row could not be created or read');
  }
}

/** The key of a conversation's transaction-scoped advisory lock (hashed by the database). */
const lockKey = (conversationId: string) => `conversation:${conversationId}`;

/** Takes the conversation's lock until `tx` ends: turns and anything else that writes its state queue on it. */
export async function lockConversation(tx: Tx, conversationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey(conversationId)}, 0))`;
}

/**
 * Runs a turn in one transaction: everything `fn` writes through `tx` commits together
 * (state, transcript, reply, exceptions). Its first statement must be readTurn, which
 * takes the conversation's advisory lock before it reads (in the same round trip), so
 * two messages of one conversation are processed one after the other, never
 * interleaved (also across processes). `fn` must do its database work through `tx`
 * (see the top of this file).
 */
export async function inTurnTransaction<T>(db: PrismaClient, fn: (tx: Tx) => Promise<T>, timeoutMs = 120_000): Promise<T> {
  return db.$transaction(fn, { timeout: timeoutMs, maxWait: timeoutMs });
}

export interface TurnGate {
  /** Runs `fn` after every earlier call with the same key has finished, and within the concurrency limit. */
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * At most `limit` turns in flight in this process. Turns of one conversation queue here,
 * in arrival order, before they take a slot: a second message of a conversation would
 * only wait for the advisory lock, and waiting there would pin a pooled connection and a
 * slot that another conversation could use.
 */
export function createTurnGate(limit: number): TurnGate {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`turn limit must be a positive integer, got ${limit}`);
  let active = 0;
  const waiting: Array<() => void> = [];
  const tails = new Map<string, Promise<void>>();

  async function slot<T>(fn: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  }

  return {
    async run(key, fn) {
      const previous = tails.get(key);
      let done!: () => void;
      const mine = new Promise<void>((resolve) => (done = resolve));
      tails.set(key, mine);
      try {
        if (previous) await previous;
        return await slot(fn);
      } finally {
        done();
        if (tails.get(key) === mine) tails.delete(key);
      }
    },
  };
}

/** Turns in flight when the caller does not say: the old per-channel bound, and below the default pool of 10. */
export const DEFAULT_TURN_LIMIT = 4;

/**
 * The turn limit for a Prisma client: `requested` (or the default), capped one below the
 * client's pool size (known for clients made by createPrisma), so one connection is always left for the
 * statements turns wait on.
 */
export function turnLimitFor(db: PrismaClient, requested?: number): number {
  const want = requested ?? DEFAULT_TURN_LIMIT;
  const max = poolSizeOf(db);
  return max === undefined ? want : Math.max(1, Math.min(want, max - 1));
}


export function replyKey(inboundExternalId: string): string {
  return `reply:${inboundExternalId}`;
}

type StoredReplyJson = { messages?: string[]; choices?: OutboundReply['choices']; handedOff?: boolean; locationId?: string | null } | null;

/** The reply already sent for an inbound message, from its stored reply row's attachments. */
export function storedReply(conversationId: string, attachments: unknown): OutboundReply {
  const a = attachments as StoredReplyJson;
  return {
    conversationId,
    messages: a?.messages ?? [],
    ...(a?.choices ? { choices: a.choices } : {}),
    ...(a?.handedOff ? { handedOff: true } : {}),
    ...(a?.locationId ? { locationId: a.locationId } : {}),
  };
}

/** The sender's latest notice, while nothing was said in the conversation since it went out. */
export interface AnswerableNotice {
  id: string;
  kind: string;
  idempotencyKey: string;
  appointmentId: string | null;
}

/** What a turn needs from the database before it starts, read in one statement under the lock. */
export interface TurnRow {
  state: unknown;
  handedOff: boolean;
  customerId: string | null;
  userId: string | null;
  /** Set when this inbound message id was answered before (the stored reply row exists). */
  replied: boolean;
  replyAttachments: unknown;
  /** The sender's Customer (by phone), or app user (by Slack/Teams id). */
  sender: { customerId: string | null; language: string | null; userId: string | null };
  /** Unresolved hand-offs of this conversation (counted only while it is handed off). */
  openHandoffs: number;
  /** Bumped by triggers on every scheduling configuration table; keys the catalog cache. */
  scheduleVersion: string | null;
  /** Read only when asked for (a short reply that may answer a notice). */
  notice: AnswerableNotice | null;
}

export interface TurnRead {
  replyExternalId: string | null;
  phone: string | null;
  slackUserId: string | null;
  teamsUserId: string | null;
  /** The channel and address the sender's notices went to; null: no notice is read. */
  noticeTo: { channel: string; address: string } | null;
}

// The turn's read, run by read_after_advisory_lock (see its migration) with its
// parameters as one JSON object ($1). The notice is the latest sent to the sender on
// this channel, and only while no message of the conversation came after it.
const TURN_SQL = `
  SELECT c.state, c.handed_off, c.customer_id::text AS customer_id, c.user_id::text AS user_id,
    r.id IS NOT NULL AS replied, r.attachments AS reply_attachments,
    cu.id::text AS sender_customer_id, cu.language AS sender_language,
    coalesce(
      (SELECT u.id::text FROM app_user u WHERE u.slack_user_id = $1->>'slackUserId'),
      (SELECT u.id::text FROM app_user u WHERE u.teams_user_id = $1->>'teamsUserId')
    ) AS sender_user_id,
    CASE WHEN c.handed_off THEN
      (SELECT count(*) FROM exception e WHERE e.conversation_id = c.id AND e.type = 'human_requested' AND e.status IN ('open', 'assigned'))
    ELSE 0 END::int AS open_handoffs,
    (SELECT v.version::text FROM schedule_version v WHERE v.id = 1) AS schedule_version,
    (SELECT jsonb_build_object('id', n.id::text, 'kind', n.kind, 'idempotencyKey', n.idempotency_key, 'appointmentId', n.appointment_id::text)
       FROM (SELECT * FROM customer_notice n
             WHERE n.channel = $1->>'noticeChannel' AND n.address = $1->>'noticeAddress'
             ORDER BY n.sent_at DESC, n.id DESC LIMIT 1) n
       WHERE NOT EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND m.created_at > n.sent_at)) AS notice
  FROM conversation c
  LEFT JOIN message r ON r.conversation_id = c.id AND r.external_id = $1->>'replyExternalId'
  LEFT JOIN customer cu ON cu.phone = $1->>'phone'
  WHERE c.id = ($1->>'conversationId')::uuid`;

interface TurnJson {
  state: unknown;
  handed_off: boolean;
  customer_id: string | null;
  user_id: string | null;
  replied: boolean;
  reply_attachments: unknown;
  sender_customer_id: string | null;
  sender_language: string | null;
  sender_user_id: string | null;
  open_handoffs: number;
  schedule_version: string | null;
  notice: AnswerableNotice | null;
}

/** Takes the conversation's lock and reads what the turn needs, in one round trip; null when the row is gone. */
export async function readTurn(tx: Tx, conversationId: string, opts: TurnRead): Promise<TurnRow | null> {
  const args = {
    conversationId,
    replyExternalId: opts.replyExternalId,
    phone: opts.phone,
    slackUserId: opts.slackUserId,
    teamsUserId: opts.teamsUserId,
    noticeChannel: opts.noticeTo?.channel ?? null,
    noticeAddress: opts.noticeTo?.address ?? null,
  };
  const rows = await tx.$queryRaw<Array<{ row: TurnJson }>>`
    SELECT read_after_advisory_lock(${lockKey(conversationId)}, ${TURN_SQL}, ${JSON.stringify(args)}::jsonb) AS row`;
  const r = rows[0]?.row;
  if (!r) return null;
  return {
    state: r.state,
    handedOff: r.handed_off,
    customerId: r.customer_id,
    userId: r.user_id,
    replied: r.replied,
    replyAttachments: r.reply_attachments,
    sender: { customerId: r.sender_customer_id, language: r.sender_language, userId: r.sender_user_id },
    openHandoffs: r.open_handoffs,
    scheduleVersion: r.schedule_version,
    notice: r.notice,
  };
}

export interface TranscriptRow {
  direction: 'inbound' | 'outbound';
  role: string;
  text?: string | null;
  externalId?: string | null;
  toolCalls?: Prisma.InputJsonValue;
  toolResult?: Prisma.InputJsonValue;
  attachments?: Prisma.InputJsonValue;
  promptVersion?: string;
  provider?: string;
  tokenUsage?: Prisma.InputJsonValue;
}

/** Writes the turn's transcript rows and the conversation's new state in one statement. */
export async function saveTurn(
  tx: Tx,
  conversationId: string,
  transcript: TranscriptRow[],
  update: { state: unknown; handedOff: boolean; lastMessageAt: Date; customerId: string | null; userId: string | null },
): Promise<void> {
  const rows = transcript.map((t) => ({
    direction: t.direction,
    role: t.role,
    text: t.text ?? null,
    external_id: t.externalId ?? null,
    tool_calls: t.toolCalls ?? null,
    tool_result: t.toolResult ?? null,
    attachments: t.attachments ?? null,
    prompt_version: t.promptVersion ?? null,
    provider: t.provider ?? null,
    token_usage: t.tokenUsage ?? null,
    created_at: nextStamp().toISOString(),
  }));
  const written = await tx.$executeRaw`
    WITH m AS (
      INSERT INTO message (conversation_id, direction, role, text, external_id, tool_calls, tool_result, attachments, prompt_version, provider, token_usage, created_at)
      SELECT ${conversationId}::uuid, r.direction::"MessageDirection", r.role, r.text, r.external_id, r.tool_calls, r.tool_result, r.attachments,
        r.prompt_version, r.provider, r.token_usage, r.created_at
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
        direction text, role text, text text, external_id text, tool_calls jsonb, tool_result jsonb, attachments jsonb,
        prompt_version text, provider text, token_usage jsonb, created_at timestamptz)
      RETURNING 1)
    UPDATE conversation SET
      state = ${JSON.stringify(update.state)}::jsonb,
      handed_off = ${update.handedOff},
      last_message_at = ${update.lastMessageAt},
      customer_id = ${update.customerId}::uuid,
      user_id = ${update.userId}::uuid,
      updated_at = now()
    WHERE id = ${conversationId}::uuid AND (SELECT count(*) FROM m) = ${rows.length}`;
  if (written !== 1) throw new Error('conversation turn was not saved');
}

let lastStamp = 0;
/** Strictly increasing timestamps, so transcript rows written in one transaction keep their order. */
export function nextStamp(): Date {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp);
}
