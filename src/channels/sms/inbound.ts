import type { AppContext } from '../../context.ts';
import type { InboundAttachment, InboundMessage, Orchestrator, OutboundReply } from '../../conversation/contract.ts';
import { maskPhone } from '../../log.ts';
import { classifyKeyword } from './keywords.ts';
import { ensureCustomer, markOptedIn, markOptedOut } from './optout.ts';
import type { SmsSender } from './outbound.ts';
import { zoneMayDiffer } from './phone.ts';
import { renderReply, showsTime } from './render.ts';
import { countSegments } from './segments.ts';

// One inbound SMS, processed exactly once per MessageSid.
//
// The reply's OutboundMessage row (idempotencyKey "sms:reply:<MessageSid>") is
// also the inbound record: it is inserted before anything else happens, and the
// unique key decides which delivery of a retried webhook does the work. Until
// the work is done the row has `segments = null`; duplicates (Twilio retries,
// even concurrent ones) wait for that and answer with the same TwiML. A reply
// that goes out through the REST API instead (slow provider, or past the webhook
// budget) is kind "reply_rest", and its duplicates answer with an empty TwiML so
// it is never sent twice.

export interface SmsInbound {
  /** E.164, normalized. */
  from: string;
  to: string;
  body: string;
  messageSid: string;
  media: InboundAttachment[];
  /** Set by Twilio when its own opt-out management already answered the keyword. */
  optOutType?: string;
  receivedAt: Date;
}

export type ReplyMode = 'twiml' | 'rest';

export interface InboundDeps {
  ctx: AppContext;
  orchestrator: Orchestrator;
  sender: SmsSender;
  /** 'rest': answer empty TwiML at once and reply through `enqueueReply` (a job). */
  replyMode: ReplyMode;
  /** How long a webhook may wait for the orchestrator before replying through REST. */
  budgetMs: number;
  /** Hands the message to the reply job; without it the work runs in this process after the answer. */
  enqueueReply?: (job: SmsReplyJob) => Promise<void>;
}

export interface SmsReplyJob {
  replyId: string;
  inbound: Omit<SmsInbound, 'receivedAt'> & { receivedAt: string };
}

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

/** A pending row older than this belongs to a process that died; a retry takes it over. */
const STALE_CLAIM_MS = 60_000;
const POLL_MS = 25;

const replyKey = (sid: string) => `sms:reply:${sid}`;

type KnownCustomer = { id: string; optedOut: boolean; language: string };
const APOLOGY = 'Sorry, something went wrong on our side. Please try again in a moment.';

interface Finished {
  /** Text for the TwiML answer, or null for an empty <Response/>. */
  twiml: string | null;
}

export function createInboundProcessor(deps: InboundDeps) {
  const { ctx, sender } = deps;
  // Keyed by MessageSid + sender, so a reused sid never joins another sender's work.
  const inflight = new Map<string, Promise<Finished>>();
  const inflightKey = (inbound: SmsInbound) => `${inbound.messageSid}|${inbound.from}`;
  const zones = zoneResolver(ctx);
  const handleTurn = (m: InboundMessage) => deps.orchestrator.handle(m);

  /**
   * Inserts the claim row and, in the same round trip, reads the sender's Customer,
   * which the owner needs next (null on first contact: created then).
   */
  async function claim(inbound: SmsInbound): Promise<{ id: string; owner: boolean; customer: KnownCustomer | null }> {
    const [row] = await ctx.db.$queryRaw<Array<{ claimed: string | null; customer_id: string | null; opted_out: boolean | null; language: string | null }>>`
      WITH claimed AS (
        INSERT INTO outbound_message (channel, "to", body, kind, idempotency_key, status, segments)
        VALUES ('sms', ${inbound.from}, '', 'reply', ${replyKey(inbound.messageSid)}, 'queued', NULL)
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING id::text)
      SELECT (SELECT id FROM claimed) AS claimed, c.id::text AS customer_id, c.opted_out, c.language
      FROM (SELECT 1) AS one LEFT JOIN customer c ON c.phone = ${inbound.from}`;
    const customer = row?.customer_id ? { id: row.customer_id, optedOut: row.opted_out ?? false, language: row.language ?? 'en' } : null;
    if (row?.claimed) return { id: row.claimed, owner: true, customer };
    const existing = await ctx.db.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: replyKey(inbound.messageSid) }, select: { id: true, to: true } });
    if (existing.to !== inbound.from) throw new MessageSidReused();
    return { id: existing.id, owner: false, customer };
  }

  async function finish(id: string, text: string | null, extra: { conversationId?: string | null; why?: string } = {}): Promise<Finished> {
    await ctx.db.outboundMessage.update({
      where: { id },
      data: text
        ? { body: text, status: 'sent', segments: countSegments(text).segments, conversationId: extra.conversationId ?? null }
        : { body: '', status: 'suppressed', segments: 0, error: extra.why ?? 'no reply', conversationId: extra.conversationId ?? null },
    });
    return { twiml: text };
  }

  async function renderFor(inbound: SmsInbound, reply: OutboundReply): Promise<string> {
    const zone = await zones.forReply(reply, inbound.from);
    const note = zone && zoneMayDiffer(inbound.from, zone.phone) ? { timeZone: zone.timeZone, now: ctx.clock() } : undefined;
    return renderReply(reply, { zoneNote: note });
  }

  function toMessage(inbound: SmsInbound) {
    return {
      channel: 'sms' as const,
      senderIdentity: inbound.from,
      text: inbound.body,
      attachments: inbound.media.length ? inbound.media : undefined,
      externalId: inbound.messageSid,
      receivedAt: inbound.receivedAt,
    };
  }

  /** Runs the orchestrator for a message whose reply goes out through REST (the job). */
  async function replyViaRest(replyId: string, inbound: SmsInbound): Promise<void> {
    const row = await ctx.db.outboundMessage.findUnique({ where: { id: replyId }, select: { segments: true, status: true } });
    if (!row) return;
    if (row.segments !== null) {
      // Answered already (a job retry). A reply the orchestrator wrote but that was
      // never handed to Twilio (the process died in between) goes out now; the
      // claim in deliver() keeps it to one send if the outbox sweeper is at it too.
      if (row.status === 'queued') await sender.deliver(replyId);
      return;
    }
    let reply: OutboundReply;
    try {
      reply = await handleTurn(toMessage(inbound));
    } catch (err) {
      ctx.log.error({ err, from: maskPhone(inbound.from) }, 'orchestrator failed on an SMS');
      reply = { conversationId: '', messages: [APOLOGY] };
    }
    await completeRest(replyId, inbound, reply);
  }

  async function completeRest(replyId: string, inbound: SmsInbound, reply: OutboundReply): Promise<void> {
    const text = await renderFor(inbound, reply);
    if (!text) {
      await finish(replyId, null, { conversationId: reply.conversationId || null, why: 'the orchestrator had nothing to say' });
      return;
    }
    await ctx.db.outboundMessage.update({
      where: { id: replyId },
      data: { body: text, kind: 'reply_rest', status: 'queued', segments: countSegments(text).segments, conversationId: reply.conversationId || null },
    });
    await sender.deliver(replyId);
  }

  async function keywordReply(inbound: SmsInbound, action: 'opt_out' | 'opt_in' | 'help', language: string): Promise<string | null> {
    const business = await ctx.db.business.findFirst({ select: { name: true, phone: true, email: true, website: true }, orderBy: { createdAt: 'asc' } });
    const name = business?.name ?? 'Frontdesk';
    // Twilio's Advanced Opt-Out already answered this keyword (OptOutType is set);
    // a second confirmation would be blocked or duplicate.
    const twilioAnswered = Boolean(inbound.optOutType);
    const es = language === 'es';
    if (action === 'opt_out') {
      await markOptedOut(ctx, inbound.from, 'STOP keyword');
      if (twilioAnswered) return null;
      return es
        ? `${name}: no recibirá más mensajes. Responda START para volver a suscribirse.`
        : `${name}: you are unsubscribed and will get no more texts. Reply START to resubscribe.`;
    }
    if (action === 'opt_in') {
      await markOptedIn(ctx, inbound.from);
      if (twilioAnswered) return null;
      return es
        ? `${name}: está suscrito de nuevo. Responda HELP para ayuda o STOP para darse de baja.`
        : `${name}: you are subscribed again. Reply HELP for help, STOP to opt out.`;
    }
    if (twilioAnswered) return null;
    const contact = [business?.phone, business?.email, business?.website].filter(Boolean).join(', ');
    return es
      ? `${name}: reservas por texto.${contact ? ` Contacto: ${contact}.` : ''} Responda STOP para darse de baja. Pueden aplicarse tarifas.`
      : `${name}: appointment booking by text.${contact ? ` Contact: ${contact}.` : ''} Reply STOP to opt out. Msg & data rates may apply.`;
  }

  async function work(id: string, inbound: SmsInbound, known: KnownCustomer | null): Promise<Finished> {
    const customer = known ?? (await ensureCustomer(ctx, inbound.from));
    const action = classifyKeyword(inbound.body, customer.optedOut);
    if (action) return finish(id, await keywordReply(inbound, action, customer.language), { why: 'Twilio answered the keyword itself' });
    if (customer.optedOut) {
      // Carriers forbid texting an opted-out number until it opts back in.
      return finish(id, null, { why: 'recipient opted out; only START/UNSTOP/YES is answered' });
    }

    if (deps.replyMode === 'rest') {
      await ctx.db.outboundMessage.update({ where: { id }, data: { kind: 'reply_rest' } });
      const job: SmsReplyJob = { replyId: id, inbound: { ...inbound, receivedAt: inbound.receivedAt.toISOString() } };
      if (deps.enqueueReply) await deps.enqueueReply(job);
      else void replyViaRest(id, inbound).catch((err) => ctx.log.error({ err }, 'sms REST reply failed'));
      return { twiml: null };
    }

    const pending = handleTurn(toMessage(inbound));
    const outcome = await Promise.race([
      pending.then((reply) => ({ reply }), (err: unknown) => ({ err })),
      new Promise<'late'>((resolve) => setTimeout(resolve, deps.budgetMs, 'late').unref()),
    ]);
    if (outcome === 'late') {
      // Twilio gives up on a webhook after ~15 s: answer now, send the reply when it exists.
      await ctx.db.outboundMessage.update({ where: { id }, data: { kind: 'reply_rest' } });
      ctx.log.warn({ from: maskPhone(inbound.from), budgetMs: deps.budgetMs }, 'sms reply missed the webhook budget; it will go out through REST');
      void pending
        .catch((err: unknown): OutboundReply => {
          ctx.log.error({ err, from: maskPhone(inbound.from) }, 'orchestrator failed on an SMS');
          return { conversationId: '', messages: [APOLOGY] };
        })
        .then((reply) => completeRest(id, inbound, reply))
        .catch((err) => ctx.log.error({ err }, 'late sms reply failed'));
      return { twiml: null };
    }
    if ('err' in outcome) {
      ctx.log.error({ err: outcome.err, from: maskPhone(inbound.from) }, 'orchestrator failed on an SMS');
      return finish(id, APOLOGY);
    }
    const text = await renderFor(inbound, outcome.reply);
    return finish(id, text || null, { conversationId: outcome.reply.conversationId || null, why: 'the orchestrator had nothing to say' });
  }

  async function awaitFinished(id: string, inbound: SmsInbound): Promise<Finished> {
    const deadline = Date.now() + deps.budgetMs;
    for (;;) {
      const own = inflight.get(inflightKey(inbound));
      if (own) return own;
      const row = await ctx.db.outboundMessage.findUnique({ where: { id }, select: { segments: true, kind: true, body: true, status: true, updatedAt: true } });
      if (!row) throw new Error('the first delivery of this message failed; Twilio may retry it');
      if (row.segments !== null) return { twiml: row.kind === 'reply' && row.status !== 'suppressed' && row.body ? row.body : null };
      if (row.kind === 'reply_rest') return { twiml: null };
      if (Date.now() - row.updatedAt.getTime() > STALE_CLAIM_MS) {
        const taken = await ctx.db.outboundMessage.updateMany({
          where: { id, segments: null, updatedAt: row.updatedAt },
          data: { status: 'queued' },
        });
        if (taken.count === 1) return run(id, inbound, null);
      }
      if (Date.now() > deadline) return { twiml: null };
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  function run(id: string, inbound: SmsInbound, customer: KnownCustomer | null): Promise<Finished> {
    const p = work(id, inbound, customer)
      .catch(async (err: unknown) => {
        // Release the claim so Twilio's retry (or the next delivery) can try again
        // instead of waiting for the stale-claim timeout.
        await ctx.db.outboundMessage.deleteMany({ where: { id, segments: null, kind: 'reply' } }).catch(() => undefined);
        throw err;
      })
      .finally(() => inflight.delete(inflightKey(inbound)));
    inflight.set(inflightKey(inbound), p);
    return p;
  }

  return {
    /** The text to answer in TwiML, or null for an empty <Response/>. */
    async handle(inbound: SmsInbound): Promise<string | null> {
      const own = inflight.get(inflightKey(inbound));
      if (own) return (await own).twiml;
      const { id, owner, customer } = await claim(inbound);
      const result = owner ? await run(id, inbound, customer) : await awaitFinished(id, inbound);
      return result.twiml;
    },
    /** The reply job's work for one message. */
    async processReplyJob(job: SmsReplyJob): Promise<void> {
      await replyViaRest(job.replyId, { ...job.inbound, receivedAt: new Date(job.inbound.receivedAt) });
    },
  };
}

export type InboundProcessor = ReturnType<typeof createInboundProcessor>;

interface Zone {
  timeZone: string;
  phone: string | null;
}

/** Active locations change rarely; they are re-read at most this often. */
const LOCATIONS_TTL_MS = 30_000;

/**
 * The zone times in a reply are written in. When every active location shares
 * one zone that is the answer, with no per-message query. Otherwise: the location
 * the orchestrator says the reply's times are at, else the one the conversation's
 * state names, else that of the customer's next appointment, else unknown (no note).
 */
function zoneResolver(ctx: AppContext) {
  let cache: { at: number; byId: Map<string, Zone>; shared: Zone | null } | null = null;

  async function locations() {
    if (cache && Date.now() - cache.at < LOCATIONS_TTL_MS) return cache;
    const rows = await ctx.db.location.findMany({
      where: { active: true },
      select: { id: true, timeZone: true, phone: true, business: { select: { phone: true } } },
    });
    const byId = new Map(rows.map((l) => [l.id, { timeZone: l.timeZone, phone: l.phone ?? l.business.phone }]));
    const zoneSet = new Set(rows.map((l) => l.timeZone));
    cache = { at: Date.now(), byId, shared: zoneSet.size === 1 ? byId.get(rows[0]!.id)! : null };
    return cache;
  }

  return {
    async forReply(reply: OutboundReply, phone: string): Promise<Zone | null> {
      const locs = await locations();
      if (locs.shared) return locs.shared;
      // No time of day in the reply: no note, so no zone to look up.
      if (!showsTime(reply)) return null;
      if (reply.locationId && locs.byId.has(reply.locationId)) return locs.byId.get(reply.locationId)!;
      const conversationId = reply.conversationId;
      const conv = conversationId
        ? await ctx.db.conversation.findUnique({ where: { id: conversationId }, select: { state: true } }).catch(() => null)
        : null;
      // The conversation state is the orchestrator's; only these two optional fields are read.
      const s = (conv?.state ?? {}) as { proposal?: { locationId?: unknown } | null; offers?: Array<{ locationId?: unknown }> };
      const candidate = s.proposal?.locationId ?? s.offers?.[0]?.locationId;
      if (typeof candidate === 'string' && locs.byId.has(candidate)) return locs.byId.get(candidate)!;
      const next = await ctx.db.appointment.findFirst({
        where: { customer: { phone }, status: { in: ['requested', 'confirmed'] }, startsAt: { gt: ctx.clock() } },
        orderBy: { updatedAt: 'desc' },
        select: { locationId: true },
      });
      return (next && locs.byId.get(next.locationId)) ?? null;
    },
  };
}
