import { randomInt } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Actor, AppointmentView, Scheduler, Slot } from '../../engine/api.ts';
import type { Clock } from '../../engine/clock.ts';
import { findService, locationZone, staffName, type Catalog } from '../catalog.ts';
import type { InboundAttachment, ReplyChoice } from '../contract.ts';
import type { Identity } from '../identity.ts';
import { isSkip, missingRequired, nextQuestion, parseAnswer, renderQuestion, serviceQuestions, type IntakeQuestion } from '../intake.ts';
import type { ConversationState, Offer, Proposal } from '../state.ts';
import type { Tx } from '../store.ts';
import { CHOICE_LABELS, T, formatSlotLabel, formatWhen, numbered } from '../templates.ts';
import { TERMINAL_TOOLS, toolSchemas, type ToolArgs, type ToolName } from './definitions.ts';

export { toolSpecs, toolSchemas, TOOL_NAMES, type ToolName } from './definitions.ts';

// Tool handlers: the only way a model acts. Each validates its arguments, acts as the
// channel's identity (never an id from the arguments), and returns a structured result
// the model can read. Scheduling goes only through the engine's Scheduler. Booking,
// rescheduling and canceling tools record a proposal in the conversation state; the
// orchestrator commits it only on the customer's explicit yes.

export interface ToolEnv {
  /** The turn's transaction: tools read and write nothing outside it (see store.ts). */
  db: Tx;
  scheduler: Scheduler;
  clock: Clock;
  catalog: Catalog;
  identity: Identity;
  conversationId: string;
  state: ConversationState;
  holdMinutes: number;
  offerMinutes: number;
  attachments: InboundAttachment[];
  /** Records an Exception for staff (written in the conversation's transaction). */
  raiseException(e: { type: 'human_requested' | 'no_slot' | 'intake_incomplete'; summary: string; appointmentId?: string; details?: Record<string, unknown> }): Promise<void>;
  handOff(): Promise<void>;
  /** The sender's Customer id, creating and committing the row on first need (holds and bookings refer to it). */
  ensureCustomer(): Promise<string | null>;
  /** Hold releases started this turn; the orchestrator waits for them before it answers. */
  releases: Array<Promise<unknown>>;
}

/** What the customer is shown when a tool's result is what they must answer next. */
export interface Display {
  messages: string[];
  choices?: ReplyChoice[];
  expecting: ConversationState['expecting'];
}

export interface ToolOutcome {
  result: Record<string, unknown> & { ok: boolean };
  display?: Display;
  /** A failure that counts toward the hand-off limit (the model misused a tool). */
  failure: boolean;
  handedOff?: boolean;
  /** The location of the times this result shows, when the state does not say (listed appointments). */
  locationId?: string;
}

const OFFER_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const MAX_OFFERS = 4;

function shortId(taken: Set<string>): string {
  for (;;) {
    let id = '';
    for (let i = 0; i < 4; i++) id += OFFER_ALPHABET[randomInt(OFFER_ALPHABET.length)];
    if (!taken.has(id)) return id;
  }
}

function fail(code: string, message: string, failure = true, extra: Record<string, unknown> = {}): ToolOutcome {
  return { result: { ok: false, error: { code, message }, ...extra }, failure };
}

function actorOf(env: ToolEnv): Actor {
  return { type: 'customer', id: env.identity.customerId ?? env.identity.userId ?? undefined, channel: env.identity.channel };
}

export async function runTool(env: ToolEnv, name: string, rawArguments: string): Promise<ToolOutcome> {
  if (!(name in toolSchemas)) return fail('unknown_tool', `There is no tool named ${JSON.stringify(name.slice(0, 40))}.`);
  let json: unknown;
  try {
    json = rawArguments.trim() === '' ? {} : JSON.parse(rawArguments);
  } catch {
    return fail('invalid_arguments', 'Arguments must be a JSON object.');
  }
  const parsed = toolSchemas[name as ToolName].safeParse(json);
  if (!parsed.success) {
    return fail('invalid_arguments', parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; '));
  }
  const outcome = await handlers[name as ToolName](env, parsed.data as never);
  if (outcome.result.ok && TERMINAL_TOOLS.has(name as ToolName)) env.state.toolFailures = 0;
  return outcome;
}

type Handler<N extends ToolName> = (env: ToolEnv, args: ToolArgs<N>) => Promise<ToolOutcome>;

const handlers: { [N in ToolName]: Handler<N> } = {
  async list_services(env) {
    return {
      failure: false,
      result: {
        ok: true,
        services: env.catalog.services.map((s) => ({
          service: s.slug,
          name: s.name,
          duration_minutes: s.durationMinutes,
          price: s.priceCents === null ? null : `$${(s.priceCents / 100).toFixed(2)}`,
          description: s.description,
        })),
      },
    };
  },

  async find_slots(env, args) {
    const now = env.clock();
    const tz = env.catalog.business.timeZone;
    let service = findService(env.catalog, args.service);
    let forAppointment: AppointmentView | null = null;
    if (args.appointment_ref) {
      const own = await ownAppointment(env, args.appointment_ref);
      if (!own.ok) return own.outcome;
      forAppointment = own.appointment;
      service = env.catalog.services.find((s) => s.id === own.appointment.serviceId);
    }
    if (!service) {
      return fail('unknown_service', 'No such service. Use list_services.', true, { services: env.catalog.services.map((s) => s.slug) });
    }
    let resourceId: string | undefined;
    if (args.staff) {
      const key = args.staff.trim().toLowerCase();
      const staff = env.catalog.staff.find((s) => s.name.toLowerCase() === key) ?? env.catalog.staff.find((s) => s.name.toLowerCase().split(/\s+/).includes(key));
      if (!staff) return fail('unknown_staff', 'No staff member by that name.', true, { staff: env.catalog.staff.map((s) => s.name) });
      resourceId = staff.id;
    }
    const parse = (s: string) => DateTime.fromISO(s, { zone: tz });
    let from = args.from ? parse(args.from) : DateTime.fromJSDate(now, { zone: tz });
    if (!from.isValid) return fail('invalid_arguments', 'from is not a valid date.');
    const dateOnly = args.from !== null && !args.from.includes('T');
    let to: DateTime;
    if (args.to) {
      to = parse(args.to);
      if (!to.isValid) return fail('invalid_arguments', 'to is not a valid date.');
      if (!args.to.includes('T')) to = to.endOf('day');
    } else if (!args.from) {
      to = from.plus({ days: 14 });
    } else {
      to = args.exact_time || dateOnly ? from.endOf('day') : from.plus({ days: 1 });
    }
    if (dateOnly) from = from.startOf('day');
    const target = args.exact_time ? from : null;
    if (args.exact_time) {
      // A named time: look at that whole day and offer the nearest openings to it.
      from = from.startOf('day');
      to = DateTime.max(to, from.endOf('day'));
    }
    // A hold being released (the customer moved on from a proposal) must not hide its own slot.
    await Promise.all(env.releases);
    const nowLocal = DateTime.fromJSDate(now, { zone: tz });
    if (from < nowLocal) from = nowLocal;
    if (to <= from) to = from.endOf('day');
    const query = {
      service: service.id,
      resourceId,
      language: env.identity.language !== 'en' ? env.identity.language : undefined,
      customerId: env.identity.customerId ?? undefined,
    };
    const search = async (a: Date, b: Date, limit: number): Promise<Slot[] | ToolOutcome> => {
      try {
        return await env.scheduler.findSlots({ ...query, from: a, to: b, limit });
      } catch (err) {
        // The engine refuses queries it cannot answer (e.g. an inactive service) with a named rule.
        const rule = (err as { rule?: string }).rule;
        if (rule) return fail(rule, (err as Error).message, false);
        throw err;
      }
    };
    // The window is wall-clock time ("tomorrow afternoon") wherever the appointment is: with
    // locations in other zones, search a wider instant range and keep the slots whose local
    // time at their own location falls inside the window.
    const wall = (d: Date, locationId: string) => DateTime.fromJSDate(d, { zone: locationZone(env.catalog, locationId) }).toFormat("yyyy-MM-dd'T'HH:mm");
    const fromWall = from.toFormat("yyyy-MM-dd'T'HH:mm");
    const toWall = to.toFormat("yyyy-MM-dd'T'HH:mm");
    const multiZone = env.catalog.locations.some((l) => l.timeZone !== tz);
    const margin = multiZone ? { hours: 14 } : { hours: 0 };
    const first = await search(DateTime.max(from.minus(margin), nowLocal).toJSDate(), to.plus(margin).toJSDate(), multiZone ? 1000 : 200);
    if (!Array.isArray(first)) return first;
    let slots = first.filter((s) => {
      const w = wall(s.start, s.locationId);
      return s.start >= now && w >= fromWall && w < toWall;
    });
    if (forAppointment) slots = slots.filter((s) => s.start.getTime() !== forAppointment.start.getTime());
    let noneInRange = false;
    if (slots.length === 0) {
      noneInRange = true;
      const start = DateTime.max(to, nowLocal);
      const next = await search(start.toJSDate(), start.plus({ days: 14 }).toJSDate(), 50);
      if (!Array.isArray(next)) return next;
      slots = next;
      if (forAppointment) slots = slots.filter((s) => s.start.getTime() !== forAppointment.start.getTime());
    }
    discardProposal(env);
    if (slots.length === 0) {
      await env.raiseException({ type: 'no_slot', summary: `No openings for ${service.name} in the next two weeks`, details: { serviceId: service.id } });
      env.state.offers = [];
      return {
        failure: false,
        result: { ok: false, error: { code: 'no_availability', message: 'No openings in the next two weeks; offer a human.' } },
        display: { messages: [T.noAvailability(service.name)], expecting: null },
      };
    }
    const targetWall = target ? DateTime.fromISO(target.toFormat("yyyy-MM-dd'T'HH:mm"), { zone: 'UTC' }).toMillis() : null;
    const distance =
      targetWall === null ? null : (slot: Slot) => Math.abs(DateTime.fromISO(wall(slot.start, slot.locationId), { zone: 'UTC' }).toMillis() - targetWall);
    const chosen = pickOffers(slots, distance);
    const expiresAt = new Date(now.getTime() + env.offerMinutes * 60_000).toISOString();
    const offers = toOffers(env.catalog, chosen, service.id, expiresAt, forAppointment?.id ?? null);
    env.state.offers = offers;
    const intro = noneInRange ? T.offersNoneInRange(service.name) : T.offersIntro(service.name);
    return {
      failure: false,
      result: {
        ok: true,
        service: service.slug,
        none_in_requested_window: noneInRange,
        offers: offers.map((o, i) => ({ number: i + 1, offer_id: o.id, label: o.label })),
        offers_expire_at: expiresAt,
      },
      display: {
        messages: [`${intro}\n${numbered(offers.map((o) => o.label))}\n${T.offersOutro}`],
        choices: offers.map((o, i) => ({ value: String(i + 1), label: o.label })),
        expecting: 'choice',
      },
    };
  },

  async book_offer(env, args) {
    const found = liveOffer(env, args.offer_id);
    if (!found.ok) return found.outcome;
    const offer = found.offer;
    if (offer.forAppointmentId) return fail('wrong_tool', 'This offer is for rescheduling; use reschedule_appointment.');
    const service = env.catalog.services.find((s) => s.id === offer.serviceId);
    if (!service) return fail('unknown_service', 'That service is no longer offered.');
    if (!env.identity.phone && !env.identity.userId) return fail('no_identity', 'This sender cannot book through chat.', false);
    discardProposal(env);
    // The released hold may be on this very time: let it go before holding again.
    await Promise.all(env.releases);
    const customerId = await env.ensureCustomer();
    const held = await env.scheduler.hold({
      service: service.id,
      start: new Date(offer.start),
      resourceId: offer.resourceIds[0],
      locationId: offer.locationId,
      customerId: customerId ?? undefined,
      requesterUserId: env.identity.userId ?? undefined,
      channel: env.identity.channel,
      actor: actorOf(env),
      conversationId: env.conversationId,
      minutes: env.holdMinutes,
    });
    if (!held.ok) {
      if (held.kind === 'conflict') return offersFromAlternatives(env, service.id, held.alternatives, T.slotTaken);
      return fail(held.rule, held.message, false);
    }
    const zone = locationZone(env.catalog, offer.locationId);
    const where = env.catalog.locations.find((l) => l.id === offer.locationId)?.name ?? env.catalog.business.name;
    const proposal: Proposal = {
      ...emptyProposal(env, 'book', service.id),
      offerId: offer.id,
      holdId: held.holdId,
      start: offer.start,
      resourceIds: offer.resourceIds,
      locationId: offer.locationId,
      summary: T.proposeBook(service.name, formatSlotLabel(new Date(offer.start), zone, staffName(env.catalog, offer.resourceIds)), where),
    };
    env.state.proposal = proposal;
    return advanceIntake(env, proposal, serviceQuestions(service.intakeQuestions), true);
  },

  async list_my_appointments(env) {
    const items = await myAppointments(env);
    const refs: Record<string, string> = {};
    const taken = new Set<string>();
    const out = items.map((a) => {
      const ref = shortId(taken);
      taken.add(ref);
      refs[ref] = a.id;
      return { appointment_ref: ref, service: a.serviceName, label: appointmentLabel(env, a), status: a.status, start_local: localIso(env, a) };
    });
    env.state.appointmentRefs = refs;
    return { failure: false, result: { ok: true, appointments: out }, ...(items[0] ? { locationId: items[0].locationId } : {}) };
  },

  async reschedule_appointment(env, args) {
    const own = await ownAppointment(env, args.appointment_ref);
    if (!own.ok) return own.outcome;
    const found = liveOffer(env, args.offer_id);
    if (!found.ok) return found.outcome;
    const offer = found.offer;
    const appt = own.appointment;
    if (offer.serviceId !== appt.serviceId || (offer.forAppointmentId !== null && offer.forAppointmentId !== appt.id)) {
      return fail('offer_mismatch', 'That offer was found for a different service or appointment. Call find_slots with this appointment_ref.');
    }
    discardProposal(env);
    const zone = locationZone(env.catalog, appt.locationId);
    const proposal: Proposal = {
      ...emptyProposal(env, 'reschedule', appt.serviceId),
      offerId: offer.id,
      appointmentId: appt.id,
      start: offer.start,
      resourceIds: offer.resourceIds,
      locationId: offer.locationId,
      summary: T.proposeReschedule(appt.serviceName, formatWhen(appt.start, zone), formatSlotLabel(new Date(offer.start), locationZone(env.catalog, offer.locationId), staffName(env.catalog, offer.resourceIds))),
    };
    env.state.proposal = proposal;
    return confirmationOutcome(proposal, 'primary');
  },

  async cancel_appointment(env, args) {
    const own = await ownAppointment(env, args.appointment_ref);
    if (!own.ok) return own.outcome;
    const appt = own.appointment;
    discardProposal(env);
    const proposal: Proposal = {
      ...emptyProposal(env, 'cancel', appt.serviceId),
      appointmentId: appt.id,
      summary: T.proposeCancel(appt.serviceName, formatWhen(appt.start, locationZone(env.catalog, appt.locationId))),
    };
    env.state.proposal = proposal;
    return confirmationOutcome(proposal, 'danger');
  },

  async save_intake_answer(env, args) {
    const p = env.state.proposal;
    if (!p || p.awaiting !== 'intake' || !p.intakeQuestionId) return fail('no_question_pending', 'No intake question is waiting for an answer.');
    const service = env.catalog.services.find((s) => s.id === p.serviceId);
    const questions = serviceQuestions(service?.intakeQuestions);
    const q = questions.find((x) => x.id === p.intakeQuestionId);
    if (!q) return advanceIntake(env, p, questions, false);
    if (args.question_id !== q.id) {
      return fail('wrong_question', `The question waiting for an answer is ${q.id}.`, true, { question: questionView(q) });
    }
    if (env.attachments.length) p.attachments.push(...env.attachments.map((a) => ({ url: a.url, contentType: a.contentType })));
    if (isSkip(args.answer)) {
      p.intakeSkipped.push(q.id);
      return advanceIntake(env, p, questions, false);
    }
    const parsed = parseAnswer(q, args.answer, env.clock(), env.catalog.business.timeZone);
    if (!parsed.ok) {
      p.intakeAttempts += 1;
      // After three unusable answers the question is left for staff instead of looping.
      if (p.intakeAttempts >= 3) {
        p.intakeSkipped.push(q.id);
        return advanceIntake(env, p, questions, false);
      }
      return {
        failure: false,
        result: { ok: false, error: { code: 'invalid_answer', message: parsed.reason }, question: questionView(q) },
        display: { messages: [`${T.intakeInvalid(parsed.reason)}\n${renderQuestion(q)}`], choices: questionChoices(q), expecting: 'intake' },
      };
    }
    p.intake[q.id] = parsed.value;
    return advanceIntake(env, p, questions, false);
  },

  async request_human(env, args) {
    discardProposal(env);
    await env.raiseException({
      type: 'human_requested',
      summary: 'Customer asked for a person',
      details: args.reason ? { reason: args.reason.slice(0, 200) } : {},
    });
    await env.handOff();
    return { failure: false, handedOff: true, result: { ok: true, handed_off: true }, display: { messages: [T.handoff], expecting: null } };
  },

  async business_info(env, args) {
    const b = env.catalog.business;
    const loc = env.catalog.locations[0];
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const hours = loc?.hours.length ? loc.hours.map((h) => `${days[h.weekday - 1]} ${to12h(h.start)}-${to12h(h.end)}`).join(', ') : null;
    const parts: Record<string, string | null> = {
      hours: hours ? `Hours: ${hours}` : null,
      address: loc ? `Address: ${loc.name}, ${loc.address}` : null,
      policies: b.policies ? `Policies: ${b.policies}` : null,
      contact: [b.phone && `Phone: ${b.phone}`, b.email && `Email: ${b.email}`, b.website && `Web: ${b.website}`].filter(Boolean).join(', ') || null,
    };
    const keys = args.topic === 'all' ? (['hours', 'address', 'policies', 'contact'] as const) : [args.topic];
    const text = keys.map((k) => parts[k]).filter(Boolean).join('\n') || `Please call ${b.phone ?? 'us'} for details.`;
    return { failure: false, result: { ok: true, topic: args.topic, text } };
  },
};

function to12h(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m ? `:${String(m).padStart(2, '0')}` : ''}${h < 12 || h === 24 ? 'am' : 'pm'}`;
}

function emptyProposal(env: ToolEnv, kind: Proposal['kind'], serviceId: string): Proposal {
  return {
    id: shortId(new Set(env.state.offers.map((o) => o.id))),
    kind,
    awaiting: 'confirmation',
    offerId: null,
    appointmentId: null,
    holdId: null,
    serviceId,
    start: null,
    resourceIds: [],
    locationId: null,
    intake: {},
    intakeMissing: [],
    intakeSkipped: [],
    intakeQuestionId: null,
    intakeAttempts: 0,
    attachments: [],
    summary: '',
    createdAt: env.clock().toISOString(),
  };
}

function confirmationOutcome(p: Proposal, style: 'primary' | 'danger'): ToolOutcome {
  return {
    failure: false,
    result: { ok: true, status: 'awaiting_customer_confirmation', proposal_id: p.id, summary: p.summary },
    display: {
      messages: [p.summary],
      choices: [
        { value: `confirm:${p.id}`, label: p.kind === 'cancel' ? CHOICE_LABELS.cancelIt : CHOICE_LABELS.confirm, style },
        { value: 'N', label: p.kind === 'book' ? CHOICE_LABELS.change : CHOICE_LABELS.keep },
      ],
      expecting: 'confirmation',
    },
  };
}

function questionView(q: IntakeQuestion) {
  return { question_id: q.id, text: q.prompt, type: q.type, required: q.required, options: q.type === 'choice' ? q.options : null };
}

function questionChoices(q: IntakeQuestion): ReplyChoice[] | undefined {
  if (q.type === 'choice') return q.options.map((o, i) => ({ value: String(i + 1), label: o }));
  if (q.type === 'yes_no') return [{ value: 'Y', label: 'Yes' }, { value: 'N', label: 'No' }];
  return undefined;
}

/** Asks the next intake question, or turns the proposal into one awaiting the customer's yes. */
function advanceIntake(env: ToolEnv, p: Proposal, questions: IntakeQuestion[], first: boolean): ToolOutcome {
  const q = nextQuestion(questions, p.intake, p.intakeSkipped);
  if (q) {
    p.awaiting = 'intake';
    if (p.intakeQuestionId !== q.id) p.intakeAttempts = 0;
    p.intakeQuestionId = q.id;
    const text = renderQuestion(q);
    return {
      failure: false,
      result: { ok: true, status: 'intake_question', question: questionView(q) },
      display: { messages: [first ? `${T.intakeIntro}\n${text}` : text], choices: questionChoices(q), expecting: 'intake' },
    };
  }
  p.awaiting = 'confirmation';
  p.intakeQuestionId = null;
  p.intakeMissing = missingRequired(questions, p.intake);
  return confirmationOutcome(p, 'primary');
}

function liveOffer(env: ToolEnv, offerId: string): { ok: true; offer: Offer } | { ok: false; outcome: ToolOutcome } {
  const id = offerId.trim().toUpperCase();
  const offer = env.state.offers.find((o) => o.id === id);
  if (!offer) {
    return { ok: false, outcome: fail('unknown_offer', 'Only an offer_id returned by find_slots in this conversation can be used. Call find_slots.') };
  }
  if (new Date(offer.expiresAt) <= env.clock()) {
    return { ok: false, outcome: fail('offer_expired', 'That offer has expired. Call find_slots again.', false) };
  }
  return { ok: true, offer };
}

/** Releases the hold of a proposal that will not be confirmed. */
export function discardProposal(env: Pick<ToolEnv, 'state' | 'scheduler' | 'releases'>): void {
  const p = env.state.proposal;
  env.state.proposal = null;
  if (p?.holdId) {
    // A failed release must not fail the turn: the hold also expires by itself.
    env.releases.push(env.scheduler.releaseHold(p.holdId).catch(() => undefined));
  }
}

async function ownAppointment(env: ToolEnv, ref: string): Promise<{ ok: true; appointment: AppointmentView } | { ok: false; outcome: ToolOutcome }> {
  const id = env.state.appointmentRefs[ref.trim().toUpperCase()];
  if (!id) {
    return { ok: false, outcome: fail('unknown_appointment', 'Only an appointment_ref from list_my_appointments in this conversation can be used.') };
  }
  const appt = await env.scheduler.getAppointment(id);
  if (!appt || !isOwn(env.identity, appt)) {
    return { ok: false, outcome: fail('not_found', 'No such appointment for this customer.') };
  }
  if (appt.status !== 'confirmed' && appt.status !== 'requested') {
    return { ok: false, outcome: fail('not_active', `That appointment is ${appt.status}.`, false) };
  }
  return { ok: true, appointment: appt };
}

export function isOwn(identity: Identity, appt: AppointmentView, requesterUserId?: string | null): boolean {
  if (identity.customerId && appt.customerId === identity.customerId) return true;
  return Boolean(identity.userId && requesterUserId === identity.userId);
}

async function myAppointments(env: ToolEnv): Promise<AppointmentView[]> {
  const now = env.clock();
  if (env.identity.customerId) {
    const page = await env.scheduler.listAppointments({ customerId: env.identity.customerId, status: ['requested', 'confirmed'], from: now, limit: 10 });
    return page.items.filter((a) => a.customerId === env.identity.customerId);
  }
  if (env.identity.userId) {
    // Slack/Teams staff booking for themselves: the engine filters by customer, so find their own ids first.
    const rows = await env.db.appointment.findMany({
      where: { requesterUserId: env.identity.userId, status: { in: ['requested', 'confirmed'] }, startsAt: { gte: now } },
      orderBy: { startsAt: 'asc' },
      take: 10,
      select: { id: true },
    });
    const views = await Promise.all(rows.map((r) => env.scheduler.getAppointment(r.id)));
    return views.filter((v): v is AppointmentView => v !== null);
  }
  return [];
}

function appointmentLabel(env: ToolEnv, a: AppointmentView): string {
  return `${a.serviceName}, ${formatSlotLabel(a.start, locationZone(env.catalog, a.locationId), staffName(env.catalog, a.resourceIds))}${a.status === 'requested' ? ' (requested)' : ''}`;
}

function localIso(env: ToolEnv, a: AppointmentView): string {
  return DateTime.fromJSDate(a.start, { zone: locationZone(env.catalog, a.locationId) }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Spreads the offers over the window (or, for a named time, takes those nearest to it). */
function pickOffers(slots: Slot[], distance: ((s: Slot) => number) | null): Slot[] {
  const unique = [...new Map(slots.map((s) => [`${s.start.getTime()}:${s.locationId}`, s])).values()].sort((a, b) => a.start.getTime() - b.start.getTime());
  if (distance) {
    return unique
      .slice()
      .sort((a, b) => distance(a) - distance(b) || a.start.getTime() - b.start.getTime())
      .slice(0, MAX_OFFERS)
      .sort((a, b) => a.start.getTime() - b.start.getTime());
  }
  const picked: Slot[] = [];
  for (const s of unique) {
    const last = picked[picked.length - 1];
    if (!last || s.start.getTime() - last.start.getTime() >= 60 * 60_000) picked.push(s);
    if (picked.length === MAX_OFFERS) break;
  }
  for (const s of unique) {
    if (picked.length >= MAX_OFFERS) break;
    if (!picked.includes(s)) picked.push(s);
  }
  return picked.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Numbered offers for these slots: ids short and unique among them, all expiring together. */
function toOffers(catalog: Catalog, slots: Slot[], serviceId: string, expiresAt: string, forAppointmentId: string | null): Offer[] {
  const taken = new Set<string>();
  return slots.map((slot) => {
    const id = shortId(taken);
    taken.add(id);
    return {
      id,
      serviceId,
      start: slot.start.toISOString(),
      end: slot.end.toISOString(),
      resourceIds: slot.resourceIds,
      locationId: slot.locationId,
      label: offerLabel(catalog, slot),
      expiresAt,
      forAppointmentId,
    };
  });
}

/** "Tue Dec 1, 3:00 PM with Dana", naming the location too when the business has several. */
function offerLabel(catalog: Catalog, slot: Slot): string {
  const label = formatSlotLabel(slot.start, locationZone(catalog, slot.locationId), staffName(catalog, slot.resourceIds));
  const loc = catalog.locations.find((l) => l.id === slot.locationId);
  return catalog.locations.length > 1 && loc ? `${label} (${loc.name})` : label;
}

/** After a conflict: the engine's alternatives become the new numbered offers. */
export function offersFromAlternatives(env: Pick<ToolEnv, 'state' | 'catalog' | 'clock' | 'offerMinutes'>, serviceId: string, alternatives: Slot[], lead: string): ToolOutcome {
  const chosen = pickOffers(alternatives, null);
  const expiresAt = new Date(env.clock().getTime() + env.offerMinutes * 60_000).toISOString();
  env.state.offers = toOffers(env.catalog, chosen, serviceId, expiresAt, null);
  const offers = env.state.offers;
  if (!offers.length) {
    return { failure: false, result: { ok: false, error: { code: 'slot_taken', message: 'That time was just taken and nothing else is open nearby.' } }, display: { messages: [`${lead} ${T.offersOutro.replace(/^Reply with a number, or tell/, 'Tell')}`], expecting: 'time' } };
  }
  return {
    failure: false,
    result: { ok: false, error: { code: 'slot_taken', message: 'That time was just taken; new offers were shown.' }, offers: offers.map((o, i) => ({ number: i + 1, offer_id: o.id, label: o.label })) },
    display: { messages: [`${lead}\n${numbered(offers.map((o) => o.label))}\n${T.offersOutro}`], choices: offers.map((o, i) => ({ value: String(i + 1), label: o.label })), expecting: 'choice' },
  };
}
