import { DateTime } from 'luxon';
import type { Prisma, PrismaClient } from '../db/client.ts';
import type { Actor, Scheduler } from '../engine/api.ts';
import type { Clock } from '../engine/clock.ts';
import type { Logger } from '../log.ts';
import { raiseException as openException } from '../ops/raise.ts';
import { createCatalogCache, locationZone, staffName, type Catalog } from './catalog.ts';
import type { ConversationChannel, InboundMessage, Orchestrator, OutboundReply, ReplyChoice } from './contract.ts';
import { normalizePhone } from '../phone.ts';
import { ensureCustomer, identityOf, senderKeys, type Identity } from './identity.ts';
import { serviceQuestions } from './intake.ts';
import { loadPrompts, renderSystemPrompt, type PromptSet } from './prompts.ts';
import type { ModelProvider, ProviderView, TokenUsage } from './providers/types.ts';
import { parseState, trimHistory, type ConversationState, type Proposal } from './state.ts';
import { createTurnGate, ensureConversation, readTurn, replyKey, saveTurn, storedReply, turnLimitFor, withConversationLock, type TranscriptRow, type Tx } from './store.ts';
import { RULE_TEXT, T, formatSlotLabel } from './templates.ts';
import { discardProposal, isOwn, offersFromAlternatives, runTool, toolSpecs, type Display, type ToolEnv, type ToolOutcome } from './tools/index.ts';
import { understand } from './understanding/index.ts';

// The orchestrator: every channel hands it an InboundMessage and renders the reply.
// The model (or the offline provider) proposes through tools; this file alone commits,
// and only on the customer's explicit yes tied to the proposal on screen.

export interface OrchestratorDeps {
  db: PrismaClient;
  scheduler: Scheduler;
  clock: Clock;
  log: Logger;
  provider: ModelProvider;
  /** How long a chosen time is held while the customer answers intake and confirms. */
  holdMinutes?: number;
  /** How long offered times can be picked. */
  offerMinutes?: number;
  /** Failed tool calls (since the last success) before a human takes over. */
  maxToolFailures?: number;
  /** Provider steps per inbound message. */
  maxSteps?: number;
  /** The business served; defaults to the oldest one in the database. */
  businessId?: string;
  prompts?: PromptSet;
  /**
   * Turns in flight at once in this process (default 4, and always below the Prisma
   * pool size when it can be read): see store.ts for why this keeps any number of
   * concurrent callers from exhausting the pool.
   */
  maxConcurrentTurns?: number;
}

const CHANNELS: ConversationChannel[] = ['sms', 'slack', 'teams', 'web'];
const MAX_TEXT = 2000;
const HUMAN_COMMAND = /^\s*(agent|human|operator|representative|person|a person)\s*[.!?]*\s*$/i;
const HELP_COMMAND = /^\s*(help|\?|menu)\s*[.!?]*\s*$/i;

/** The cached conversation id of a sender no longer has a row (deleted since): look it up again. */
class ConversationGone extends Error {}

/** Sender → conversation id, so a known sender's turn starts with the lock, not a lookup. Bounded; oldest out first. */
const MAX_KNOWN_CONVERSATIONS = 10_000;

export function createOrchestrator(deps: OrchestratorDeps): Orchestrator {
  const holdMinutes = deps.holdMinutes ?? 10;
  const offerMinutes = deps.offerMinutes ?? 30;
  const maxToolFailures = deps.maxToolFailures ?? 3;
  const maxSteps = deps.maxSteps ?? 6;
  const prompts = deps.prompts ?? loadPrompts();
  const specs = toolSpecs();
  const { db, scheduler, clock, provider } = deps;
  const gate = createTurnGate(turnLimitFor(db, deps.maxConcurrentTurns));
  const catalogAt = createCatalogCache(deps.businessId);
  const known = new Map<string, string>();

  async function conversationFor(channel: ConversationChannel, key: string): Promise<string> {
    const cacheKey = `${channel}:${key}`;
    const id = known.get(cacheKey);
    if (id) return id;
    const row = await ensureConversation(db, channel, key);
    if (known.size >= MAX_KNOWN_CONVERSATIONS) known.delete(known.keys().next().value!);
    known.set(cacheKey, row.id);
    return row.id;
  }

  async function handle(message: InboundMessage): Promise<OutboundReply> {
    if (!CHANNELS.includes(message.channel)) throw new Error(`unknown channel ${String(message.channel)}`);
    const sender = String(message.senderIdentity ?? '').trim();
    if (!sender) throw new Error('senderIdentity is required');
    const key = message.channel === 'sms' || message.channel === 'web' ? (normalizePhone(sender) ?? sender) : sender;
    for (let attempt = 0; ; attempt++) {
      const conversationId = await conversationFor(message.channel, key);
      try {
        return await turn(conversationId, message, key);
      } catch (err) {
        if (!(err instanceof ConversationGone) || attempt > 0) throw err;
        known.delete(`${message.channel}:${key}`);
      }
    }
  }

  async function turn(conversationId: string, message: InboundMessage, key: string): Promise<OutboundReply> {
    const started = Date.now();
    const reply = await gate.run(conversationId, () => withConversationLock(db, conversationId, (tx) => processTurn(tx, conversationId, message, key)));
    deps.log.info(
      { conversationId, channel: message.channel, provider: provider.name, replayed: reply.replayed, tools: reply.tools, ms: Date.now() - started },
      'conversation turn',
    );
    return reply.reply;
  }

  async function processTurn(tx: Tx, conversationId: string, message: InboundMessage, senderKey: string): Promise<{ reply: OutboundReply; replayed: boolean; tools: string[] }> {
    const keys = senderKeys(message.channel, senderKey);
    const row = await readTurn(tx, conversationId, { replyExternalId: message.externalId ? replyKey(message.externalId) : null, ...keys });
    if (!row) throw new ConversationGone();
    if (row.replied) return { reply: storedReply(conversationId, row.replyAttachments), replayed: true, tools: [] };
    const state = parseState(row.state);
    const identity = identityOf(message.channel, keys, row.sender);
    const catalog = await catalogAt(tx, row.scheduleVersion);
    const transcript: TranscriptRow[] = [];
    const toolsCalled: string[] = [];
    let handedOff = row.handedOff;
    const openHandoffs = row.openHandoffs;
    let handOffNow = false;
    /** Prompt version, provider and token usage of the model step that wrote the reply. */
    let replyMeta: Partial<TranscriptRow> = {};
    /** Where the times shown this turn are, when a tool or commit said. */
    let shownLocationId: string | undefined;

    const rawText = storable(typeof message.text === 'string' ? message.text : '');
    const attachments = (message.attachments ?? [])
      .filter((a) => a && typeof a.url === 'string')
      .slice(0, 10)
      .map((a) => ({ url: storable(a.url).slice(0, 2000), contentType: storable(String(a.contentType ?? '')).slice(0, 100) }));
    const choiceValueRaw = typeof message.choiceValue === 'string' ? storable(message.choiceValue).slice(0, 200) : null;
    transcript.push({
      direction: 'inbound',
      role: 'user',
      text: rawText.slice(0, 10_000),
      externalId: message.externalId ?? null,
      attachments:
        attachments.length || message.choiceValue
          ? ({ files: attachments, choiceValue: choiceValueRaw } as unknown as Prisma.InputJsonValue)
          : undefined,
    });
    // Control characters never reach the model or the parsers; long messages are read from the start.
    let text = rawText.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ').trim().slice(0, MAX_TEXT);
    const choiceValue = typeof message.choiceValue === 'string' ? storable(message.choiceValue).trim().slice(0, 200) : '';
    if (!text && choiceValue && !choiceValue.startsWith('confirm:')) text = choiceValue;

    const raiseException: ToolEnv['raiseException'] = async (e) => {
      await openException(tx, { ...e, conversationId, customerId: identity.customerId, raisedBy: { type: 'system', id: 'conversation' } });
    };

    const releases: Array<Promise<unknown>> = [];
    let out: { messages: string[]; choices?: ReplyChoice[] };
    try {
      out = await respond();
      await Promise.all(releases);
    } catch (err) {
      deps.log.error({ err: safeErr(err), conversationId }, 'conversation turn failed');
      out = { messages: [T.internalError] };
    }

    async function respond(): Promise<{ messages: string[]; choices?: ReplyChoice[] }> {
      if (!catalog) return { messages: [T.businessUnknown] };
      if (handedOff) {
        if (openHandoffs > 0) return { messages: [T.handedOffWaiting] };
        // Staff resolved the hand-off: the bot takes the conversation back.
        handedOff = false;
      }
      const env: ToolEnv = {
        db: tx,
        scheduler,
        clock,
        catalog,
        identity,
        conversationId,
        state,
        holdMinutes,
        offerMinutes,
        attachments,
        raiseException,
        handOff: async () => {
          handOffNow = true;
        },
        ensureCustomer: () => ensureCustomer(db, identity),
        releases,
      };

      if (choiceValue.startsWith('confirm:')) {
        const p = state.proposal;
        if (p && p.awaiting === 'confirmation' && p.id === choiceValue.slice('confirm:'.length)) return show(await commit(env, p, 'button'));
        return remember(rawText || choiceValue, { messages: [T.proposalGone] });
      }
      if (!text && !attachments.length) return { messages: [T.emptyMessage] };

      const pending = state.proposal;
      if (pending && pending.awaiting === 'confirmation') {
        const u = understand(text, { now: clock(), timeZone: catalog.business.timeZone, services: catalog.services, staff: catalog.staff, expecting: 'confirmation' });
        if (u.intent === 'confirm') return show(await commit(env, pending, 'text'));
        discardProposal(env);
        if (u.intent === 'decline' && !u.when && !u.serviceId && u.choiceIndex === undefined && !u.choiceTime) {
          state.expecting = null;
          return remember(text, { messages: [T.declined] });
        }
      }
      if (HUMAN_COMMAND.test(text)) {
        const o = await toolStep(env, 'orchestrator', { id: 'command_human', name: 'request_human', arguments: JSON.stringify({ reason: 'customer command' }) });
        return show(o.display ?? { messages: [T.handoff], expecting: null }, text);
      }
      if (HELP_COMMAND.test(text)) return remember(text, { messages: [T.help(catalog.business.name)] });
      // The one-letter commands of the UX contract, spelled out for the model.
      if (/^\s*c\s*[.!]?\s*$/i.test(text)) text = 'cancel my appointment';
      else if (/^\s*r\s*[.!]?\s*$/i.test(text)) text = 'reschedule my appointment';
      if (!text) text = '(sent an attachment)';
      return modelLoop(env, catalog, text);
    }

    function show(d: Display, userText?: string): { messages: string[]; choices?: ReplyChoice[] } {
      state.expecting = d.expecting;
      const o = { messages: d.messages, ...(d.choices?.length ? { choices: d.choices } : {}) };
      return userText === undefined ? o : remember(userText, o);
    }

    /** Keeps the model's transcript in step with what the customer saw. */
    function remember(userText: string, o: { messages: string[]; choices?: ReplyChoice[] }) {
      state.history.push({ role: 'user', content: userText.slice(0, MAX_TEXT) }, { role: 'assistant', content: o.messages.join('\n'), toolCall: null });
      return o;
    }

    async function toolStep(env: ToolEnv, by: string, call: { id: string; name: string; arguments: string }, meta: Partial<TranscriptRow> = {}): Promise<ToolOutcome> {
      toolsCalled.push(call.name);
      let outcome: ToolOutcome;
      try {
        outcome = await runTool(env, call.name, call.arguments);
        if (outcome.locationId) shownLocationId = outcome.locationId;
      } catch (err) {
        deps.log.error({ err: safeErr(err), conversationId, tool: call.name }, 'tool failed');
        outcome = { failure: true, result: { ok: false, error: { code: 'internal_error', message: 'The tool failed; try again or request a human.' } } };
      }
      transcript.push({
        direction: 'outbound',
        role: 'assistant',
        toolCalls: [{ id: call.id, name: call.name, arguments: call.arguments.slice(0, 5000), by }] as Prisma.InputJsonValue,
        ...meta,
      });
      transcript.push({ direction: 'outbound', role: 'tool', toolResult: { name: call.name, callId: call.id, result: outcome.result } as Prisma.InputJsonValue });
      return outcome;
    }

    async function modelLoop(env: ToolEnv, catalog: Catalog, userText: string): Promise<{ messages: string[]; choices?: ReplyChoice[] }> {
      state.history.push({ role: 'user', content: userText });
      const system = renderSystemPrompt(prompts, message.channel, systemVars(catalog));
      for (let step = 0; step < maxSteps; step++) {
        let s;
        try {
          s = await provider.next({ system, history: state.history, tools: specs, view: view(catalog), memory: state.providerMemory });
        } catch (err) {
          deps.log.warn({ err: safeErr(err), conversationId, provider: provider.name }, 'model provider failed');
          return failure(env, T.internalError);
        }
        if (s.memory) state.providerMemory = s.memory;
        const meta = { promptVersion: prompts.version, provider: provider.name, tokenUsage: usageJson(s.usage) };
        if (s.kind === 'tool') {
          state.history.push({ role: 'assistant', content: null, toolCall: s.call });
          const outcome = await toolStep(env, provider.name, s.call, meta);
          state.history.push({ role: 'tool', toolCallId: s.call.id, name: s.call.name, content: JSON.stringify(outcome.result) });
          if (outcome.failure) {
            state.toolFailures += 1;
            if (state.toolFailures >= maxToolFailures) return failure(env, T.handoffAfterFailures, true);
          }
          if (outcome.display) {
            state.expecting = outcome.display.expecting;
            const o = { messages: outcome.display.messages, ...(outcome.display.choices?.length ? { choices: outcome.display.choices } : {}) };
            state.history.push({ role: 'assistant', content: o.messages.join('\n'), toolCall: null });
            return o;
          }
          continue;
        }
        const cap = message.channel === 'sms' ? 480 : 2000;
        const replyText = (s.text || T.notUnderstood).slice(0, cap);
        replyMeta = meta;
        state.history.push({ role: 'assistant', content: replyText, toolCall: null });
        state.expecting = s.expecting ?? (state.offers.length && !state.proposal ? 'choice' : state.proposal?.awaiting === 'intake' ? 'intake' : null);
        return { messages: [replyText], ...(s.choices?.length ? { choices: s.choices } : {}) };
      }
      return failure(env, T.notUnderstood);
    }

    /** A turn that went nowhere; at the limit, a person takes over. */
    async function failure(env: ToolEnv, text: string, atLimit = false): Promise<{ messages: string[] }> {
      if (!atLimit) {
        state.toolFailures += 1;
        atLimit = state.toolFailures >= maxToolFailures;
      }
      if (atLimit) {
        discardProposal(env);
        await raiseException({ type: 'human_requested', summary: 'The assistant could not complete the request', details: { reason: 'repeated_failures', failures: state.toolFailures } });
        handOffNow = true;
        state.toolFailures = 0;
        text = T.handoffAfterFailures;
      }
      state.history.push({ role: 'assistant', content: text, toolCall: null });
      return { messages: [text] };
    }

    function view(catalog: Catalog): ProviderView {
      const now = clock();
      const refByAppointment = new Map(Object.entries(state.appointmentRefs).map(([ref, id]) => [id, ref]));
      const p = state.proposal;
      let question: NonNullable<ProviderView['proposal']>['question'] = null;
      if (p?.awaiting === 'intake' && p.intakeQuestionId) {
        const q = serviceQuestions(catalog.services.find((s) => s.id === p.serviceId)?.intakeQuestions).find((x) => x.id === p.intakeQuestionId);
        if (q) question = { id: q.id, type: q.type, options: q.type === 'choice' ? q.options : [] };
      }
      return {
        channel: message.channel,
        now: now.toISOString(),
        timeZone: catalog.business.timeZone,
        businessName: catalog.business.name,
        services: catalog.services.map((s) => ({ id: s.id, name: s.name, slug: s.slug, synonyms: s.synonyms })),
        staff: catalog.staff.map((s) => ({ id: s.id, name: s.name })),
        offers: state.offers
          .filter((o) => new Date(o.expiresAt) > now)
          .map((o) => ({
            id: o.id,
            label: o.label,
            start: o.start,
            local: DateTime.fromISO(o.start, { zone: locationZone(catalog, o.locationId) }).toFormat("yyyy-MM-dd'T'HH:mm"),
            forAppointmentRef: o.forAppointmentId ? (refByAppointment.get(o.forAppointmentId) ?? null) : null,
          })),
        proposal: p ? { kind: p.kind, awaiting: p.awaiting, question } : null,
        expecting: state.expecting,
      };
    }

    function systemVars(catalog: Catalog): Record<string, string> {
      const now = DateTime.fromJSDate(clock(), { zone: catalog.business.timeZone });
      return {
        business_name: catalog.business.name,
        today: now.toFormat('cccc, LLLL d, yyyy'),
        now_time: now.toFormat('h:mm a'),
        time_zone: catalog.business.timeZone,
      };
    }

    /** Commits exactly the proposal the customer said yes to. */
    async function commit(env: ToolEnv, p: Proposal, how: 'text' | 'button'): Promise<Display> {
      state.proposal = null;
      const actor: Actor = { type: 'customer', id: identity.customerId ?? identity.userId ?? undefined, channel: identity.channel };
      const c = env.catalog;
      const svc = c.services.find((s) => s.id === p.serviceId);
      let result: Record<string, unknown>;
      let display: Display;
      if (p.kind === 'book') {
        const customerId = await env.ensureCustomer();
        actor.id = customerId ?? actor.id;
        const request = {
          service: p.serviceId,
          start: new Date(p.start!),
          resourceId: p.resourceIds[0],
          locationId: p.locationId ?? undefined,
          customerId: customerId ?? undefined,
          requesterUserId: identity.userId ?? undefined,
          channel: identity.channel,
          intake: p.intake,
          attachments: p.attachments,
          forceRequested: p.intakeMissing.length > 0,
          idempotencyKey: `conversation:${conversationId}:${p.id}`,
          actor,
        };
        let booked = await scheduler.book({ ...request, holdId: p.holdId ?? undefined });
        // The hold ran out while the customer answered: book the same time directly if it is still free.
        if (!booked.ok && booked.kind === 'rule' && booked.rule === 'hold_expired') booked = await scheduler.book(request);
        if (booked.ok) {
          const a = booked.appointment;
          shownLocationId = a.locationId;
          const label = formatSlotLabel(a.start, locationZone(c, a.locationId), staffName(c, a.resourceIds));
          if (p.intakeMissing.length) {
            await raiseException({ type: 'intake_incomplete', summary: `Intake incomplete for ${a.serviceName}`, appointmentId: a.id, details: { missing: p.intakeMissing } });
          }
          result = { ok: true, appointmentId: a.id, status: a.status };
          display = {
            messages: [a.status === 'confirmed' ? T.booked(a.serviceName, label) : p.intakeMissing.length ? T.requestedIncomplete(a.serviceName, label) : T.requested(a.serviceName, label)],
            expecting: null,
          };
          state.offers = [];
          state.providerMemory = {};
        } else if (booked.kind === 'conflict') {
          result = { ok: false, kind: 'conflict' };
          display = offersFromAlternatives(env, p.serviceId, booked.alternatives, T.slotTaken).display!;
        } else {
          result = { ok: false, kind: 'rule', rule: booked.rule };
          display = { messages: [T.commitFailed(RULE_TEXT[booked.rule] ?? 'that time cannot be booked.')], expecting: null };
        }
      } else {
        const appt = p.appointmentId ? await scheduler.getAppointment(p.appointmentId) : null;
        const requester = appt && identity.userId ? (await tx.appointment.findUnique({ where: { id: appt.id }, select: { requesterUserId: true } }))?.requesterUserId : null;
        if (!appt || !isOwn(identity, appt, requester)) {
          result = { ok: false, kind: 'not_own' };
          display = { messages: [T.refusal], expecting: null };
        } else if (p.kind === 'reschedule') {
          const changed = await scheduler.reschedule(appt.id, new Date(p.start!), actor, { resourceId: p.resourceIds[0] });
          if (changed.ok) {
            const a = changed.appointment;
            shownLocationId = a.locationId;
            result = { ok: true, appointmentId: a.id, rescheduledFromId: appt.id, status: a.status };
            display = { messages: [T.rescheduled(a.serviceName, formatSlotLabel(a.start, locationZone(c, a.locationId), staffName(c, a.resourceIds)))], expecting: null };
            state.offers = [];
            state.providerMemory = {};
          } else if (changed.kind === 'conflict') {
            result = { ok: false, kind: 'conflict' };
            const o = offersFromAlternatives(env, p.serviceId, changed.alternatives, T.slotTaken);
            for (const offer of state.offers) offer.forAppointmentId = appt.id;
            display = o.display!;
          } else {
            result = { ok: false, kind: 'rule', rule: changed.rule };
            display = { messages: [T.commitFailed(RULE_TEXT[changed.rule] ?? 'that time cannot be booked.')], expecting: null };
          }
        } else {
          const canceled = await scheduler.cancel(appt.id, actor, `customer request via ${identity.channel}`);
          if (canceled.ok) {
            shownLocationId = appt.locationId;
            result = { ok: true, appointmentId: appt.id, status: 'canceled', lateCancel: canceled.lateCancel ?? false };
            const msg = T.canceled(appt.serviceName, formatSlotLabel(appt.start, locationZone(c, appt.locationId)).trim());
            display = { messages: [canceled.lateCancel ? `${msg} ${T.lateCancelNote}` : msg], expecting: null };
            state.providerMemory = {};
          } else {
            result = { ok: false, kind: canceled.kind };
            display = { messages: [T.commitFailed(canceled.kind === 'rule' ? (RULE_TEXT[canceled.rule] ?? 'it could not be canceled.') : 'it could not be canceled.')], expecting: null };
          }
        }
      }
      toolsCalled.push(`commit_${p.kind}`);
      transcript.push({
        direction: 'outbound',
        role: 'tool',
        toolCalls: [{ name: `commit_${p.kind}`, proposalId: p.id, confirmedBy: how, service: svc?.slug ?? p.serviceId, start: p.start, appointmentId: p.appointmentId, by: 'orchestrator' }] as Prisma.InputJsonValue,
        toolResult: result as Prisma.InputJsonValue,
      });
      if (result.ok) state.toolFailures = 0;
      state.history.push({ role: 'user', content: text || 'yes' }, { role: 'assistant', content: display.messages.join('\n'), toolCall: null });
      return display;
    }

    const reply: OutboundReply = {
      conversationId,
      messages: out.messages.filter((m) => m.trim() !== '').length ? out.messages : [T.notUnderstood],
      ...(out.choices ? { choices: out.choices } : {}),
      ...(handOffNow || handedOff ? { handedOff: true } : {}),
    };
    const locationId = shownLocationId ?? state.proposal?.locationId ?? state.offers[0]?.locationId;
    if (locationId) reply.locationId = locationId;
    if (handOffNow) state.expecting = null;
    transcript.push({
      direction: 'outbound',
      role: 'assistant',
      text: reply.messages.join('\n\n'),
      externalId: message.externalId ? replyKey(message.externalId) : null,
      attachments: { messages: reply.messages, choices: reply.choices ?? null, handedOff: reply.handedOff ?? false, locationId: reply.locationId ?? null } as Prisma.InputJsonValue,
      ...replyMeta,
    });
    state.history = trimHistory(state.history);
    await saveTurn(tx, conversationId, transcript, {
      state,
      handedOff: handOffNow || handedOff,
      lastMessageAt: clock(),
      customerId: identity.customerId ?? row.customerId,
      userId: identity.userId ?? row.userId,
    });
    return { reply, replayed: false, tools: toolsCalled };
  }

  return { handle };
}

/**
 * What of an error may be logged: its kind and codes, never its message, which can quote
 * the data being written (customer text, phone numbers).
 */
function safeErr(err: unknown): Record<string, unknown> {
  const e = err as { name?: string; code?: unknown; status?: unknown; stack?: string };
  const frame = e?.stack?.split('\n').find((l) => l.includes('/src/'))?.trim();
  return { type: e?.name ?? typeof err, code: e?.code, status: e?.status, at: frame };
}

/** Postgres text and jsonb refuse NUL and unpaired surrogates; customers can send both. */
function storable(s: string): string {
  return s.replace(/\u0000/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function usageJson(u: TokenUsage | undefined): Prisma.InputJsonValue | undefined {
  return u ? (u as unknown as Prisma.InputJsonValue) : undefined;
}

export type { Identity, ConversationState };
