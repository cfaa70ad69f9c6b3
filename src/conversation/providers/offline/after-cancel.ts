import { DateTime } from 'luxon';
import type { ChatMessage } from '../../state.ts';
import { bookedInstead, parseYesNo, type DateRange, type Shift, type Understanding } from '../../understanding/index.ts';
import { normalize } from '../../understanding/text.ts';
import { regretsCancel, undoesCancel } from '../../understanding/undo-cancel.ts';
import type { ProviderView } from '../types.ts';
import { readingContext } from './reading-context.ts';
import { lastCanceled, lastToolCalled, type ListedAppointment } from './which-appointment.ts';

// Right after a cancel is confirmed, the booking that takes its place: asked in the cancel's
// own message ("cancel my consult, just book me a trim at the same time"), or in the next one
// without naming a service ("can i rebook for next tuesday", "could i get one the following
// friday instead"). The orchestrator forgets the provider's memory when it commits, so the
// transcript says what was canceled and what was asked with it.

/** Words that put a new booking in the canceled one's place, so it is of the same service;
 * an availability question right after a cancel ("whens your next opening saturday") is one too. */
const REPLACES = /\b(instead|re-?book|one|again|another (time|day)|openings?|availability|available|free (slots?|spots?|times?)|(next|earliest|first) (slot|spot|time))\b/;
/** "can i get friday at 11 with lee back?", "could i have my slot back": the time just given up, asked back (not "pushed back", "back to 3"). */
const ASKED_BACK = /\b(?:get|have|take|grab) (?:(?!(?:pushed|moved|bumped|set|put)\b)[\w:']+ ){0,6}back\b(?! (?:to|by|an?|one|two|half|\d))/;
/** "the following friday", "the week after": after the canceled appointment's day, not today. */
const FOLLOWING = /\bfollowing\b|\bthe week after\b/;

export interface AfterCancel {
  u: Understanding;
  /** The message only said the time of the booking asked before: propose it at once when free. */
  proposeIfFree: boolean;
}

/** The booking this message asks for in place of the one just canceled, or undefined if it asks for none. */
export function bookingAfterCancel(view: ProviderView, u: Understanding, text: string, history: ChatMessage[]): AfterCancel | undefined {
  // "same again for the 12th" is the booking as before, time of day and all (recent.ts).
  if (u.serviceId || u.sameAsBefore || !['book', 'reschedule', 'choose', 'confirm'].includes(u.intent) || view.offers.length || view.proposal) return undefined;
  const canceled = justCanceled(history);
  if (!canceled) return undefined;
  const asked = bookedInstead(canceled.request, readingContext(view));
  if (asked?.serviceId) return askedWithCancel(view, u, asked, canceled.appointment);
  // "noo i hit yes by accident, put it back": the canceled booking again.
  if (u.intent === 'confirm' || !(REPLACES.test(normalize(text)) || ASKED_BACK.test(normalize(text)) || undoesCancel(text) || regretsCancel(text))) return undefined;
  const serviceId = view.services.find((s) => s.name === canceled.appointment.service)?.id;
  if (!serviceId) return undefined;
  const said = onCanceledDay(view, rebookWhen(view, u), canceled.appointment);
  const when = (FOLLOWING.test(normalize(text)) || u.shift?.weekday) && said ? afterDayOf(view, said, canceled.appointment) : said;
  return { u: { ...u, intent: 'book', serviceId, when, shift: withoutWeekday(u.shift), changesBooked: undefined, abandons: undefined }, proposeIfFree: false };
}

/** The shift without its "the following friday", which `afterDayOf` has put after the canceled day already. */
function withoutWeekday(shift: Shift | undefined): Shift | undefined {
  if (!shift?.weekday) return shift;
  const { weekday: _placed, ...rest } = shift;
  return rest.minutes || rest.days || rest.sameTime || rest.sameDay ? rest : undefined;
}

/** The booking asked with the cancel, at the time it named ("at the same time" is the canceled one's), the time said now on its day. */
function askedWithCancel(view: ProviderView, u: Understanding, asked: Understanding, appt: ListedAppointment): AfterCancel {
  const zone = view.timeZone;
  const same = DateTime.fromISO(appt.start_local, { zone });
  const base = asked.shift?.sameTime ? { from: same.toJSDate(), to: same.plus({ minutes: 1 }).toJSDate(), exactTime: true, dayNamed: true, description: 'same time' } : asked.when;
  const timeOnly = u.when?.dayNamed === false;
  // "cancel my dec 10 color and put me down for a trim that day at 2": a time said without a day is on the canceled one's day.
  const when = onCanceledDay(view, timeOnly && base ? onDayOf(view, u.when!, base) : timeOnly ? base : (u.when ?? base), appt);
  const staffId = u.staffId ?? asked.staffId;
  const next: Understanding = { intent: 'book', serviceId: asked.serviceId, ...(when ? { when } : {}), ...(staffId ? { staffId } : {}) };
  return { u: next, proposeIfFree: Boolean(when?.exactTime) };
}

/**
 * "can i rebook wednesday, after 2" reads like a move of wednesday's to 2: after a cancel both
 * are the new booking's, the time on that day.
 */
function rebookWhen(view: ProviderView, u: Understanding): DateRange | undefined {
  if (!u.apptWhen || (u.when && u.when.dayNamed !== false)) return u.when ?? u.apptWhen;
  if (!u.when) return u.apptWhen;
  return onDayOf(view, u.when, u.apptWhen);
}

/** "can u book me 4:30 that same day": a time said without a day is on the canceled booking's day, the day being talked about. */
function onCanceledDay(view: ProviderView, when: DateRange | undefined, appt: ListedAppointment): DateRange | undefined {
  if (when?.dayNamed !== false) return when;
  const at = DateTime.fromISO(appt.start_local, { zone: view.timeZone });
  return onDayOf(view, when, { from: at.toJSDate(), to: at.toJSDate(), exactTime: true, description: 'canceled' });
}

/** A time said without a day, put on the day of `day`. */
function onDayOf(view: ProviderView, time: DateRange, day: DateRange): DateRange {
  const d = DateTime.fromJSDate(day.from, { zone: view.timeZone });
  const on = (at: Date) => DateTime.fromJSDate(at, { zone: view.timeZone }).set({ year: d.year, month: d.month, day: d.day }).toJSDate();
  return { ...time, from: on(time.from), to: on(time.to), dayNamed: true };
}

/** A day said as "the following friday" moved a week at a time until it comes after the canceled appointment's day. */
function afterDayOf(view: ProviderView, when: DateRange, appt: ListedAppointment): DateRange {
  const zone = view.timeZone;
  const apptDay = DateTime.fromISO(appt.start_local, { zone }).startOf('day');
  let from = DateTime.fromJSDate(when.from, { zone });
  let to = DateTime.fromJSDate(when.to, { zone });
  while (from.startOf('day') <= apptDay) {
    from = from.plus({ days: 7 });
    to = to.plus({ days: 7 });
  }
  return { ...when, from: from.toJSDate(), to: to.toJSDate() };
}

/**
 * The appointment canceled by the yes just before this message, and the customer's words
 * that asked for the cancel; undefined unless the last thing done was that cancel.
 */
function justCanceled(history: ChatMessage[]): { appointment: ListedAppointment; request: string } | undefined {
  if (lastToolCalled(history) !== 'cancel_appointment') return undefined;
  const call = findLastIndex(history, (m) => m.role === 'assistant' && m.toolCall?.name === 'cancel_appointment');
  const users = history.map((m, i) => ({ m, i })).filter(({ m, i }) => m.role === 'user' && i > call);
  // The yes that committed it, then this message: nothing said in between.
  if (users.length !== 2 || parseYesNo(users[0]!.m.content ?? '') !== 'yes') return undefined;
  const request = findLastIndex(history.slice(0, call), (m) => m.role === 'user');
  const appointment = lastCanceled(history);
  return appointment ? { appointment, request: request >= 0 ? (history[request]!.content ?? '') : '' } : undefined;
}

function findLastIndex<T>(items: T[], fits: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (fits(items[i]!)) return i;
  return -1;
}
