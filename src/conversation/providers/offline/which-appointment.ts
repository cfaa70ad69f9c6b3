import { DateTime } from 'luxon';
import type { ChatMessage } from '../../state.ts';
import { safeJson } from './safe-json.ts';
import type { BookingOrder } from '../../understanding/index.ts';

// Which of the customer's listed appointments the words mean, for the offline provider:
// narrowed by the person, then the time said ("the 4pm", "the afternoon one", "thursday's"), by order ("the later one"),
// each by several named one by one, and the one canceled last in this conversation (so
// "a haircut at that same time then" has a reference once the color is gone).

/** One appointment as list_my_appointments returns it. */
export type ListedAppointment = {
  appointment_ref: string;
  service: string;
  label: string;
  start_local: string;
  end_local?: string;
  staff?: string | null;
  location?: string | null;
};

/** A time the customer said, as the offline provider's memory keeps it (ISO instants). */
export interface SaidWindow {
  from: string;
  to: string;
  exactTime?: boolean;
  dayNamed?: boolean;
  /** One whole day said by its weekday ("wednesday", "the wednesday one"), not by its date. */
  byWeekday?: boolean;
}

/** "the one with lee": the appointments with that person, when any are; else all. */
export function withStaff(items: ListedAppointment[], staff: string | undefined): ListedAppointment[] {
  const fits = staff ? items.filter((a) => a.staff === staff) : [];
  return fits.length ? fits : items;
}

/**
 * The appointments at the time said: at that clock time ("the 4pm on thursday"), in that part
 * of the day ("the afternoon one"), or on that day. A time that fits none says nothing.
 */
export function atTimeSaid(items: ListedAppointment[], window: SaidWindow | undefined, zone: string): ListedAppointment[] {
  if (!window) return items;
  const near = nearTimeSaid(items, window, zone);
  return near.length ? near : items;
}

/**
 * Nothing of the sender's falls on the whole day said: "cancel my husbands appt on thurs" when
 * the sender has nothing on a thursday (by weekday: any week's) is his booking, not one of theirs.
 */
export function noneOnDaySaid(items: ListedAppointment[], window: SaidWindow & { weekdayOnly?: boolean }, zone: string): boolean {
  const from = DateTime.fromISO(window.from, { zone });
  const to = DateTime.fromISO(window.to, { zone });
  if (window.exactTime || window.dayNamed === false || !to.equals(from.plus({ days: 1 }))) return false;
  const at = (a: ListedAppointment) => DateTime.fromISO(a.start_local, { zone });
  return !items.some((a) => (window.byWeekday || window.weekdayOnly ? at(a).weekday === from.weekday : at(a).hasSame(from, 'day')));
}

/** Some appointment is at the time said, or on its day ("my wife's cut fri at 2" when the sender has nothing friday: none is). */
export function anyAtTimeSaid(items: ListedAppointment[], window: SaidWindow, zone: string): boolean {
  return nearTimeSaid(items, window, zone).length > 0;
}

/** Those at the time said, else (a clock time or part of day nothing has) those on its day; maybe none. */
function nearTimeSaid(items: ListedAppointment[], window: SaidWindow, zone: string): ListedAppointment[] {
  const from = DateTime.fromISO(window.from, { zone });
  const to = DateTime.fromISO(window.to, { zone });
  const at = (a: ListedAppointment) => DateTime.fromISO(a.start_local, { zone });
  const clock = (d: DateTime) => d.hour * 60 + d.minute;
  const onDay = (a: ListedAppointment) => at(a).hasSame(from, 'day');
  const finer = window.exactTime
    ? items.filter((a) => (window.dayNamed === false || onDay(a)) && clock(at(a)) === clock(from))
    : window.dayNamed === false
      ? items.filter((a) => clock(at(a)) >= clock(from) && clock(at(a)) < clock(to))
      : items.filter((a) => at(a) >= from && at(a) < to);
  if (finer.length || window.dayNamed === false) return finer;
  // "the 3pm one on wednesday" when the wednesday booked is a later one than the date read.
  const sameWeekday = window.exactTime ? items.filter((a) => at(a).weekday === from.weekday && clock(at(a)) === clock(from)) : [];
  if (sameWeekday.length) return sameWeekday;
  const sameDay = items.filter(onDay);
  // "cancel the wednesday one" when the only wednesday booked is next week's: a weekday alone names any booking on it.
  if (sameDay.length || !window.byWeekday) return sameDay;
  // "the evening one on wed": of the bookings on that weekday, those in that part of the day.
  const onWeekday = items.filter((a) => at(a).weekday === from.weekday);
  const inPart = onWeekday.filter((a) => clock(at(a)) >= clock(from) && clock(at(a)) < clock(to));
  return inPart.length ? inPart : onWeekday;
}

/**
 * "the later of my 2 saturdays", "the earlier of my monday appts": with an order word, a weekday
 * alone names every booking on it, whichever week; undefined when it does not name several.
 */
export function onWeekdayInOrder(items: ListedAppointment[], window: SaidWindow | undefined, order: BookingOrder | undefined, zone: string): ListedAppointment[] | undefined {
  return order === undefined ? undefined : onWeekdayEvery(items, window, zone);
}

/** "both my monday cuts": a weekday alone names every booking on it, whichever week; undefined when it does not name several. */
export function onWeekdayEvery(items: ListedAppointment[], window: SaidWindow | undefined, zone: string): ListedAppointment[] | undefined {
  if (!window?.byWeekday) return undefined;
  const weekday = DateTime.fromISO(window.from, { zone }).weekday;
  const on = items.filter((a) => DateTime.fromISO(a.start_local, { zone }).weekday === weekday);
  return on.length > 1 ? on : undefined;
}

/**
 * "cancel both my thursday appointments", "all my saturday appts": every booking on the day
 * said; with fewer than two there, the weekday said alone reaches every booking on it, whichever
 * week ("both my appointments wednesday" with two that Wednesday keeps the next one).
 */
export function allOnDaySaid(items: ListedAppointment[], window: SaidWindow | undefined, zone: string): ListedAppointment[] {
  const onDay = atTimeSaid(items, window, zone);
  return onDay.length < 2 ? (onWeekdayEvery(items, window, zone) ?? onDay) : onDay;
}

/**
 * "my next appointment", "the later one" (-1): of several, the one at that place in time, soonest first.
 * "The middle one" is one only of an odd count; of two or four it names none, and all stay to be asked about.
 */
export function byOrder(items: ListedAppointment[], order: BookingOrder | undefined): ListedAppointment[] {
  if (order === undefined || items.length < 2) return items;
  const sorted = [...items].sort((a, b) => a.start_local.localeCompare(b.start_local));
  const at = order === 'middle' ? (sorted.length % 2 === 1 ? (sorted.length - 1) / 2 : undefined) : order;
  if (at === undefined) return items;
  const picked = at < 0 ? sorted[sorted.length + at] : sorted[at];
  return picked ? [picked] : items;
}

/** One booking named among several ("my color on friday", "the haircut on the 10th"). */
export interface NamedBooking {
  service?: string;
  window?: SaidWindow;
}

/**
 * "cancel my color on friday and the haircut on the 10th": the one appointment each part
 * names. Undefined unless every part names exactly one, and all of them differ.
 */
export function eachNamed(items: ListedAppointment[], named: NamedBooking[], zone: string): ListedAppointment[] | undefined {
  const picked: ListedAppointment[] = [];
  for (const n of named) {
    const ofService = n.service ? items.filter((a) => a.service === n.service) : items;
    const fits = n.window ? onDayOrWeekAfter(ofService, n.window, zone) : ofService;
    if (fits.length !== 1 || picked.includes(fits[0]!)) return undefined;
    picked.push(fits[0]!);
  }
  return picked.length >= 2 ? picked : undefined;
}

/**
 * "cancel monday and wednesday" on a Tuesday with bookings next Monday to Wednesday: a day
 * named that has none of them means that weekday a week on, when the bookings are there.
 */
function onDayOrWeekAfter(items: ListedAppointment[], window: SaidWindow, zone: string): ListedAppointment[] {
  const fits = nearTimeSaid(items, window, zone);
  if (fits.length || window.dayNamed === false) return fits;
  const weekOn = (iso: string) => DateTime.fromISO(iso, { zone }).plus({ days: 7 }).toUTC().toISO()!;
  return nearTimeSaid(items, { ...window, from: weekOn(window.from), to: weekOn(window.to) }, zone);
}

/**
 * The appointment the last cancel in this conversation was for, as the listing before it
 * showed it; undefined when nothing was canceled or the listing is no longer in the history.
 */
export function lastCanceled(history: ChatMessage[]): ListedAppointment | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const m = history[i]!;
    if (m.role !== 'assistant' || m.toolCall?.name !== 'cancel_appointment') continue;
    const ref = String(safeJson(m.toolCall.arguments).appointment_ref ?? '').toUpperCase();
    return listedBefore(history, i, ref);
  }
  return undefined;
}

/** The most recent listing before `index` that has this ref (said in any case). */
export function listedBefore(history: ChatMessage[], index: number, ref: string): ListedAppointment | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const m = history[i]!;
    if (m.role !== 'tool' || m.name !== 'list_my_appointments') continue;
    const items = (safeJson(m.content).appointments ?? []) as ListedAppointment[];
    const found = items.find((a) => a.appointment_ref.toUpperCase() === ref.toUpperCase());
    if (found) return found;
  }
  return undefined;
}

/** The last tool the conversation called before this message: what "and the color too" repeats. */
export function lastToolCalled(history: ChatMessage[]): string | undefined {
  let i = history.length - 1;
  while (i >= 0 && history[i]!.role !== 'user') i--;
  for (i--; i >= 0; i--) {
    const m = history[i]!;
    if (m.role === 'assistant' && m.toolCall) return m.toolCall.name;
  }
  return undefined;
}

/** One appointment of the numbered "which one?" menu, as the provider's memory keeps it. */
export interface MenuEntry {
  /** Wall-clock start, "yyyy-MM-ddTHH:mm…". */
  start?: string;
  service?: string;
  staff?: string | null;
}

/** What an answer to "which one?" says of the appointment: "the haircut", "the monday one", "the one with lee", "the 5pm". */
export interface MenuAnswer {
  service?: string;
  /** ISO date of the day named. */
  day?: string;
  staff?: string;
  clock?: { hour: number; minute: number };
  /** The day's weekday (1 = Monday): "the wednesday one" when the Wednesday booked is a later one than the date read. */
  weekday?: number;
  /** A span of days said instead of one ("the january one", "the one next week"): ISO dates, the end not included. */
  within?: { from: string; to: string };
}

/** The index of the only menu entry that fits everything the answer says; undefined when it says nothing, or fits none or several. */
export function menuEntryNamed(entries: MenuEntry[], said: MenuAnswer): number | undefined {
  const { service, day, staff, clock, weekday, within } = said;
  if (!service && !day && !staff && !clock && !within) return undefined;
  const inSpan = (start: string | undefined) => !within || (start !== undefined && start.slice(0, 10) >= within.from && start.slice(0, 10) < within.to);
  const hhmm = clock && `T${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
  const onWeekday = (start: string | undefined) => weekday !== undefined && start !== undefined && DateTime.fromISO(start.slice(0, 10)).weekday === weekday;
  const fitting = (sameDay: (start: string | undefined) => boolean) =>
    entries
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => (!service || e.service === service) && sameDay(e.start) && (!staff || e.staff === staff) && (!hhmm || e.start?.slice(10, 16) === hhmm) && inSpan(e.start));
  const fits = fitting((start) => !day || Boolean(start?.startsWith(day)));
  // None on the date read: the same weekday a week or more on.
  const found = fits.length || !day ? fits : fitting(onWeekday);
  return found.length === 1 ? found[0]!.i : undefined;
}

/**
 * The appointment talked about last in this conversation ("and his brother right after him",
 * "a trim right after it"): the listed one the latest message naming exactly one of them names,
 * booked, moved or shown; undefined when no message names one alone.
 */
export function lastBooked(history: ChatMessage[], items: ListedAppointment[]): ListedAppointment | undefined {
  const when = (a: ListedAppointment) => a.label.slice(a.service.length + 2);
  for (let i = history.length - 1; i >= 0; i--) {
    const m = history[i]!;
    if (m.role !== 'assistant' || m.toolCall || !m.content) continue;
    const said = m.content;
    const named = items.filter((a) => a.label.startsWith(`${a.service}, `) && said.includes(a.service) && said.includes(when(a)));
    if (named.length === 1) return named[0];
  }
  return undefined;
}
