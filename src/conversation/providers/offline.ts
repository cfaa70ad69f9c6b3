import { DateTime } from 'luxon';
import type { ChatMessage } from '../state.ts';
import { T, T2, numbered } from '../templates.ts';
import type { ToolArgs, ToolName } from '../tools/definitions.ts';
import { understand, type DateRange, type Understanding } from '../understanding/index.ts';
import { readLengthAndSize } from '../understanding/length-and-size.ts';
import type { ModelProvider, ProviderRequest, ProviderStep, ProviderView } from './types.ts';

// The deterministic provider (the default when no OPENAI_API_KEY is set). It reads the
// customer's words with the offline understanding module and answers with exactly the
// tool calls a model would make, one at a time, through the same tools and guards. Its
// only state is the small memory the orchestrator stores for it between messages.

interface Memory {
  flow?: 'book' | 'reschedule' | 'cancel';
  serviceId?: string;
  staffId?: string;
  when?: { from: string; to: string; exactTime: boolean; earliest: boolean };
  apptRef?: string;
  /** Which numbered menu the last reply showed (besides offers, which the view carries). */
  menu?: 'service' | 'appointment';
  menuItems?: string[];
  /** How long and for how many the requester asked (length-and-size.ts). */
  durationMinutes?: number;
  minCapacity?: number;
}

interface Exchange {
  name: string;
  args: Record<string, unknown>;
  result: Record<string, unknown>;
}

let callCounter = 0;

export function createOfflineProvider(): ModelProvider {
  return {
    name: 'offline',
    async next(req) {
      return decide(req);
    },
  };
}

function lastUserText(history: ChatMessage[]): string {
  for (let i = history.length - 1; i >= 0; i--) {
    const m = history[i]!;
    if (m.role === 'user') return m.content;
  }
  return '';
}

/** The tool calls made since the customer's last message, with their results. */
function exchangesThisTurn(history: ChatMessage[]): Exchange[] {
  const out: Exchange[] = [];
  let start = history.length;
  while (start > 0 && history[start - 1]!.role !== 'user') start--;
  for (let i = start; i < history.length; i++) {
    const m = history[i]!;
    if (m.role === 'assistant' && m.toolCall) {
      const res = history[i + 1];
      out.push({
        name: m.toolCall.name,
        args: safeJson(m.toolCall.arguments),
        result: res && res.role === 'tool' ? safeJson(res.content) : {},
      });
    }
  }
  return out;
}

function safeJson(s: string): Record<string, unknown> {
  try {
    const v = JSON.parse(s);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function call<N extends ToolName>(name: N, args: ToolArgs<N>, memory: Memory): ProviderStep {
  callCounter = (callCounter + 1) % 1_000_000;
  return { kind: 'tool', call: { id: `offline_${callCounter}`, name, arguments: JSON.stringify(args) }, memory: { ...memory } };
}

function reply(text: string, memory: Memory, extra: { choices?: Array<{ value: string; label: string }>; expecting?: ProviderView['expecting'] } = {}): ProviderStep {
  return { kind: 'reply', text, ...extra, memory: { ...memory } };
}

function toMemoryWhen(r: DateRange): NonNullable<Memory['when']> {
  return { from: r.from.toISOString(), to: r.to.toISOString(), exactTime: r.exactTime, earliest: Boolean(r.earliest) };
}

function findSlotsArgs(view: ProviderView, memory: Memory, service: string, apptRef: string | null): ToolArgs<'find_slots'> {
  const local = (iso: string) => DateTime.fromISO(iso, { zone: view.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
  const w = memory.when;
  const staff = memory.staffId ? (view.staff.find((s) => s.id === memory.staffId)?.name ?? null) : null;
  const size = { duration_minutes: memory.durationMinutes ?? null, min_capacity: memory.minCapacity ?? null };
  if (!w || (w.earliest && !w.exactTime && new Date(w.to).getTime() - new Date(w.from).getTime() > 3 * 86_400_000)) {
    return { service, from: null, to: null, exact_time: null, staff, appointment_ref: apptRef, ...size };
  }
  return { service, from: local(w.from), to: w.exactTime ? null : local(w.to), exact_time: w.exactTime, staff, appointment_ref: apptRef, ...size };
}

function serviceSlug(view: ProviderView, id: string | undefined): string | undefined {
  return view.services.find((s) => s.id === id)?.slug;
}

function decide(req: ProviderRequest): ProviderStep {
  const { view } = req;
  const memory: Memory = { ...(req.memory as Memory) };
  const text = lastUserText(req.history);
  const turn = exchangesThisTurn(req.history);
  const optionCount = view.offers.length || memory.menuItems?.length || (memory.menu === 'service' ? view.services.length : undefined);
  // Length and party size are read first: the date parser would take "30m" for a moment.
  const asked = readLengthAndSize(text);
  const u = understand(asked.text, {
    now: new Date(view.now),
    timeZone: view.timeZone,
    services: view.services,
    staff: view.staff,
    expecting: view.expecting,
    optionCount,
  });
  if (!turn.length) rememberSize(memory, u, asked);
  if (turn.length) return afterTool(req, u, memory, turn);
  return firstStep(req, u, memory, text);
}

function firstStep(req: ProviderRequest, u: Understanding, memory: Memory, text: string): ProviderStep {
  const { view } = req;
  return commandOrAnswer(view, u, memory, text) ?? byIntent(view, u, memory) ?? chooseFromScreen(view, u, memory) ?? searchOrAsk(view, u, memory);
}

/** HUMAN and HELP whatever was asked; else, while an intake question is open, the message answers it. */
function commandOrAnswer(view: ProviderView, u: Understanding, memory: Memory, text: string): ProviderStep | undefined {
  if (u.intent === 'human') return call('request_human', { reason: 'customer asked for a person' }, memory);
  if (u.intent === 'help') return reply(T.help(view.businessName), memory);
  const q = view.proposal?.awaiting === 'intake' ? view.proposal.question : null;
  if (!q) return undefined;
  // While an intake question is open, the message is its answer unless it clearly asks
  // for something else (another time, a different action).
  const changesTime = u.when && q.type !== 'date' && /\b(actually|instead|change|different|another|rather|make it)\b/i.test(text);
  if (!changesTime && !['reschedule', 'cancel', 'my_appointments'].includes(u.intent)) {
    return call('save_intake_answer', { question_id: q.id, answer: text }, memory);
  }
  return undefined;
}

/** Intents answered without the booking flow: information, the customer's appointments, greetings, a no. */
function byIntent(view: ProviderView, u: Understanding, memory: Memory): ProviderStep | undefined {
  switch (u.intent) {
    case 'business_info':
      if (u.asksServices) return call('list_services', {}, memory);
      return call('business_info', { topic: u.infoTopic ?? 'all' }, memory);
    case 'my_appointments':
      return call('list_my_appointments', {}, { ...memory, menu: undefined, menuItems: undefined });
    case 'cancel':
      return call('list_my_appointments', {}, { flow: 'cancel', serviceId: u.serviceId, when: u.when ? toMemoryWhen(u.when) : undefined });
    case 'reschedule':
      return call('list_my_appointments', {}, { flow: 'reschedule', serviceId: u.serviceId, when: u.when ? toMemoryWhen(u.when) : undefined });
    case 'greeting':
      if (!u.serviceId && !u.when) return reply(T.greeting(view.businessName), memory);
      return undefined;
    case 'decline':
      if (view.offers.length) return reply(T2.askAnotherTime, memory, { expecting: 'time' });
      return reply(T2.anythingElse, {});
    default:
      return undefined;
  }
}

/**
 * A pick from what is on screen: an appointment or service menu, or the offers. A time no
 * offer has becomes the window to search; a service picked by number is read into `u`.
 */
function chooseFromScreen(view: ProviderView, u: Understanding, memory: Memory): ProviderStep | undefined {
  // A numbered menu of appointments (which one to cancel or move).
  if (memory.menu === 'appointment' && memory.menuItems && u.choiceIndex !== undefined) {
    const ref = memory.menuItems[u.choiceIndex];
    if (!ref) return reply(T.offerPickAgain, memory, { expecting: 'choice' });
    return actOnAppointment(view, { ...memory, menu: undefined, menuItems: undefined }, ref);
  }
  // A numbered menu of services.
  if (memory.menu === 'service' && u.choiceIndex !== undefined && !u.serviceId) {
    const s = view.services[u.choiceIndex];
    if (s) u.serviceId = s.id;
  }

  // A choice among the offers on screen, by number or by time.
  if (view.offers.length && (u.choiceIndex !== undefined || u.choiceTime) && !(u.when && !u.choiceTime && u.choiceIndex === undefined)) {
    const offer = pickOffer(view, u);
    if (offer) {
      if (offer.forAppointmentRef) return call('reschedule_appointment', { appointment_ref: offer.forAppointmentRef, offer_id: offer.id }, memory);
      return call('book_offer', { offer_id: offer.id }, memory);
    }
    if (u.choiceTime && !u.when) {
      // A time none of the offers has ("make it 3pm"): look for it on the day being shown.
      const day = DateTime.fromISO(view.offers[0]!.local.slice(0, 10), { zone: view.timeZone }).startOf('day');
      memory.when = { from: day.toUTC().toISO()!, to: day.endOf('day').toUTC().toISO()!, exactTime: false, earliest: false };
    } else if (!u.when) return reply(T.offerPickAgain, memory, { expecting: 'choice' });
  }

  // A number that matches no offer ("option 6" of four).
  if (view.offers.length && u.intent === 'unknown' && u.number !== undefined) return reply(T.offerPickAgain, memory, { expecting: 'choice' });
  return undefined;
}

/** Folds what the message says (service, staff, time) into the memory, then searches or asks what is missing. */
function searchOrAsk(view: ProviderView, u: Understanding, memory: Memory): ProviderStep {
  rememberRequest(view, u, memory);
  if (memory.flow === 'reschedule' && memory.apptRef) {
    if (!u.when && !u.choiceTime) return reply(T.notUnderstood, memory);
    const slug = serviceSlug(view, memory.serviceId) ?? view.services[0]?.slug ?? '';
    return call('find_slots', findSlotsArgs(view, memory, slug, memory.apptRef), memory);
  }

  const bookingSignal = u.intent === 'book' || u.intent === 'choose' || u.intent === 'provide_info' || u.serviceId || u.when || memory.flow === 'book';
  if (!bookingSignal || (u.intent === 'unknown' && !u.serviceId && !u.when && !(memory.menu === 'service' && u.choiceIndex !== undefined))) {
    return reply(T.notUnderstood, memory);
  }
  memory.flow = 'book';
  if (!memory.serviceId && view.services.length === 1) memory.serviceId = view.services[0]!.id;
  const slug = serviceSlug(view, memory.serviceId);
  if (!slug) {
    if (!view.services.length) return reply(T.notUnderstood, memory);
    const names = view.services.map((s) => s.name);
    return reply(T.askService(names), { ...memory, menu: 'service', menuItems: undefined }, {
      choices: names.map((n, i) => ({ value: String(i + 1), label: n })),
      expecting: 'service',
    });
  }
  return call('find_slots', findSlotsArgs(view, memory, slug, null), { ...memory, menu: undefined, menuItems: undefined });
}

/** A new length or size replaces the old; another service without one starts from that service's own. */
function rememberSize(memory: Memory, u: Understanding, asked: { durationMinutes?: number; minCapacity?: number }): void {
  const sized = asked.durationMinutes !== undefined || asked.minCapacity !== undefined;
  // "for an hour" alone, mid-booking, changes the request rather than saying nothing.
  if (sized && u.intent === 'unknown') u.intent = 'book';
  if (!sized && u.serviceId && u.serviceId !== memory.serviceId) {
    delete memory.durationMinutes;
    delete memory.minCapacity;
  }
  if (asked.durationMinutes !== undefined) memory.durationMinutes = asked.durationMinutes;
  if (asked.minCapacity !== undefined) memory.minCapacity = asked.minCapacity;
}

function rememberRequest(view: ProviderView, u: Understanding, memory: Memory): void {
  if (u.serviceId && u.serviceId !== memory.serviceId) {
    memory.serviceId = u.serviceId;
    if (memory.flow !== 'reschedule') memory.flow = 'book';
  }
  if (u.staffId) memory.staffId = u.staffId;
  if (u.when) memory.when = toMemoryWhen(u.when);
  else if (u.choiceTime && memory.when) {
    // "3pm" alone, no offers matched: that time on the day already being discussed.
    const day = DateTime.fromISO(memory.when.from, { zone: view.timeZone }).set({ hour: u.choiceTime.hour, minute: u.choiceTime.minute });
    memory.when = { from: day.toUTC().toISO()!, to: day.plus({ minutes: 1 }).toUTC().toISO()!, exactTime: true, earliest: false };
  }
}

function pickOffer(view: ProviderView, u: Understanding): ProviderView['offers'][number] | undefined {
  if (u.choiceIndex !== undefined) return view.offers[u.choiceIndex];
  if (u.choiceTime) {
    // Compared on the wall clock of each offer's own location ("the 9am one" in LA means 9am there).
    const matches = view.offers.filter((o) => {
      const t = DateTime.fromISO(o.local, { zone: 'UTC' });
      return t.hour === u.choiceTime!.hour && t.minute === u.choiceTime!.minute;
    });
    return matches.length === 1 ? matches[0] : undefined;
  }
  return undefined;
}

function actOnAppointment(view: ProviderView, memory: Memory, ref: string): ProviderStep {
  if (memory.flow === 'cancel') return call('cancel_appointment', { appointment_ref: ref }, { ...memory, apptRef: ref });
  const next = { ...memory, apptRef: ref };
  if (memory.when) {
    return call('find_slots', findSlotsArgs(view, next, serviceSlug(view, memory.serviceId) ?? '', ref), next);
  }
  return reply(T.askNewTime('appointment'), next, { expecting: 'time' });
}

function afterTool(req: ProviderRequest, u: Understanding, memory: Memory, turn: Exchange[]): ProviderStep {
  const { view } = req;
  const last = turn[turn.length - 1]!;
  const res = last.result;
  const error = (res.error ?? null) as { code?: string; message?: string } | null;

  if (last.name === 'list_my_appointments' && res.ok) {
    return afterAppointmentsListed(view, memory, (res.appointments ?? []) as ListedAppointment[]);
  }
  if (last.name === 'list_services' && res.ok) {
    const services = (res.services ?? []) as Array<{ name: string; price: string | null }>;
    const lines = services.map((s) => (s.price ? `${s.name} (${s.price})` : s.name));
    return reply(T2.servicesList(lines), { ...memory, menu: 'service', menuItems: undefined }, { expecting: 'service', choices: lines.map((l, i) => ({ value: String(i + 1), label: l })) });
  }
  if (last.name === 'business_info' && res.ok) return reply(String(res.text ?? ''), memory);
  if (last.name === 'find_slots' && (error?.code === 'duration' || error?.code === 'capacity')) {
    return reply(T.sizeRefused(error.message ?? ''), { ...memory, durationMinutes: undefined, minCapacity: undefined }, { expecting: 'time' });
  }
  if (last.name === 'find_slots' && memory.flow === 'reschedule' && res.ok === false && error?.code === 'unknown_service' && memory.apptRef) {
    return reply(T.notUnderstood, memory);
  }
  return afterError(view, memory, turn, error?.code);
}

type ListedAppointment = { appointment_ref: string; service: string; label: string; start_local: string };

/** The customer's appointments: listed, or, when cancelling or moving one, narrowed to the one meant (else a menu). */
function afterAppointmentsListed(view: ProviderView, memory: Memory, items: ListedAppointment[]): ProviderStep {
  if (!items.length) return reply(T.noAppointments, { ...memory, flow: undefined });
  if (memory.flow !== 'cancel' && memory.flow !== 'reschedule') {
    return reply(`${T.yourAppointments}\n${numbered(items.map((a) => a.label))}\nReply R to reschedule or C to cancel.`, memory);
  }
  const verb = memory.flow;
  let candidates = items;
  const svc = view.services.find((s) => s.id === memory.serviceId);
  if (svc && candidates.some((a) => a.service === svc.name)) candidates = candidates.filter((a) => a.service === svc.name);
  // For a cancel, a date in the message says which appointment; for a reschedule it is the new time.
  if (verb === 'cancel' && memory.when && candidates.length > 1) {
    const day = DateTime.fromISO(memory.when.from, { zone: view.timeZone }).toISODate();
    const sameDay = candidates.filter((a) => a.start_local.startsWith(day ?? '-'));
    if (sameDay.length) candidates = sameDay;
  }
  if (candidates.length === 1) {
    const appt = candidates[0]!;
    const svcId = view.services.find((s) => s.name === appt.service)?.id;
    return actOnAppointment(view, { ...memory, serviceId: svcId, when: verb === 'cancel' ? undefined : memory.when }, appt.appointment_ref);
  }
  const labels = candidates.map((a) => a.label);
  return reply(`${T.yourAppointments}\n${numbered(labels)}\n${T.whichAppointment(verb)}`, { ...memory, menu: 'appointment', menuItems: candidates.map((a) => a.appointment_ref) }, {
    choices: labels.map((l, i) => ({ value: String(i + 1), label: l })),
    expecting: 'choice',
  });
}

/** A refused tool call, read by its error code. */
function afterError(view: ProviderView, memory: Memory, turn: Exchange[], code: string | undefined): ProviderStep {
  switch (code) {
    case 'unknown_service':
      return reply(T.unknownService, { ...memory, serviceId: undefined });
    case 'unknown_staff':
      return reply(`Sorry, I do not know that staff member. ${T.offersOutro}`, { ...memory, staffId: undefined });
    case 'unknown_offer':
    case 'offer_expired': {
      // Offers expired while the customer thought it over: search the same window again, once.
      const slug = serviceSlug(view, memory.serviceId);
      if (slug && turn.filter((e) => e.name === 'find_slots').length === 0) {
        return call('find_slots', findSlotsArgs(view, memory, slug, memory.flow === 'reschedule' ? (memory.apptRef ?? null) : null), memory);
      }
      return reply(T.offerPickAgain, memory);
    }
    case 'unknown_appointment':
    case 'not_found':
    case 'not_active':
      return reply(T.refusal, { ...memory, flow: undefined, apptRef: undefined });
    default:
      return reply(T.notUnderstood, memory);
  }
}
