import { DateTime } from 'luxon';
import type { ChatMessage } from '../../state.ts';
import type { DateRange, Understanding } from '../../understanding/index.ts';
import type { ProviderView } from '../types.ts';
import { safeJson } from './safe-json.ts';

// "ok book the same thing for thursday the 10th": the booking last made, moved or canceled
// in this conversation, read back from the transcript as a model would read it. The
// orchestrator forgets the offline provider's memory once a change is committed, so the
// tool calls and their results are the record of what that booking was.

export interface RecentAppointment {
  /** The service's name (appointment lists) or slug (slot searches). */
  service: string;
  /** Its wall-clock time of day, when the record says it. */
  time?: { hour: number; minute: number };
  /** Its day: yyyy-MM-dd (appointment lists), or as an offer's label says it ("Sat Dec 12"). */
  day?: string;
}

/**
 * "book the same thing for thursday the 10th" with nothing being booked: the service of the
 * booking last made, moved or canceled, and on a day said alone, its time of day too.
 */
export function againAsBefore(view: ProviderView, u: Understanding, ctx: { history: ChatMessage[]; serviceKept: boolean }): Understanding {
  if (!u.sameAsBefore || u.serviceId || ctx.serviceKept || (u.intent !== 'book' && u.intent !== 'choose')) return u;
  const recent = recentAppointment(ctx.history);
  const svc = recent && view.services.find((s) => s.name === recent.service || s.slug === recent.service);
  if (!svc) return u;
  const when = u.when && recent.time && wholeDay(view, u.when) ? atTime(view, u.when, recent.time) : u.when;
  return { ...u, intent: 'book', serviceId: svc.id, ...(when ? { when } : {}) };
}

/** A day said alone ("thursday the 10th"): midnight to midnight, no time in it. */
function wholeDay(view: ProviderView, w: DateRange): boolean {
  const from = DateTime.fromJSDate(w.from, { zone: view.timeZone });
  return w.dayNamed !== false && !w.exactTime && !w.earliest && !w.latest && from.equals(from.startOf('day')) && w.to.getTime() - w.from.getTime() <= 25 * 3_600_000;
}

function atTime(view: ProviderView, day: DateRange, time: { hour: number; minute: number }): DateRange {
  const at = DateTime.fromJSDate(day.from, { zone: view.timeZone }).set({ hour: time.hour, minute: time.minute });
  return { from: at.toJSDate(), to: at.plus({ minutes: 1 }).toJSDate(), exactTime: true, dayNamed: true, description: day.description };
}

type ToolExchange = { name: string; args: Record<string, unknown>; result: Record<string, unknown> };

/** The booking the last book, move or cancel call of the conversation was about. */
export function recentAppointment(history: ChatMessage[]): RecentAppointment | undefined {
  const calls = exchanges(history);
  for (let i = calls.length - 1; i >= 0; i--) {
    const c = calls[i]!;
    if (c.name === 'cancel_appointment') return listed(calls.slice(0, i), String(c.args.appointment_ref ?? ''));
    if (c.name === 'book_offer' || c.name === 'reschedule_appointment') return offered(calls.slice(0, i), String(c.args.offer_id ?? ''));
  }
  return undefined;
}

/** The appointment with this ref in the latest listing before the call. */
function listed(before: ToolExchange[], ref: string): RecentAppointment | undefined {
  for (let i = before.length - 1; i >= 0; i--) {
    if (before[i]!.name !== 'list_my_appointments') continue;
    const items = (before[i]!.result.appointments ?? []) as Array<{ appointment_ref?: string; service?: string; start_local?: string }>;
    const a = items.find((x) => x.appointment_ref === ref);
    if (!a?.service) continue;
    const m = /T(\d{2}):(\d{2})/.exec(a.start_local ?? '');
    const day = /^\d{4}-\d{2}-\d{2}/.exec(a.start_local ?? '')?.[0];
    return { service: a.service, ...(m ? { time: { hour: Number(m[1]), minute: Number(m[2]) } } : {}), ...(day ? { day } : {}) };
  }
  return undefined;
}

/** The offer with this id in the latest search before the call: its service and the time its label shows. */
function offered(before: ToolExchange[], id: string): RecentAppointment | undefined {
  for (let i = before.length - 1; i >= 0; i--) {
    if (before[i]!.name !== 'find_slots') continue;
    const offers = (before[i]!.result.offers ?? []) as Array<{ offer_id?: string; label?: string }>;
    const o = offers.find((x) => x.offer_id === id);
    const service = before[i]!.result.service;
    if (!o || typeof service !== 'string') continue;
    const day = /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2}/.exec(o.label ?? '')?.[0];
    return { service, ...labelTime(o.label ?? ''), ...(day ? { day } : {}) };
  }
  return undefined;
}

/** "Thu Dec 3, 10:00 AM with Lee" → 10:00. */
function labelTime(label: string): { time?: { hour: number; minute: number } } {
  const m = /\b(\d{1,2}):(\d{2}) ?(AM|PM)\b/i.exec(label);
  if (!m) return {};
  const pm = m[3]!.toUpperCase() === 'PM';
  const hour = (Number(m[1]) % 12) + (pm ? 12 : 0);
  return { time: { hour, minute: Number(m[2]) } };
}

function exchanges(history: ChatMessage[]): ToolExchange[] {
  const out: ToolExchange[] = [];
  history.forEach((m, i) => {
    if (m.role !== 'assistant' || !m.toolCall) return;
    const res = history[i + 1];
    out.push({ name: m.toolCall.name, args: safeJson(m.toolCall.arguments), result: res?.role === 'tool' ? safeJson(res.content) : {} });
  });
  return out;
}


/**
 * "oh and my son needs one too, 11:30 same day?" right after a booking was made: the day of the
 * booking last made, moved or canceled (yyyy-MM-dd) is the day talked about, once the memory
 * of the days said went with the commit.
 */
export function recentDay(view: ProviderView, history: ChatMessage[]): string | undefined {
  const day = recentAppointment(history)?.day;
  if (!day || /^\d{4}-/.test(day)) return day;
  // Said without its year: this year's or the next, whichever has that weekday on that date.
  const year = DateTime.fromISO(view.now, { zone: view.timeZone }).year;
  return [year, year + 1].map((y) => DateTime.fromFormat(`${day} ${y}`, 'ccc LLL d yyyy', { zone: view.timeZone, locale: 'en-US' })).find((d) => d.isValid)?.toISODate() ?? undefined;
}

/** The message that says a move was done (T.rescheduled): the service and the new time's label. */
const MOVE_DONE = /^Done: your (?<service>.+?) is now (?<when>[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d{2} [AP]M)/;

/**
 * "oh no sorry i meant friday at 3" right after a move was done: the booking just moved, by its
 * service and new start, read from the reply that said it was done; undefined when the reply
 * before this message said something else.
 */
export function justMoved(view: ProviderView, history: ChatMessage[]): { service: string; start: DateTime } | undefined {
  let i = history.length - 1;
  while (i >= 0 && history[i]!.role !== 'user') i--;
  for (i--; i >= 0; i--) {
    const m = history[i]!;
    if (m.role === 'user') return undefined;
    if (m.role !== 'assistant' || m.toolCall || !m.content) continue;
    const g = MOVE_DONE.exec(m.content)?.groups;
    if (!g) return undefined;
    // Said without its year: this year's or the next, whichever has that weekday on that date.
    const year = DateTime.fromISO(view.now, { zone: view.timeZone }).year;
    const start = [year, year + 1].map((y) => DateTime.fromFormat(`${g.when!} ${y}`, 'ccc LLL d, h:mm a yyyy', { zone: view.timeZone, locale: 'en-US' })).find((d) => d.isValid);
    return start ? { service: g.service!, start } : undefined;
  }
  return undefined;
}
