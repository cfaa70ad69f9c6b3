import { DateTime } from 'luxon';
import type { ChatMessage } from '../../state.ts';
import { keepsOnlyBooked } from '../../understanding/only-booked-kept.ts';
import { T, T2, formatPrice, formatSlotLabel, numbered } from '../../templates.ts';
import type { ToolArgs, ToolName } from '../../tools/definitions.ts';
import { businessClock, keepsTheTime, onlySameDay, understand, type BookingOrder, type DateRange, type Shift, type Understanding } from '../../understanding/index.ts';
import { onlyArrivalNotice } from '../../understanding/arrival-notice.ts';
import { refusesToAnswer } from '../../intake-answers/declines.ts';
import { readYesNoInWords } from '../../intake-answers/yes-no.ts';
import { intakeAside } from '../../understanding/intake-aside.ts';
import { readLengthAndSize } from '../../understanding/length-and-size.ts';
import { appointmentMeant, appointmentOf, windowNextTo, type NextToIso } from './next-to.ts';
import { offerAtHourMeant } from './asked-hour.ts';
import { changesPartOfRequest } from './part-changed.ts';
import { bookingAfterCancel } from './after-cancel.ts';
import { againAsBefore, justMoved, recentDay } from './recent.ts';
import { durationAnswer, priceNotListed } from './catalog-answer.ts';
import { booksExactTime, correctsDayOfExactTime, isExactAsked, movesToExactTime, withAskedStaff } from './direct.ts';
import type { ModelProvider, ProviderRequest, ProviderStep, ProviderView } from '../types.ts';
import { allOnDaySaid, anyAtTimeSaid, atTimeSaid, noneOnDaySaid, byOrder, eachNamed, lastBooked, lastCanceled, lastToolCalled, menuEntryNamed, onWeekdayEvery, onWeekdayInOrder, withStaff, type ListedAppointment } from './which-appointment.ts';
import { safeJson } from './safe-json.ts';
import { completedText } from './cut-short.ts';
import { pointsAtOne, setsRight } from '../../understanding/which-booking.ts';
import { onThatDay } from './that-day.ts';
import { onWeekdayDiscussed, withDaySaid } from './weekday-discussed.ts';
import { onBookingWeekday } from './booking-weekday.ts';
import { moveAfterPolicy, rememberMoveAsked, type MoveAsked } from './move-after-policy.ts';
import { onListedDay } from './listed-day.ts';
import { movedToProposed } from './move-to-proposed.ts';
import { unmatchedCancel } from './cancel-unmatched.ts';
import { asksOtherTime, bookingNamed } from './booking-named-asked.ts';
import { heardOnTheWay } from './on-the-way.ts';
import { readingContext } from './reading-context.ts';
import { serviceOfOwnBooking } from './same-as-own.ts';
import { pickedBesideKept } from './kept-at-menu.ts';

// The deterministic provider (the default when no OPENAI_API_KEY is set). It reads the
// customer's words with the offline understanding module and answers with exactly the
// tool calls a model would make, one at a time, through the same tools and guards. Its
// only state is the small memory the orchestrator stores for it between messages.

interface Memory {
  flow?: 'book' | 'reschedule' | 'cancel';
  serviceId?: string;
  staffId?: string;
  /** "if she's busy lee is fine": who may take the time asked when the one asked for has it not. */
  fallbackStaffId?: string;
  /** "a cut with whoever does the color": the service looked up to learn who does it. */
  staffOfService?: string;
  when?: { from: string; to: string; exactTime: boolean; earliest: boolean; latest?: boolean; dayNamed?: boolean; byWeekday?: boolean; weekdayOnly?: boolean };
  apptRef?: string;
  /** Which appointment a move names by its date ("my thursday appt to friday"), when it names one. */
  apptWhen?: { from: string; to: string; byWeekday?: boolean; exactTime?: boolean; dayNamed?: boolean };
  /** Wall-clock start ("yyyy-MM-ddTHH:mm") of the appointment being moved or referred to. */
  apptStart?: string;
  /** A time said relative to that appointment or to the window on screen, waiting for its reference. */
  shift?: Shift;
  /** Which numbered menu the last reply showed (besides offers, which the view carries). */
  menu?: 'service' | 'appointment';
  menuItems?: string[];
  /** How long and for how many the requester asked (length-and-size.ts). */
  durationMinutes?: number;
  minCapacity?: number;
  /** Wall-clock starts of the appointments in that menu, in the same order. */
  menuStarts?: string[];
  /** The offer proposed because the customer named its time ("what about 2"), not its number. */
  pickedByTime?: string;
  /** The customer picked a time no offer on screen had: the search for it looks first, to propose it when free. */
  proposeIfFree?: boolean;
  /** Wall-clock start ("yyyy-MM-ddTHH:mm") of the new booking last proposed: "friday, same time" at its summary is from it. */
  proposedAt?: string;
  /** The days (yyyy-MM-dd) the customer named lately, so a weekday said alone again means the one talked about. */
  daysSaid?: string[];
  /** "with the same stylist": the booking placed by another is with that one's person. */
  sameStaff?: boolean;
  /** The service of the booking the new one is placed beside ("a color before my cut"): "just the cut" then keeps only that one. */
  besideServiceId?: string;
  /** Service names of the appointments in that menu, so "the haircut" picks one. */
  menuServices?: string[];
  /** Who each appointment in that menu is with, so "the one with lee" picks one. */
  menuStaff?: Array<string | null>;
  /** A booking asked in the same message as a question: made once the question is answered. */
  thenBook?: boolean;
  /** "confirm" with nothing on screen: the booking there is, else the yes is not understood. */
  checksBooking?: boolean;
  /** "whats ur address and email": the second topic, looked up once the first is answered. */
  alsoTopic?: 'hours' | 'address' | 'contact';
  /** "whats ur address and how much is a cut": the service's price from the catalog, said after the answer. */
  alsoPrice?: string;
  /** The weekday (1 = Monday) an hours question asked about ("are you open sunday?"). */
  infoDay?: number;
  /** "where is my appt": the appointments are listed with their location's address. */
  asksWhere?: boolean;
  /** "how much is my appt monday gonna cost": the appointments are listed with their services' prices. */
  pricesBooked?: boolean;
  /** "do u sell gift cards": the contact answer is led by what it is for. */
  giftCards?: boolean;
  /** "do you do nails": the service list answers that it is not offered. */
  notOffered?: boolean;
  /** The customer's words for it ("nails"), repeated in that answer. */
  notOfferedName?: string;
  /** A new booking placed by one the customer has ("right after my haircut"): placed once the appointments are listed. */
  nextTo?: NextToIso;
  /** The service a price question named ("how much is color"), when not the one being booked. */
  askedServiceId?: string;
  /** The services a price question set side by side ("color vs a cut"): each price is said. */
  askedServiceIds?: string[];
  /** A time said as a change ("can we do friday at 11 instead"): a move if there is a booking, else a new one. */
  maybeMove?: boolean;
  /** The request is about another person's booking ("cancel my wife's color"). */
  othersBooking?: boolean;
  /** "when's my next appt?": the order of the one booking the list answers about (0 the soonest). */
  referOrder?: BookingOrder;
  /** "anything with lee coming up?": the person the question named, whose one booking the list answers about. */
  referStaffId?: string;
  /** Wall-clock start of the one booking the last answer was about, which "cancel that one" means. */
  referredStart?: string;
  /** The person named says which booking is moved ("my appt with lee"), as for a cancel. */
  bookedWith?: boolean;
  /** The person the moved booking is with, when another (`staffId`) does its new time ("my cut with dana to sat w lee"). */
  bookedStaffId?: string;
  /** A question asked beside the request, answered first (its tool's result becomes `preface`). */
  answering?: 'info' | 'price' | 'appointments';
  alsoServiceId?: string;
  /** "when is it again?" while a move waits: the list answers it and the move stays as it was. */
  onlyList?: boolean;
  /** The answer to that question, said before whatever the request shows this turn. */
  preface?: string;
  /** The listing asked for is one booking picked from the list just shown ("the one on the 11th"): "it" means that one next. */
  pickedFromList?: boolean;
  /** "my next appointment", "the later one": the booking meant by its place in time (which-booking.ts). */
  order?: BookingOrder;
  /** "one of my saturday cuts": the weekday said names each booking on it, whichever week, and which is asked. */
  severalOnWeekday?: boolean;
  /** "cancel both", "all of them": every appointment meant is canceled on one yes. */
  cancelAll?: boolean;
  /** The cancel on the table is of several bookings at once, which "just the haircut" narrows to one. */
  severalAsked?: boolean;
  /** "move both our haircuts to the 12th": each appointment meant is moved in turn, the message read again after each move. */
  moveAll?: boolean;
  /** "cancel my color on friday and the haircut on the 10th": each booking named, canceled on one yes. */
  targets?: Array<{ serviceId?: string; when?: NonNullable<Memory['when']> }>;
  /** "is it too late to move my friday appt?": the booking asked about, moved by a time said next (move-after-policy.ts). */
  moveAsked?: MoveAsked;
  /** No service said, a time asked: the bookings are looked at first, one named by its day is moved (booking-named-asked.ts). */
  bookingsChecked?: boolean;
  /** "my son wants to come in too": no service said, so the customer's own bookings were looked at for it (same-as-own.ts). */
  ownServiceChecked?: boolean;
  /** "cancel my wed appt and book me a color instead": the words asked once that booking is canceled, unless it is a color (then moved). */
  orCancelThen?: string;
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
      return heardOnTheWay(lastUserText(req.history), decide(req));
    },
  };
}

function lastUserText(history: ChatMessage[]): string {
  return completedText(history);
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


function call<N extends ToolName>(name: N, args: ToolArgs<N>, memory: Memory, opts: { provisional?: boolean } = {}): ProviderStep {
  callCounter = (callCounter + 1) % 1_000_000;
  const step: ProviderStep = { kind: 'tool', call: { id: `offline_${callCounter}`, name, arguments: JSON.stringify(args) }, memory: { ...memory } };
  return opts.provisional ? { ...step, provisional: true } : step;
}

/** A search for the offers on screen; one for a time the customer picked looks before it shows (see `proposeNamed`). */
function search(args: ToolArgs<'find_slots'>, memory: Memory): ProviderStep {
  return call('find_slots', args, memory, { provisional: Boolean(memory.proposeIfFree) });
}

function reply(text: string, memory: Memory, extra: { choices?: Array<{ value: string; label: string }>; expecting?: ProviderView['expecting'] } = {}): ProviderStep {
  return { kind: 'reply', text, ...extra, memory: { ...memory } };
}

function toMemoryWhen(r: DateRange): NonNullable<Memory['when']> {
  const w: NonNullable<Memory['when']> = { from: r.from.toISOString(), to: r.to.toISOString(), exactTime: r.exactTime, earliest: Boolean(r.earliest) };
  if (r.latest) w.latest = true;
  if (r.dayNamed === false) w.dayNamed = false;
  if (saidByWeekday(r)) w.byWeekday = true;
  if (r.weekdayOnly) w.weekdayOnly = true;
  return w;
}

/** "wednesday", "the wednesday one": one whole day said by its weekday, no date number in it ("wed the 9th" is a date). */
function saidByWeekday(r: DateRange): boolean {
  const description = r.description ?? '';
  return !r.exactTime && r.to.getTime() - r.from.getTime() <= 25 * 3_600_000 && /\b(mon|tue|wed|thu|fri|sat|sun)/.test(description) && !/\d/.test(description);
}

/** The window of the appointments meant ("my thursday one"), as the memory keeps it. */
function isoWindow(r: { from: Date; to: Date }): NonNullable<Memory['apptWhen']> {
  return { from: r.from.toISOString(), to: r.to.toISOString() };
}

/** The name of the catalog's service with this id (undefined for none). */
function serviceName(view: ProviderView, id: string | undefined): string | undefined {
  return view.services.find((s) => s.id === id)?.name;
}

/** The booking a move names, with what says how to match it: its clock time ("my 4pm"), or a part of any day ("the afternoon one"). */
function bookingWindow(r: DateRange): NonNullable<Memory['apptWhen']> {
  // "my thurs 5pm": a booking said by its weekday and clock time is named by its weekday too.
  return { ...isoWindow(r), ...(saidByWeekday(r) || r.weekdayOnly ? { byWeekday: true } : {}), ...(r.exactTime ? { exactTime: true } : {}), ...(r.dayNamed === false ? { dayNamed: false } : {}) };
}

/** An exact wall-clock time in the business zone, as the memory keeps a window. */
function exactWhen(at: DateTime): NonNullable<Memory['when']> {
  return { from: at.toUTC().toISO()!, to: at.plus({ minutes: 1 }).toUTC().toISO()!, exactTime: true, earliest: false };
}

/**
 * A window said without a day ("after 4", "3pm") moved onto the day being talked about:
 * the window on screen, else the appointment being moved. Said with a day, it stays.
 */
function onDay(view: ProviderView, when: NonNullable<Memory['when']>, reference: string | undefined): NonNullable<Memory['when']> {
  if (when.dayNamed !== false || !reference) return when;
  const zone = view.timeZone;
  const target = DateTime.fromISO(reference, { zone }).startOf('day');
  const from = DateTime.fromISO(when.from, { zone });
  const days = Math.round(target.diff(from.startOf('day'), 'days').days);
  if (days === 0) return when;
  const move = (iso: string) => DateTime.fromISO(iso, { zone }).plus({ days }).toUTC().toISO()!;
  return { ...when, from: move(when.from), to: move(when.to), dayNamed: true };
}

/** The time a shift names from a reference start: "an hour later", "same time next week", "monday same time". */
function shifted(view: ProviderView, start: string, shift: Shift, when: Memory['when']): NonNullable<Memory['when']> {
  if (shift.sameDay && onlySameDay(shift)) return onItsDay(view, start, shift.sameDay, when);
  const zone = view.timeZone;
  let at = DateTime.fromISO(start, { zone });
  if (shift.weekday) return onWeekdayAfter(view, at, shift, when);
  if (when && when.dayNamed !== false && shift.sameTime) {
    const day = sameWeekdayIn(DateTime.fromISO(when.from, { zone }), DateTime.fromISO(when.to, { zone }), at);
    at = at.set({ year: day.year, month: day.month, day: day.day });
  }
  return exactWhen(at.plus({ days: shift.days, minutes: shift.minutes }));
}

/** "the week after next, same day and time": in a window of several days, the day on the booking's weekday (else the window's first). */
function sameWeekdayIn(from: DateTime, to: DateTime, booked: DateTime): DateTime {
  if (to.diff(from, 'days').days < 2) return from;
  const day = from.plus({ days: (booked.weekday - from.weekday + 7) % 7 });
  return day < to ? day : from;
}

/**
 * "the following saturday": the first such weekday after the reference's day. At the
 * reference's time when "same time" was said; else at the time (or part of day) said; else
 * that whole day.
 */
function onWeekdayAfter(view: ProviderView, at: DateTime, shift: Shift, when: Memory['when']): NonNullable<Memory['when']> {
  const day = at.plus({ days: (shift.weekday! - at.weekday + 7) % 7 || 7, minutes: shift.minutes });
  if (shift.sameTime || !when) return exactWhen(day);
  const from = DateTime.fromISO(when.from, { zone: view.timeZone });
  const wholeDay = !when.exactTime && from.equals(from.startOf('day')) && DateTime.fromISO(when.to, { zone: view.timeZone }).diff(from, 'hours').hours >= 23;
  if (wholeDay) return { ...when, from: day.startOf('day').toUTC().toISO()!, to: day.startOf('day').plus({ days: 1 }).toUTC().toISO()!, dayNamed: true };
  return onDay(view, { ...when, dayNamed: false }, day.toISO()!);
}

/**
 * "earlier that day", "later in the day, like after 3": a time said without a day goes on the
 * reference's day; else the part of that day before (or after) the reference.
 */
function onItsDay(view: ProviderView, start: string, way: 'earlier' | 'later', when: Memory['when']): NonNullable<Memory['when']> {
  if (when && when.dayNamed === false) return onDay(view, when, start);
  const at = DateTime.fromISO(start, { zone: view.timeZone });
  // "later in the day tmrw, sometime after 3": a part of the booking's own day, said with its day, is the window.
  if (when && partOfDay(view, when, at)) return when;
  const from = way === 'earlier' ? at.startOf('day') : at.plus({ minutes: 1 });
  const to = way === 'earlier' ? at : at.startOf('day').plus({ days: 1 });
  return { from: from.toUTC().toISO()!, to: to.toUTC().toISO()!, exactTime: false, earliest: false };
}

/** A window inside the given day that is not the whole of it ("tmrw after 3" for a booking tomorrow). */
function partOfDay(view: ProviderView, when: NonNullable<Memory['when']>, day: DateTime): boolean {
  const from = DateTime.fromISO(when.from, { zone: view.timeZone });
  const to = DateTime.fromISO(when.to, { zone: view.timeZone });
  const whole = from.equals(from.startOf('day')) && to.diff(from, 'hours').hours >= 23;
  return !whole && from.hasSame(day, 'day');
}

/** A window moved by a shift ("what about the week after" while next week is on screen). */
function shiftWindow(view: ProviderView, when: NonNullable<Memory['when']>, shift: Shift): NonNullable<Memory['when']> {
  const move = (iso: string) => DateTime.fromISO(iso, { zone: view.timeZone }).plus({ days: shift.days, minutes: shift.minutes }).toUTC().toISO()!;
  return { ...when, from: move(when.from), to: move(when.to) };
}

function findSlotsArgs(view: ProviderView, memory: Memory, service: string, apptRef: string | null): ToolArgs<'find_slots'> {
  const local = (iso: string) => DateTime.fromISO(iso, { zone: view.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
  const w = memory.when;
  const staff = memory.staffId ? (view.staff.find((s) => s.id === memory.staffId)?.name ?? null) : null;
  const size = { duration_minutes: memory.durationMinutes ?? null, min_capacity: memory.minCapacity ?? null };
  // "asap": the search's own next two weeks. "the earliest next week" keeps its week.
  const fromNow = w && new Date(w.from).getTime() <= Date.parse(view.now) + 3_600_000;
  if (!w || (w.earliest && fromNow && !w.exactTime && new Date(w.to).getTime() - new Date(w.from).getTime() > 3 * 86_400_000)) {
    return { service, from: null, to: null, exact_time: null, staff, appointment_ref: apptRef, ...size, latest: null };
  }
  // "The latest": the last openings of the window, the last one first.
  const latest = Boolean(w.latest && !w.exactTime) || null;
  return { service, from: local(w.from), to: w.exactTime ? null : local(w.to), exact_time: w.exactTime, staff, appointment_ref: apptRef, ...size, latest };
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
  const ctx = {
    ...readingContext(view),
    expecting: view.expecting,
    optionCount,
    offersUnseen: view.offersShown === false && view.offers.length > 0,
  };
  // "tell dana im 5 min out": read whole, before the length reader cuts its minutes of travel away.
  const heard: Understanding = onlyArrivalNotice(text)
    ? { intent: 'unknown' }
    : bookingNamedWithNewTime(memory, understand(asked.text, ctx), () => understand(asked.text, { ...ctx, expecting: null, optionCount: undefined }));
  // The days said go with the memory at a commit; "same day" then means the booking just made's.
  const daysSaid = memory.daysSaid ?? (heard.thatDay ? [recentDay(view, req.history)].filter((d): d is string => Boolean(d)) : undefined);
  const u = onThatDay(view, onWeekdayDiscussed(view, heard, memory.daysSaid), daysSaid);
  if (!turn.length) {
    memory.daysSaid = withDaySaid(view, memory.daysSaid, u);
    // A look at a picked time belongs to the turn that asked for it.
    delete memory.proposeIfFree;
    delete memory.preface;
    rememberSize(memory, u, asked);
    if (u.also?.asksDuration) return withPreface(lengthFirst(req, u, memory, text));
    if (u.also) return withPreface(askFirst(view, u.also, memory));
  }
  if (turn.length) return withPreface(afterTool(req, u, memory, turn), memory.preface);
  const party = u.intent === 'book' && u.party ? partyRest(view, u) : undefined;
  const second = secondAtSameTime(view, u, text);
  const step = withPreface(swapInTwoSteps(view, u, forEachOfParty(view, u, oneBookingAtATime(view, u, firstStep(req, u, memory, text), Boolean(second)))));
  // "cancel my color and move my cut": the second request waits for the first's yes.
  const then = party ?? u.then ?? second;
  return then ? { ...step, then } : step;
}

/**
 * "the dec 15 one, make it wed dec 16 same time (noon)" to "which one would you like to
 * reschedule?": a menu of bookings is no list of times, so a booking named by its day with a new
 * time is read as it would be with nothing on screen (which booking, and its new time), not as a
 * pick by the clock time said. A plain pick ("the dec 15 one", "2") stays a pick.
 */
function bookingNamedWithNewTime(memory: Memory, u: Understanding, unprompted: () => Understanding): Understanding {
  if (memory.menu !== 'appointment' || memory.flow !== 'reschedule' || u.apptWhen || !u.when) return u;
  const moved = unprompted();
  return moved.intent === 'reschedule' && moved.apptWhen && moved.when ? moved : u;
}

/**
 * "me and my son both need cuts thurs at 2", "cuts for me + my 2 boys, one after the other":
 * the first person's booking now; each other one asked, in words the provider reads, once the
 * one before is booked: at that booking's very time (another stylist) or right after it.
 */
function partyRest(view: ProviderView, u: Understanding): string | undefined {
  const name = serviceName(view, u.serviceId);
  if (!name || !u.party || u.party.size < 2) return undefined;
  // "color for me, cut for him": each next person's own service, else the first one's.
  const own = (i: number) => (serviceName(view, u.party?.services?.[i]) ?? name).toLowerCase();
  // "at 11:30 and 12": each next person at their own time, on the day of the one booked before them.
  const times = u.party.times?.map((t, i) => `a ${own(i)} at ${t} the same day as them`);
  const placed = u.party.together ? 'at the same time as them' : 'right after them';
  return (times ?? Array.from({ length: u.party.size - 1 }, (_, i) => `a ${own(i)} ${placed}`)).join(', then ');
}

/** The reply to a party's booking says first what will be done: how many, placed how, one yes each. */
function forEachOfParty(view: ProviderView, u: Understanding, step: ProviderStep): ProviderStep {
  const name = serviceName(view, u.serviceId);
  if (u.intent !== 'book' || !u.party || !name) return step;
  const how = u.party.times ? 'times' : u.party.together ? 'together' : 'in turn';
  // "color for me, cut for him": bookings of several services, named by none.
  const mixed = u.party.services?.some((id) => id !== u.serviceId);
  return { ...step, memory: { ...step.memory, preface: T2.partyPlan(mixed ? '' : name, u.party.size, how) } };
}

/** "switch my color to a cut": the cancel's question says first that the other service follows, so no one thinks it only cancels. */
function swapInTwoSteps(view: ProviderView, u: Understanding, step: ProviderStep): ProviderStep {
  const from = serviceName(view, u.serviceId);
  const to = serviceName(view, u.replacedBy);
  if (u.intent !== 'cancel' || !u.then || !from || !to) return step;
  return { ...step, memory: { ...step.memory, preface: T2.swapPlan(from, to) } };
}

/** "a color at 9 and a haircut right after": the first is booked now, the reply says the second comes next. */
function oneBookingAtATime(view: ProviderView, u: Understanding, step: ProviderStep, sameTime = false): ProviderStep {
  const first = serviceName(view, u.serviceId);
  const second = serviceName(view, u.secondServiceId);
  if (u.intent !== 'book' || !first || !second) return step;
  return { ...step, memory: { ...step.memory, preface: sameTime ? T2.oneThenSameTime(first, second) : T2.oneAtATime(first, second) } };
}

// "i want a cut and she wants highlights, both fri at 10", "a trim and a color at the same time": one time for both services.
const BOTH_AT_ONCE = /\b(?:both|same time|at once|together)\b/;

/** The second service of the text, asked once the first is booked, at that booking's very time: the words the provider reads then. */
function secondAtSameTime(view: ProviderView, u: Understanding, text: string): string | undefined {
  const second = serviceName(view, u.secondServiceId);
  if (u.intent !== 'book' || !u.serviceId || !second || !u.when?.exactTime || !BOTH_AT_ONCE.test(text.toLowerCase())) return undefined;
  return `a ${second.toLowerCase()} at the same time as them`;
}

/**
 * The answer given first this turn goes before what the turn shows: carried from step to
 * step (a tool may show nothing), said before a tool's display or the reply.
 */
function withPreface(step: ProviderStep, carried?: string): ProviderStep {
  const preface = (step.memory as Memory | undefined)?.preface ?? carried;
  if (!preface) return step;
  if (step.kind === 'tool') return { ...step, preface: step.preface ? `${preface}\n${step.preface}` : preface, memory: { ...step.memory, preface } };
  return { ...step, text: `${preface}\n${step.text}`, memory: { ...step.memory, preface: undefined } };
}

/** The question asked beside a request, looked up first; `answered` turns its result into the preface. */
function askFirst(view: ProviderView, q: Understanding, memory: Memory): ProviderStep {
  const next: Memory = { ...memory, alsoServiceId: q.serviceId };
  if (q.intent === 'my_appointments') return call('list_my_appointments', {}, { ...next, answering: 'appointments' });
  if (q.asksServices) return call('list_services', {}, { ...next, answering: 'price' });
  return call('business_info', { topic: q.infoTopic ?? 'all' }, { ...next, answering: 'info', infoDay: hoursDay(view, q), giftCards: q.giftCards });
}

/**
 * "how long does a color take? and when's mine again": the length is in the catalog, so no tool
 * looks it up; it leads the reply, and the rest of the message goes on at once.
 */
function lengthFirst(req: ProviderRequest, u: Understanding, memory: Memory, text: string): ProviderStep {
  const preface = durationAnswer(req.view, u.also?.serviceId ?? memory.serviceId);
  const step = firstStep(req, { ...u, also: undefined }, memory, text);
  return { ...step, memory: { ...step.memory, preface } };
}

/** The answer to the question asked beside the request, as one text. */
function answered(view: ProviderView, memory: Memory, res: Record<string, unknown>): string {
  if (memory.answering === 'info') return infoAnswer(memory, res);
  const name = serviceName(view, memory.alsoServiceId);
  if (memory.answering === 'price') {
    const services = (res.services ?? []) as Array<{ name: string; price: string | null }>;
    const meant = services.filter((s) => !name || s.name === name);
    return meant.map((s) => (s.price ? `${s.name}: ${s.price}` : s.name)).join('\n');
  }
  const items = (res.appointments ?? []) as ListedAppointment[];
  const meant = items.filter((a) => !name || a.service === name);
  return meant.length ? T2.youHave(meant.map((a) => a.label)) : T.noAppointments;
}

function firstStep(req: ProviderRequest, heard: Understanding, remembered: Memory, text: string): ProviderStep {
  const { view } = req;
  const after = bookingAfterCancel(view, heard, text, req.history);
  // The rules question about a move counts for the very next message only.
  const { moveAsked, ...kept } = remembered;
  const asMove = moveAfterPolicy(heard, moveAsked);
  if (asMove) return rescheduleStep(view, asMove, {});
  // "nvm, just the cut" at a color placed before that cut: the new booking is dropped, the cut kept.
  if (keepsOnlyBooked(heard, kept, text)) return reply(T2.onlyBookedKept(serviceName(view, kept.serviceId) ?? 'new booking'), {});
  const busy = view.offers.length > 0 || view.proposal !== null || Boolean(kept.flow);
  const read = after?.u ?? onListedDay(view, heard, text, req.history, busy) ?? againAsBefore(view, swapInBooking(view, heard, kept, text), { history: req.history, serviceKept: Boolean(kept.serviceId) });
  // "just move the one i have to then instead" at a new booking's summary: the booking had goes to the time proposed.
  const u = kept.flow === 'book' && atSummary(view) ? movedToProposed(read, kept.proposedAt, view.timeZone) : read;
  const memory: Memory = u.abandons ? carriedOver(kept, u) : kept;
  const besideKept = u.intent === 'decline' && !u.abandons ? keptAtMenu(view, memory, text) : undefined;
  if (besideKept !== undefined) return chooseFromScreen(view, { intent: 'choose', choiceIndex: besideKept }, memory)!;
  if (after?.proposeIfFree) memory.proposeIfFree = true;
  if (u.anyStaff) delete memory.staffId;
  // A correction of which booking ("sorry no, i meant the haircut") reads as a fresh start; the cancel it corrects is in `kept`.
  const onScreen = offersOfOtherService(u, kept) ? undefined : chooseFromScreen(view, u, memory);
  return commandOrAnswer(view, u, memory, text) ?? oneOfListed(req, u, memory, text) ?? movedAgain(req, u, memory, text) ?? moveAgainForAnother(req, u, memory, text) ?? cancelEveryListed(u, memory) ?? cancelAgain(req, u, kept) ?? moveInsteadOfCancel(view, u, kept) ?? lookUpStaffOfService(view, u, memory) ?? byIntent(view, u, memory) ?? lookUpNextTo(view, u, memory) ?? lookUpBooked(view, u, memory) ?? onScreen ?? searchOrAsk(view, u, memory);
}

/** "the colour, keep the trim" to which booking to cancel or move: the menu entry picked beside the one kept (kept-at-menu.ts). */
function keptAtMenu(view: ProviderView, memory: Memory, text: string): number | undefined {
  if (memory.menu !== 'appointment' || !memory.menuItems) return undefined;
  const ctx = { ...readingContext(view), expecting: null };
  const entryNamed = (words: string) => appointmentNamed(view, memory, understand(words, ctx));
  return pickedBesideKept(text, memory.menuItems.length, entryNamed);
}

/**
 * "a cut with whoever does the color there": who does the color is learned from its openings
 * (a look, never shown), then the cut is searched with that person.
 */
function lookUpStaffOfService(view: ProviderView, u: Understanding, memory: Memory): ProviderStep | undefined {
  const slug = serviceSlug(view, u.staffOfService);
  if (u.intent !== 'book' || !slug || u.staffId || !u.serviceId) return undefined;
  const look = { service: slug, from: null, to: null, exact_time: null, staff: null, appointment_ref: null, duration_minutes: null, min_capacity: null, latest: null };
  return call('find_slots', look, { ...memory, staffOfService: u.staffOfService }, { provisional: true });
}

/** The person whose openings the look found, when only one does that service; several leave the choice open. */
function withStaffOfService(view: ProviderView, u: Understanding, memory: Memory): ProviderStep {
  const staffIds = new Set(view.staff.map((s) => s.id));
  const found = [...new Set(view.offers.flatMap((o) => (o.resourceIds ?? []).filter((id) => staffIds.has(id))))];
  const next: Memory = { ...memory, staffOfService: undefined };
  const heard: Understanding = { ...u, staffOfService: undefined, ...(found.length === 1 ? { staffId: found[0] } : {}) };
  // The look's openings are the other service's: nothing is picked from them.
  return byIntent(view, heard, next) ?? lookUpNextTo(view, heard, next) ?? lookUpBooked(view, heard, next) ?? searchOrAsk(view, heard, next);
}

/**
 * "never mind the color, just a cut at 1" at a color's summary or list: the times on screen are
 * the color's, so the time said is searched for the new service, never picked from them.
 */
function offersOfOtherService(u: Understanding, kept: Memory): boolean {
  return kept.flow === 'book' && kept.menu !== 'appointment' && Boolean(u.serviceId && kept.serviceId && u.serviceId !== kept.serviceId);
}

/**
 * "can we do friday at 11 instead" with nothing being booked: a change of a time already
 * set, so the customer's appointments say what it changes (the one there is, or which of
 * several). With none, or none of the service named, it is a booking after all.
 */
function lookUpBooked(view: ProviderView, u: Understanding, memory: Memory): ProviderStep | undefined {
  if (u.intent !== 'book' || !u.changesBooked || !u.when) return undefined;
  const underway = view.offers.length > 0 || view.proposal !== null || memory.flow === 'book' || memory.flow === 'reschedule' || memory.menu !== undefined;
  if (underway) return undefined;
  const bookedWith = bookedWithOf(u);
  return call('list_my_appointments', {}, { flow: 'reschedule', maybeMove: true, serviceId: u.serviceId, staffId: u.staffId, when: toMemoryWhen(u.when), order: u.order, ...bookedWith });
}

/** "a consult right after my haircut thursday": the customer's appointments say where the new booking goes. */
function lookUpNextTo(view: ProviderView, u: Understanding, memory: Memory): ProviderStep | undefined {
  if (u.intent !== 'book' || !u.nextTo) return undefined;
  const { edge, minutes, days, weekday, serviceId, day, person, loose } = u.nextTo;
  const nextTo: NextToIso = { edge, minutes, ...(days ? { days } : {}), ...(weekday ? { weekday } : {}), ...(serviceId ? { serviceId } : {}), ...(day ? { day: isoWindow(day) } : {}), ...(person ? { person } : {}), ...(loose ? { loose } : {}) };
  const when = u.when ? toMemoryWhen(u.when) : undefined;
  const price = u.asksServices ? priceInCatalog(view, u.serviceId) : undefined;
  // "then right after my cut instead", to times offered for a color: the color, placed anew.
  const shown = !person && (view.offers.length > 0 || view.proposal !== null) ? memory.serviceId : undefined;
  return call('list_my_appointments', {}, { flow: 'book', serviceId: u.serviceId ?? shown, staffId: u.staffId ?? memory.staffId, when, nextTo, ...(price ? { preface: price } : {}), ...(u.sameStaff && !u.staffId ? { sameStaff: true } : {}) });
}

/** "Color: $120.00" from the catalog in view, for a price asked beside a booking placed by another. */
function priceInCatalog(view: ProviderView, serviceId: string | undefined): string | undefined {
  const s = view.services.find((x) => x.id === serviceId);
  return s && typeof s.priceCents === 'number' ? `${s.name}: ${formatPrice(s.priceCents)}` : undefined;
}

/**
 * The new booking's window by the appointment named (or, with none such, the day said), then
 * searched like any booking. A booking named by its person ("my son right after me") is of
 * that booking's service unless another is said. A time worked out exactly from it is what
 * the customer asked for: proposed at once when free, as a clock time said would be.
 */
function bookNextTo(view: ProviderView, memory: Memory, items: ListedAppointment[], history: ChatMessage[]): ProviderStep {
  const { nextTo, ...rest } = memory;
  const zone = view.timeZone;
  const day = nextTo?.day ? DateTime.fromISO(nextTo.day.from, { zone }).startOf('day') : undefined;
  const named = { service: serviceName(view, nextTo?.serviceId), day: day?.toISODate() ?? undefined, until: spanEnd(view, nextTo?.day), person: nextTo?.person };
  const appt = nextTo && appointmentOf(items, named, lastBooked(history, items));
  // "book the same time as my dec 16 one but on jan 13": with no service said, a booking named by its person or copied at its time is of its service.
  const copies = nextTo?.person || nextTo?.edge === 'same' || nextTo?.days;
  if (appt && copies && !rest.serviceId) rest.serviceId = view.services.find((s) => s.name === appt.service)?.id;
  const besideServiceId = appt ? view.services.find((s) => s.name === appt.service)?.id : undefined;
  if (besideServiceId) rest.besideServiceId = besideServiceId;
  // "my son right after, with the same stylist": the new booking is with that booking's person.
  const sameStaff = memory.sameStaff && appt?.staff ? view.staff.find((s) => s.name === appt.staff || s.name.split(' ')[0] === appt.staff)?.id : undefined;
  delete rest.sameStaff;
  if (sameStaff) rest.staffId = sameStaff;
  const wholeDay = day && { from: day.toUTC().toISO()!, to: day.plus({ days: 1 }).toUTC().toISO()!, exactTime: false, earliest: false };
  const minutes = memory.durationMinutes ?? view.services.find((s) => s.id === rest.serviceId)?.durationMinutes;
  // "my son at 3:30 monday, right after me", with the customer's cut a Monday further on: the weekday named the booking, so the time goes on its day.
  // "can she go at the same time as me wed, 2pm" with the customer's cut a Wednesday further on: the weekday is the booking's day too.
  const onItsWeekday = appt && memory.when ? onBookingWeekday(zone, memory.when, appt.start_local) : memory.when;
  const saidDay = appt && day && !named.until && memory.when && !appt.start_local.startsWith(day.toISODate()!) ? { ...memory.when, dayNamed: false } : onItsWeekday;
  const when = appt ? windowNextTo({ zone, nextTo: nextTo!, appt, when: saidDay, ...(minutes ? { minutes } : {}) }) : (memory.when ?? wholeDay);
  // "after my color i want to keep it tidy, so a trim fri the 11th at 9", no color that day: the words only
  // said why; the clock time said on a day of its own is what is asked, proposed at once as any would be.
  const placed = appt ? Boolean(when?.exactTime) : movesToExactTime(memory.when) && memory.when?.dayNamed !== false;
  return searchOrAsk(view, { intent: 'book', nextTo: nextTo && { edge: nextTo.edge, minutes: nextTo.minutes } }, { ...rest, flow: 'book', when, ...(placed ? { proposeIfFree: true } : {}) });
}

/** The day after a span of several days ("this week", "this month"), which names any booking in it; undefined for one day. */
function spanEnd(view: ProviderView, span: { from: string; to: string } | undefined): string | undefined {
  if (!span) return undefined;
  const from = DateTime.fromISO(span.from, { zone: view.timeZone });
  const to = DateTime.fromISO(span.to, { zone: view.timeZone });
  return to.diff(from, 'days').days > 1 ? (to.toISODate() ?? undefined) : undefined;
}

/** The time said as a change, with no booking it could change: asked as a new booking. */
function bookInstead(view: ProviderView, memory: Memory): ProviderStep {
  const { serviceId, staffId, when } = memory;
  return searchOrAsk(view, { intent: 'book' }, { flow: 'book', serviceId, staffId, when });
}

/** Another person's booking, not among the sender's: nothing is changed, and the reply says how to reach the business. */
function othersBookingStep(): ProviderStep {
  return call('business_info', { topic: 'contact' }, { othersBooking: true });
}

/**
 * "can i do a haircut instead same time" while a color is being booked: the same time for
 * another service is that booking changed, never a move of one already made.
 */
function swapInBooking(view: ProviderView, u: Understanding, kept: Memory, text: string): Understanding {
  if (shiftsProposed(view, u, kept)) return { ...u, intent: 'book' };
  if (u.intent !== 'reschedule' || kept.flow !== 'book' || !kept.when) return u;
  // "no, change it to a color", "lee instead same time": another service or person for the booking under way, its time kept.
  if (changesPartOfRequest(u, kept, text)) return { ...u, intent: 'book', abandons: true };
  if (!u.shift || !keepsTheTime(u.shift)) return u;
  // "make it friday instead, same time" while a booking is under way: that booking on another day.
  if (!u.serviceId && u.when && u.when.dayNamed !== false) return { ...u, intent: 'book' };
  return u;
}

/**
 * "hmm friday, same time", "can we do the saturday after, same time", "an hour later?" at the
 * summary of a new booking: the time moved is the one just proposed, never a booking the
 * customer has (rememberRequest places it from `proposedAt`).
 */
function shiftsProposed(view: ProviderView, u: Understanding, kept: Memory): boolean {
  if (!u.shift || !kept.proposedAt || kept.flow !== 'book' || !atSummary(view)) return false;
  if ((u.intent !== 'book' && u.intent !== 'reschedule') || u.apptWhen || u.forSomeoneElse || u.nextTo || u.changesBooked) return false;
  return !u.serviceId || u.serviceId === kept.serviceId;
}

/**
 * A new request after "nevermind"/"no" drops what was being asked. A booking changed into
 * another booking ("actually make it a haircut instead" at the summary) keeps what the
 * customer did not take back: the day and time, the staff member, the length.
 */
function carriedOver(kept: Memory, u: Understanding): Memory {
  // "dont cancel, move it to monday instead" at a cancel's summary: the booking kept is the one moved.
  if (kept.flow === 'cancel' && u.intent === 'reschedule' && kept.referredStart) return { referredStart: kept.referredStart };
  if (kept.flow !== 'book' || u.intent !== 'book') return {};
  const { when, staffId, durationMinutes, minCapacity, proposedAt } = kept;
  // "actually can i get lee for this one", "wait can u fit me in today instead": no service
  // named, so the one being booked is still the one meant.
  const serviceId = u.serviceId || u.serviceChoices ? undefined : kept.serviceId;
  return { flow: 'book', when, staffId, durationMinutes, minCapacity, proposedAt, ...(serviceId ? { serviceId } : {}) };
}

/** HUMAN and HELP whatever was asked; else, while an intake question is open, the message answers it. */
function commandOrAnswer(view: ProviderView, u: Understanding, memory: Memory, text: string): ProviderStep | undefined {
  if (u.intent === 'human') return call('request_human', { reason: 'customer asked for a person' }, memory);
  if (u.intent === 'help') return reply(T.help(view.businessName), memory);
  const q = view.proposal?.awaiting === 'intake' ? view.proposal.question : null;
  if (!q) return undefined;
  // While an intake question is open, the message is its answer unless it asks something
  // or asks for something else (another time, service or person, a different action).
  const changes = Boolean((u.when && q.type !== 'date') || (u.serviceId && u.serviceId !== memory.serviceId) || u.staffId);
  // "can we skip the email part": a refusal of the question is its answer, whatever it asks.
  const aside = refusesToAnswer(text) ? undefined : intakeAside(text, { intent: u.intent, changes, number: u.number });
  // "can we do 11 instead": the hour on the day being booked, looked for like a time picked from offers.
  if (aside === 'changes_request' && !u.when && u.number !== undefined) u.choiceTime = businessClock(u.number, 0, undefined);
  if (aside === 'asks_time_held' && view.proposal?.label) {
    return reply(`${T2.beingBooked(view.proposal.label)}\n${q.text}`, memory, { expecting: 'intake', ...questionButtons(q) });
  }
  // "no, i've been in for a cut before": an answer in the question's own words, whatever service it mentions.
  const answersInWords = q.type === 'yes_no' && readYesNoInWords(text, q.text) !== undefined;
  if (!aside && (answersInWords || !u.abandons) && !['reschedule', 'cancel', 'my_appointments'].includes(u.intent)) {
    return call('save_intake_answer', { question_id: q.id, answer: text }, memory);
  }
  return undefined;
}

/** The buttons of the intake question asked again (its options, or yes and no). */
function questionButtons(q: NonNullable<NonNullable<ProviderView['proposal']>['question']>): { choices?: Array<{ value: string; label: string }> } {
  if (q.type === 'choice') return { choices: q.options.map((o, i) => ({ value: String(i + 1), label: o })) };
  if (q.type === 'yes_no') return { choices: [{ value: 'Y', label: 'Yes' }, { value: 'N', label: 'No' }] };
  return {};
}

/** Intents answered without the booking flow: information, the customer's appointments, greetings, a no. */
function byIntent(view: ProviderView, u: Understanding, memory: Memory): ProviderStep | undefined {
  switch (u.intent) {
    case 'business_info':
      if (u.asksWho) return reply(withOpenSummary(view, T2.whoWeAre(view.businessName)), memory);
      if (u.asksDuration) return answerDuration(view, u, memory);
      if (u.asksServices) return call('list_services', {}, u.notOffered ? { ...memory, notOffered: true, notOfferedName: u.notOfferedName } : infoMemory(view, u, memory));
      return call('business_info', { topic: u.infoTopic ?? 'all' }, { ...infoMemory(view, u, memory), giftCards: u.giftCards, alsoTopic: u.alsoTopic, alsoPrice: u.alsoPrice ? priceInCatalog(view, u.serviceId) : undefined });
    case 'my_appointments': {
      // A question about what is booked ends a pending cancel or move: it never asks that again.
      // Asked while the move still waits for its new time or pick ("wait when is it again?"), the
      // question is answered and that stays open.
      const pendingChange = memory.flow === 'cancel' || memory.flow === 'reschedule';
      const stillAsking = pendingChange && (view.expecting === 'time' || view.expecting === 'choice');
      const next: Memory = stillAsking ? { ...memory, onlyList: true } : pendingChange ? {} : { ...memory, menu: undefined, menuItems: undefined };
      // "what do i have this week", "who am i seeing thursday": the list is of that day or week.
      // "am i w lee on sat?": a weekday said alone keeps that it was, so a booking a Saturday further on is the one meant.
      next.apptWhen = u.when && u.when.dayNamed !== false ? { ...isoWindow(u.when), ...(u.when.weekdayOnly ? { byWeekday: true } : {}) } : undefined;
      if (u.infoTopic === 'address') next.asksWhere = true;
      next.checksBooking = u.checksBooking;
      next.pricesBooked = u.pricesBooked;
      next.referOrder = u.order;
      next.referStaffId = u.staffId;
      return call('list_my_appointments', {}, next);
    }
    case 'cancel':
      return cancelLookup(u, memory);
    case 'reschedule':
      return rescheduleStep(view, u, memory);
    case 'greeting':
      if (u.signsOff) return reply(T2.signOff, memory);
      if (!u.serviceId && !u.when) return reply(T.greeting(view.businessName), memory);
      return undefined;
    case 'decline':
      // "actually no, forget it": nothing is held or booked, and nothing more is asked.
      if (u.abandons && !u.when) return reply(view.offers.length && !view.offers[0]!.forAppointmentRef ? T2.nothingBooked : T2.anythingElse, {});
      // "no mornings dont work, afternoon", "none of those, anything after 4?": the no comes with what to look for instead.
      if ((u.when || u.staffId) && (memory.flow === 'book' || memory.flow === 'reschedule')) return undefined;
      // "no wait wrong one, i meant thursday's haircut" to which one to cancel: the no sets the pick right, from the same list.
      if ((u.when || u.staffId || u.serviceId) && memory.menu === 'appointment' && u.meantOther) return undefined;
      if (view.offers.length) return reply(T2.askAnotherTime, memory, { expecting: 'time' });
      return reply(T2.anythingElse, {});
    default:
      return undefined;
  }
}

/** "how long does the color take?": from the catalog, of the service named or being booked; a booking asked beside it goes on. */
function answerDuration(view: ProviderView, u: Understanding, memory: Memory): ProviderStep {
  const answer = durationAnswer(view, u.serviceId ?? memory.serviceId);
  if (u.alsoBooks) return thenBook(view, infoMemory(view, u, memory), answer);
  // "how long does a haircut take" then "k can i get one wed at 3": the service asked about is
  // the one booked unless another is named, as after its price.
  const asked = u.serviceId && !memory.serviceId && !view.proposal && !view.offers.length ? { ...memory, serviceId: u.serviceId } : memory;
  return reply(withOpenSummary(view, answer), asked);
}

/**
 * "the one on the 11th", "the friday one" right after the appointments were listed: which of
 * them the customer is talking about, shown alone and remembered, so "cancel it" then means it.
 */
function oneOfListed(req: ProviderRequest, u: Understanding, memory: Memory, text: string): ProviderStep | undefined {
  const { view } = req;
  const points = u.meantOther || u.refersToShown || pointsAtOne(text);
  if (u.intent !== 'book' || !points || !u.when || u.changesBooked || u.shift || view.offers.length || view.proposal || memory.flow || memory.menu) return undefined;
  if (lastToolCalled(req.history) !== 'list_my_appointments') return undefined;
  return call('list_my_appointments', {}, { ...memory, apptWhen: isoWindow(u.when), pickedFromList: true });
}

/**
 * "oh no sorry i meant friday at 3 not thurs" right after a move was done: the booking just
 * moved is moved again to the time said, never a new booking.
 */
function movedAgain(req: ProviderRequest, u: Understanding, memory: Memory, text: string): ProviderStep | undefined {
  const { view } = req;
  if ((u.intent !== 'book' && u.intent !== 'reschedule') || !u.when || u.forSomeoneElse || view.offers.length || view.proposal || memory.flow || !setsRight(text)) return undefined;
  const moved = justMoved(view, req.history);
  const service = view.services.find((s) => s.name === moved?.service);
  if (!moved || !service || (u.serviceId && u.serviceId !== service.id)) return undefined;
  const at = { from: moved.start.toJSDate(), to: moved.start.plus({ minutes: 1 }).toJSDate(), exactTime: true, dayNamed: true, description: '' };
  return rescheduleStep(view, { ...u, intent: 'reschedule', serviceId: service.id, apptWhen: at, refersToShown: false }, {});
}

/** "the color to the 16th", "my friday one over to monday": a booking of theirs sent to a new time. */
const MOVED_ONWARD = /\b(?:the|my|our|that) (?:[\w']+ ){0,2}?[\w']+ (?:over |moved |pushed |back )?to\b/;

/**
 * "and the color to the 16th same time" right after a move was done: the last request again,
 * a move of the other booking these words name, as "and the color on monday too" after a
 * cancel is a cancel. A new booking says so ("book", "another": no `continues` then).
 */
function moveAgainForAnother(req: ProviderRequest, u: Understanding, memory: Memory, text: string): ProviderStep | undefined {
  const { view } = req;
  if (u.intent !== 'book' || !u.continues || !(u.serviceId || u.apptWhen) || !(u.when || u.shift) || u.forSomeoneElse || u.nextTo) return undefined;
  // "also need a color monday" asks a new one: only a booking of theirs sent somewhere ("the color to ...") is moved.
  if (!MOVED_ONWARD.test(text.toLowerCase())) return undefined;
  if (view.offers.length || view.proposal || memory.flow || lastToolCalled(req.history) !== 'reschedule_appointment') return undefined;
  return rescheduleStep(view, { ...u, intent: 'reschedule' }, {});
}

/** "both please", "all of them" to the menu of which appointment to cancel: every one listed, on one yes. */
function cancelEveryListed(u: Understanding, memory: Memory): ProviderStep | undefined {
  if (!u.allBookings || memory.flow !== 'cancel' || memory.menu !== 'appointment' || (memory.menuItems?.length ?? 0) < 2) return undefined;
  const [first, ...rest] = memory.menuItems!;
  return call('cancel_appointment', { appointment_ref: first!, also_refs: rest }, { flow: 'cancel', apptRef: first, severalAsked: true });
}

/** A cancel: the customer's appointments are looked up, with what the message says of which one(s). */
function cancelLookup(u: Understanding, before?: Memory): ProviderStep {
  const targets = u.targets?.map((t) => ({ serviceId: t.serviceId, when: t.when ? toMemoryWhen(t.when) : undefined }));
  const memory: Memory = { flow: 'cancel', serviceId: u.serviceId, staffId: u.staffId, when: u.when ? toMemoryWhen(u.when) : undefined, othersBooking: u.othersBooking, order: u.order, severalOnWeekday: u.severalOnWeekday };
  // "ok cancel that one" after "when's my next appt?": the booking that answer was about.
  const namesNone = !u.serviceId && !u.staffId && !u.when && u.order === undefined && !u.allBookings && !u.targets;
  if (u.refersToShown && namesNone && before?.referredStart) memory.referredStart = before.referredStart;
  if (u.allBookings) memory.cancelAll = true;
  if (targets) memory.targets = targets;
  return call('list_my_appointments', {}, memory);
}

/**
 * "no i meant friday's color" at a cancel's summary, "and the color on monday too" after a
 * cancel: the same cancel, of the booking these words name. A request of its own (a move, a
 * question) is read as itself.
 */
function cancelAgain(req: ProviderRequest, u: Understanding, memory: Memory): ProviderStep | undefined {
  if (!u.serviceId && !u.when && !u.staffId) return undefined;
  if (!['book', 'decline', 'confirm', 'choose', 'unknown'].includes(u.intent) || u.shift) return undefined;
  const correcting = u.meantOther && memory.flow === 'cancel' && req.view.expecting === 'confirmation';
  // "wait no, just the haircut. keep the color" to a summary that cancels several: that one alone.
  const narrowing = u.onlyOne && memory.severalAsked && memory.flow === 'cancel' && req.view.expecting === 'confirmation';
  if (narrowing) return cancelLookup({ ...u, intent: 'cancel' });
  const repeating = u.continues && lastToolCalled(req.history) === 'cancel_appointment';
  return correcting || repeating ? cancelLookup({ ...u, intent: 'cancel' }) : undefined;
}

/**
 * "or wait, could i just do same time next week?" at a cancel's summary: a time said relative
 * to the booking about to be canceled moves it instead; no other booking is meant.
 */
function moveInsteadOfCancel(view: ProviderView, u: Understanding, kept: Memory): ProviderStep | undefined {
  if (kept.flow !== 'cancel' || view.expecting !== 'confirmation' || !kept.referredStart) return undefined;
  if (u.intent !== 'book' || !u.shift || u.serviceId || u.nextTo || u.forSomeoneElse) return undefined;
  return rescheduleStep(view, { ...u, intent: 'reschedule', refersToShown: true }, { referredStart: kept.referredStart });
}

/**
 * What to remember while a business question is answered: the single day it asks about
 * ("are you open sunday?"), and a booking asked in the same message, to make afterwards.
 */
function infoMemory(view: ProviderView, u: Understanding, memory: Memory): Memory {
  const next: Memory = { ...memory };
  const moveAsked = rememberMoveAsked(u);
  if (moveAsked) next.moveAsked = moveAsked;
  if (u.asksServices && u.serviceId) next.askedServiceId = u.serviceId;
  if (u.asksServices && u.pricesAsked) next.askedServiceIds = u.pricesAsked;
  const day = hoursDay(view, u);
  if (day) next.infoDay = day;
  if (u.alsoBooks) {
    rememberRequest(view, u, next);
    next.flow = 'book';
    next.thenBook = true;
    if (u.changesBooked) next.maybeMove = true;
  }
  return next;
}

/** The single weekday (1 = Monday) an hours question asks about, if it names one. */
function hoursDay(view: ProviderView, u: Understanding): number | undefined {
  if (u.infoTopic !== 'hours' || !u.when || u.when.dayNamed === false || u.when.to.getTime() - u.when.from.getTime() > 86_400_000) return undefined;
  return DateTime.fromJSDate(u.when.from, { zone: view.timeZone }).weekday;
}

/** The person named says which booking is moved ("my appt with lee"), and whether another does its new time. */
function bookedWithOf(u: Understanding): Pick<Memory, 'bookedWith' | 'bookedStaffId'> {
  if (!u.staffNamesBooking) return {};
  return { bookedWith: true, ...(u.bookedStaffId ? { bookedStaffId: u.bookedStaffId } : {}) };
}

/** A move: of the appointment already being moved (a new time for it), else look up which one. */
function rescheduleStep(view: ProviderView, u: Understanding, memory: Memory): ProviderStep {
  if (memory.flow === 'reschedule' && memory.apptRef && (u.when || u.shift)) return searchOrAsk(view, u, memory);
  // "the thurs one": a weekday alone names the booking on it, however many weeks on.
  const apptWhen = u.apptWhen ? bookingWindow(u.apptWhen) : undefined;
  const nextTo = u.nextTo ? { nextTo: { edge: u.nextTo.edge, minutes: u.nextTo.minutes, ...(u.nextTo.serviceId ? { serviceId: u.nextTo.serviceId } : {}), ...(u.nextTo.person ? { person: u.nextTo.person } : {}) } } : {};
  const maybeMove = u.changesBooked ? { maybeMove: true } : {};
  const moveAll = u.allBookings ? { moveAll: true } : {};
  const bookedWith = bookedWithOf(u);
  const namesNone = !u.serviceId && !u.staffNamesBooking && !u.apptWhen && u.order === undefined && !u.allBookings;
  const referred = u.refersToShown && namesNone && memory.referredStart ? { referredStart: memory.referredStart } : {};
  const orCancelThen = u.orCancelThen ? { orCancelThen: u.orCancelThen } : {};
  return call('list_my_appointments', {}, { flow: 'reschedule', serviceId: u.serviceId, staffId: u.staffId, when: u.when ? toMemoryWhen(u.when) : undefined, shift: u.shift, apptWhen, othersBooking: u.othersBooking, order: u.order, severalOnWeekday: u.severalOnWeekday, ...maybeMove, ...moveAll, ...bookedWith, ...nextTo, ...referred, ...orCancelThen });
}

/**
 * "move it to tues right after mine": the moved booking's new time from another booking's
 * end or start (on the day said), its own length counted when it goes before.
 */
function movedNextTo(view: ProviderView, memory: Memory, items: ListedAppointment[], moved: ListedAppointment): Memory['when'] {
  const nextTo = memory.nextTo;
  if (!nextTo) return undefined;
  const zone = view.timeZone;
  const day = memory.when ? DateTime.fromISO(memory.when.from, { zone }).toISODate()! : undefined;
  const service = serviceName(view, nextTo.serviceId);
  const others = items.filter((a) => a.appointment_ref !== moved.appointment_ref);
  const ref = appointmentMeant(others, { service, day });
  if (!ref) return undefined;
  const minutes = view.services.find((s) => s.name === moved.service)?.durationMinutes;
  return windowNextTo({ zone, nextTo, appt: ref, ...(minutes ? { minutes } : {}) });
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
    const start = memory.menuStarts?.[u.choiceIndex];
    const picked: Memory = { ...memory, menu: undefined, menuItems: undefined, menuStarts: undefined, menuServices: undefined, menuStaff: undefined };
    // "the earlier one, dec 11 at 3": the pick comes with the new time (a window that is not the booking's own).
    const newTime = memory.flow === 'reschedule' && u.when && start && !namesTheBooking(view, u.when, start) ? toMemoryWhen(u.when) : undefined;
    if (newTime) {
      picked.when = newTime;
      if (newTime.exactTime) picked.proposeIfFree = true;
    }
    const when = start && memory.flow === 'reschedule' ? newTimeFor(view, picked, { appointment_ref: ref, service: '', label: '', start_local: start }) : picked.when;
    return actOnAppointment(view, { ...picked, when, shift: undefined }, ref, start);
  }
  // "the later one, fri the 18th at 2": the menu's booking by its order, the rest its new time.
  const byItsOrder = memory.menu === 'appointment' && u.choiceIndex === undefined && !u.abandons ? menuIndexByOrder(memory, u.order) : undefined;
  if (byItsOrder !== undefined) return chooseFromScreen(view, { ...u, choiceIndex: byItsOrder, order: undefined }, memory);
  // "the haircut", "the one on the 8th": the one appointment of the menu with that service or day.
  if (memory.menu === 'appointment' && memory.menuItems && u.choiceIndex === undefined && !u.abandons && (u.serviceId || u.when || u.staffId || u.choiceTime)) {
    const index = appointmentNamed(view, memory, u);
    if (index !== undefined) return chooseFromScreen(view, { ...u, choiceIndex: index, serviceId: undefined, when: undefined, staffId: undefined, choiceTime: undefined }, memory);
    const moved = namedWithNewTime(view, memory, u);
    if (moved) return moved;
  }
  // A numbered menu of services (all of them, or the few that fitted equally).
  if (memory.menu === 'service' && u.choiceIndex !== undefined && !u.serviceId) {
    const id = memory.menuItems ? memory.menuItems[u.choiceIndex] : view.services[u.choiceIndex]?.id;
    if (id) u.serviceId = id;
  }
  // A name that fits one of the few offered and not the others ("the women's one").
  if (memory.menu === 'service' && memory.menuItems && u.serviceChoices && !u.serviceId) {
    const narrowed = u.serviceChoices.filter((id) => memory.menuItems!.includes(id));
    if (narrowed.length === 1) u.serviceId = narrowed[0];
  }

  // "yes" to offers on screen that lead with exactly the time asked for: that time. Not once the
  // customer said no to it, and not when the message names a time of its own.
  const leadsWithAsked = view.offers.length > 0 && memory.when?.exactTime && offerAt(view, view.offers[0]!, memory.when.from);
  if (leadsWithAsked && view.expecting === 'choice' && u.intent === 'confirm' && !u.when && !u.choiceTime) {
    return pickStep(view.offers[0]!, memory);
  }
  // A new time said at the summary ("yes but make it 2:30"): searched afresh, so the offers
  // on screen lead with it and a number then picks from those, never from the older list.
  const again = offerTimedAtSummary(view, u);
  if (again) return pickStep(again, { ...memory, pickedByTime: again.id });
  if (view.offers.length && atSummary(view) && u.choiceTime && u.choiceIndex === undefined && !u.when) {
    const day = memory.when?.from ?? view.offers[0]!.start;
    const at = DateTime.fromISO(day, { zone: view.timeZone }).set({ hour: u.choiceTime.hour, minute: u.choiceTime.minute, second: 0, millisecond: 0 });
    memory.when = exactWhen(at);
    return undefined;
  }
  // "what about friday at 2" gave a summary of that one time; a "1" to it means that time
  // (the summary's one option), never the first of the older list it was picked from.
  const pickedBefore = atSummary(view) && u.choiceIndex === 0 && !u.when && !u.choiceTime && view.offers.find((o) => o.id === memory.pickedByTime);
  if (pickedBefore) return pickStep(pickedBefore, memory);
  // "tuesday then, same time": the exact time asked for, on the new day, proposed at once when free.
  if (view.offers.length && u.shift?.sameTime && !u.shift.days && u.when && memory.when?.exactTime) memory.proposeIfFree = true;
  // "11?" after a no to a time proposed at once: no list was ever shown, so a bare number is the hour.
  const hour = hourNotOption(view, u);
  if (hour) Object.assign(u, { intent: 'choose', choiceTime: hour, choiceIndex: undefined, numberMayBeHour: undefined });
  // A choice among the offers on screen, by number or by time.
  if (view.offers.length && (u.choiceIndex !== undefined || u.choiceTime) && !(u.when && !u.choiceTime && u.choiceIndex === undefined)) {
    const offer = pickOffer(view, u, memory.when);
    const byTime = u.choiceIndex === undefined || offer !== view.offers[u.choiceIndex];
    if (offer) return pickStep(offer, { ...memory, pickedByTime: byTime ? offer.id : undefined });
    // A time on another day or with someone else than the offers ("actually make it friday
    // at 2", "ok tuesday at 11 with lee then"): looked at, and proposed at once when free.
    if (namedTime(view, u)) memory.proposeIfFree = true;
    else if (u.choiceTime && !u.when) {
      // A time none of the offers has ("make it 3pm", "5:30"): look for it on the day being
      // shown, and propose it at once when it is free.
      // "what about 3:30 that day" to the nearest openings on another day: the day asked for.
      const asked = u.thatDay && memory.when && memory.when.dayNamed !== false ? memory.when.from : undefined;
      const day = DateTime.fromISO(asked ?? view.offers[0]!.local.slice(0, 10), { zone: view.timeZone }).startOf('day');
      memory.when = { from: day.toUTC().toISO()!, to: day.endOf('day').toUTC().toISO()!, exactTime: false, earliest: false };
      memory.proposeIfFree = true;
    } else if (!u.when && !u.staffId) return reply(T.offerPickAgain, memory, { expecting: 'choice' });
  }

  // A number that matches no offer ("option 6" of four).
  if (view.offers.length && u.intent === 'unknown' && u.number !== undefined) return reply(T.offerPickAgain, memory, { expecting: 'choice' });
  return undefined;
}

/** A bare number ("11?", "2") said when the offers were looked at but never shown: the hour it names, on the day discussed. */
function hourNotOption(view: ProviderView, u: Understanding): ReturnType<typeof businessClock> {
  if (view.offersShown !== false || !view.offers.length || view.expecting === 'intake' || view.expecting === 'service') return undefined;
  // "3?" may have been read as the third option: with no list shown, a number alone is still the hour.
  // "ok go ahead, 4 is fine" after a no to the summary: a yes with an hour in it names that hour.
  const bare = u.intent === 'unknown' || u.intent === 'confirm' ? u.choiceIndex === undefined : u.intent === 'choose' && Boolean(u.numberMayBeHour);
  if (!bare || u.choiceTime || u.when || u.number === undefined) return undefined;
  return Number.isInteger(u.number) && u.number >= 1 && u.number <= 12 ? businessClock(u.number, 0, undefined) : undefined;
}

/**
 * "the color on monday, can it be wednesday the 9th at 10 instead", "the highlights. same time
 * on the 16th?" to which one to move: the booking named by its service, person or own day, the
 * time said (or the shift) its new time.
 */
function namedWithNewTime(view: ProviderView, memory: Memory, u: Understanding): ProviderStep | undefined {
  if (memory.flow === 'reschedule' && u.when?.exactTime && u.when.dayNamed !== false && !(u.serviceId || u.staffId || u.apptWhen)) return namedByDayWithNewHour(view, memory, u.when);
  if (memory.flow !== 'reschedule' || !(u.when || u.shift) || !(u.serviceId || u.staffId || u.apptWhen)) return undefined;
  const index = appointmentNamed(view, memory, { ...u, when: u.apptWhen, choiceTime: undefined });
  if (index === undefined) return undefined;
  const next: Memory = { ...memory, when: u.when ? toMemoryWhen(u.when) : memory.when, shift: u.shift ?? memory.shift };
  if (u.when?.exactTime) next.proposeIfFree = true;
  return chooseFromScreen(view, { intent: 'choose', choiceIndex: index }, next);
}

/**
 * "the one on the 11th. to 4pm same day" to which one to move: no booking of the menu is at 4pm,
 * one is on the 11th, so that one is meant and 4pm is its new time on the same day.
 */
function namedByDayWithNewHour(view: ProviderView, memory: Memory, when: DateRange): ProviderStep | undefined {
  const day = { ...when, exactTime: false };
  const index = appointmentNamed(view, memory, { intent: 'choose', when: day });
  if (index === undefined) return undefined;
  return chooseFromScreen(view, { intent: 'choose', choiceIndex: index }, { ...memory, when: toMemoryWhen(when), proposeIfFree: true });
}

/** The index in the appointment menu of its earliest (0), second (1) or latest (-1) booking, by start. */
function menuIndexByOrder(memory: Memory, order: Understanding['order']): number | undefined {
  const starts = memory.menuStarts;
  if (typeof order !== 'number' || !memory.menuItems || !starts || starts.length !== memory.menuItems.length || starts.length < 2) return undefined;
  const sorted = starts.map((start, i) => ({ start: start ?? '', i })).sort((a, b) => a.start.localeCompare(b.start));
  return (order < 0 ? sorted[sorted.length + order] : sorted[order])?.i;
}

/** The window said names the booking starting at `start` itself ("the 2pm one", "the one on the 11th"), no new time. */
function namesTheBooking(view: ProviderView, when: DateRange, start: string): boolean {
  const booked = DateTime.fromISO(start, { zone: view.timeZone });
  const from = DateTime.fromJSDate(when.from, { zone: view.timeZone });
  const onItsDay = when.dayNamed === false || from.hasSame(booked, 'day');
  return onItsDay && (!when.exactTime || (from.hour === booked.hour && from.minute === booked.minute));
}

/** The index of the only appointment in the menu with the service, day, person and clock time the message names. */
function appointmentNamed(view: ProviderView, memory: Memory, u: Understanding): number | undefined {
  const service = serviceName(view, u.serviceId);
  const staff = view.staff.find((s) => s.id === u.staffId)?.name;
  const within = spanSaid(view, u.when);
  const at = u.when && !within ? DateTime.fromJSDate(u.when.from, { zone: view.timeZone }) : undefined;
  const day = at && u.when!.dayNamed !== false ? at.toISODate()! : undefined;
  const clock = u.choiceTime ?? (at && u.when!.exactTime ? { hour: at.hour, minute: at.minute } : undefined);
  const entries = (memory.menuItems ?? []).map((_, i) => ({ start: memory.menuStarts?.[i], service: memory.menuServices?.[i], staff: memory.menuStaff?.[i] }));
  return menuEntryNamed(entries, { service, day, staff, clock, ...(day ? { weekday: at!.weekday } : {}), ...(within ? { within } : {}) });
}

/** "the january one", "the one next week": a window of several days said of a booking, as ISO dates (the end not included). */
function spanSaid(view: ProviderView, when: DateRange | undefined): { from: string; to: string } | undefined {
  if (!when || when.exactTime || when.dayNamed === false) return undefined;
  const from = DateTime.fromJSDate(when.from, { zone: view.timeZone }).startOf('day');
  const to = DateTime.fromJSDate(when.to, { zone: view.timeZone });
  return to.diff(from, 'days').days > 2 ? { from: from.toISODate()!, to: to.plus({ milliseconds: -1 }).plus({ days: 1 }).startOf('day').toISODate()! } : undefined;
}

/**
 * "11:30" said again at the summary of 11:30, or the time of another offer still on screen:
 * that offer, proposed (again). A time none of them has is searched afresh.
 */
function offerTimedAtSummary(view: ProviderView, u: Understanding): ProviderView['offers'][number] | undefined {
  if (!view.offers.length || !atSummary(view) || u.choiceIndex !== undefined) return undefined;
  const timeOnly = u.when && u.when.dayNamed === false && u.when.exactTime ? DateTime.fromJSDate(u.when.from, { zone: view.timeZone }) : undefined;
  const time = u.when ? (timeOnly && { hour: timeOnly.hour, minute: timeOnly.minute }) : u.choiceTime;
  return time ? pickOffer(view, { ...u, when: undefined, choiceTime: time }) : undefined;
}

/** The customer answered a booking summary with something other than yes (the orchestrator dropped it). */
function atSummary(view: ProviderView): boolean {
  return view.expecting === 'confirmation' && view.proposal === null;
}

/** Folds what the message says (service, staff, time) into the memory, then searches or asks what is missing. */
function searchOrAsk(view: ProviderView, u: Understanding, memory: Memory): ProviderStep {
  // "same time for my son", "a week after my appointment": the reference is a booking the customer has.
  // ("a haircut thursday, later in the day" books Thursday: only a move reads "that day" as its booking's.)
  const fromBooking = u.shift && !(onlySameDay(u.shift) && !u.shift.sameTime);
  if (fromBooking && !memory.when && !(memory.flow === 'reschedule' && memory.apptStart)) {
    return call('list_my_appointments', {}, { flow: 'book', serviceId: u.serviceId, shift: u.shift, when: u.when ? toMemoryWhen(u.when) : undefined });
  }
  rememberRequest(view, u, memory);
  if (changesNamedTime(view, u, memory) || asksExactTime(view, u, memory) || correctsDayOfExactTime(view, u, memory.when)) memory.proposeIfFree = true;
  if (memory.flow === 'reschedule' && memory.apptRef) {
    // "i'd rather have dana do it" to a move's summary: the new time already asked, with the person named.
    if (!u.when && !u.choiceTime && !u.shift && !(u.staffId && memory.when)) return reply(T.notUnderstood, memory);
    const slug = serviceSlug(view, memory.serviceId) ?? view.services[0]?.slug ?? '';
    return search(findSlotsArgs(view, memory, slug, memory.apptRef), memory);
  }

  const bookingSignal = u.intent === 'book' || u.intent === 'choose' || u.intent === 'provide_info' || u.serviceId || u.when || memory.flow === 'book';
  if (!bookingSignal || (u.intent === 'unknown' && !u.serviceId && !u.when && !(memory.menu === 'service' && u.choiceIndex !== undefined))) {
    return reply(T.notUnderstood, memory);
  }
  const fresh = !memory.flow && !memory.menu && !view.offers.length && !view.proposal;
  memory.flow = 'book';
  if (!memory.serviceId && view.services.length === 1) memory.serviceId = view.services[0]!.id;
  const slug = serviceSlug(view, memory.serviceId);
  // "my husband wants to come in too, monday at 11": the service of the customer's own booking, looked up.
  if (!slug && u.sameAsBefore && (u.forSomeoneElse || u.othersBooking) && !memory.ownServiceChecked) return call('list_my_appointments', {}, { ...memory, ownServiceChecked: true });
  // "tuesday's not gonna work, anything wed?": no service said, but perhaps a booking named by its day.
  if (!slug && fresh && mayNameBooking(u) && !memory.bookingsChecked) return call('list_my_appointments', {}, { ...memory, bookingsChecked: true });
  if (!slug && u.serviceChoices) {
    // Two services fit the words equally: ask which, never guess.
    const fits = u.serviceChoices.map((id) => view.services.find((s) => s.id === id)).filter((s) => s !== undefined);
    const names = fits.map((s) => s.name);
    return reply(T.askService(names), { ...memory, menu: 'service', menuItems: fits.map((s) => s.id) }, {
      choices: names.map((n, i) => ({ value: String(i + 1), label: n })),
      expecting: 'service',
    });
  }
  if (!slug) {
    if (!view.services.length) return reply(T.notUnderstood, memory);
    const names = view.services.map((s) => s.name);
    // "can i book a pedicure": say it is not offered while asking which service instead.
    return reply(u.notOffered ? T2.notOffered(names, u.notOfferedName) : askServiceFor(view, memory, names), { ...memory, menu: 'service', menuItems: undefined, bookingsChecked: undefined, ownServiceChecked: undefined }, {
      choices: names.map((n, i) => ({ value: String(i + 1), label: n })),
      expecting: 'service',
    });
  }
  return search(findSlotsArgs(view, memory, slug, null), { ...memory, menu: undefined, menuItems: undefined });
}

/** A plain request for a time, by no one else and with nothing shown: it may be about a booking the customer has. */
function mayNameBooking(u: Understanding): boolean {
  return u.intent === 'book' && Boolean(u.when) && !u.serviceChoices && !u.notOffered && !u.forSomeoneElse && !u.othersBooking && !u.party && !u.shift && !u.nextTo;
}

/**
 * The bookings looked at for a request with no service: the one the words name by its day is
 * moved to the time the rest of the words ask; naming none, the service is asked as before.
 */
function moveIfNamed(req: ProviderRequest, memory: Memory, items: ListedAppointment[]): ProviderStep {
  return namedMove(req, items) ?? searchOrAsk(req.view, { intent: 'book' }, { ...memory, flow: undefined });
}

/** The move of the one booking the words name by its day, to the time the rest of them ask; undefined if none is read. */
function namedMove(req: ProviderRequest, items: ListedAppointment[]): ProviderStep | undefined {
  const { view } = req;
  const named = bookingNamed(lastUserText(req.history), items, view.timeZone);
  const ctx = readingContext(view);
  // The other clauses ask the new time when they name a day ("... is out now. anything monday?"); else the words without the name do.
  const apart = named?.otherClauses ? understand(named.otherClauses, ctx) : undefined;
  const rest = apart?.when?.dayNamed ? apart : named ? understand(named.rest, ctx) : undefined;
  const moves = named && rest && !rest.serviceId && !rest.forSomeoneElse && !rest.othersBooking && asksOtherTime(named.appt, rest.when, view.timeZone);
  if (!moves) return undefined;
  const appt = named.appt;
  const moving: Memory = { flow: 'reschedule', serviceId: view.services.find((s) => s.name === appt.service)?.id, when: toMemoryWhen(rest.when!) };
  return actOnAppointment(view, { ...moving, when: newTimeFor(view, moving, appt) }, appt.appointment_ref, appt.start_local);
}

/** "can u book my son in on the 15th too?": the request goes on with the service of the customer's own booking, or asks it. */
function sameServiceAsOwn(view: ProviderView, memory: Memory, items: ListedAppointment[]): ProviderStep {
  const serviceId = serviceOfOwnBooking(view, memory.when, items);
  return searchOrAsk(view, { intent: 'book' }, { ...memory, flow: undefined, ...(serviceId ? { serviceId } : {}) });
}

/** "can i get lee tues the 22nd at 5:30": which service, said with the time and person heard, never guessed. */
function askServiceFor(view: ProviderView, memory: Memory, names: string[]): string {
  if (!isExactAsked(memory.when)) return T.askService(names);
  const staff = view.staff.find((s) => s.id === memory.staffId)?.name;
  return T2.askServiceFor(names, formatSlotLabel(new Date(memory.when!.from), view.timeZone, staff));
}

/** The search is for one exact time the customer asked (direct.ts): proposed at once when free. */
function asksExactTime(view: ProviderView, u: Understanding, memory: Memory): boolean {
  if (memory.flow === 'reschedule' && memory.apptRef) return movesToExactTime(memory.when);
  return booksExactTime(view, u, memory.when);
}

/**
 * "none of these, friday at 10 instead", "can it be 11:30", "color instead, same time": a
 * time (or person) named while offers or a summary are on screen changes the request under way.
 * The customer has said exactly what they want, so it is proposed at once when free (a
 * list led by it would ask them to pick what they already picked); when taken, the search shows.
 */
function changesNamedTime(view: ProviderView, u: Understanding, memory: Memory): boolean {
  // Offers stay in view after a no to their summary ("N", then "can we do 3:30 instead").
  const underway = view.offers.length > 0 && view.expecting !== 'service' && view.expecting !== 'intake';
  // "can i get lee for this one": the exact time already asked, with someone else.
  // "i meant the 17th", "no, make it a color" at the summary: another day or service, the exact time asked kept (rememberRequest).
  const kept = (u.when && isWholeDay(view, u.when)) || (u.serviceId && view.expecting === 'confirmation');
  const named = Boolean(u.when?.exactTime || u.choiceTime || u.shift?.sameTime || u.staffId || kept);
  // "book it now": the present moment is no time picked from a schedule.
  const saysNow = u.when && Math.abs(u.when.from.getTime() - Date.parse(view.now)) < 60_000;
  return underway && named && !saysNow && Boolean(memory.when?.exactTime);
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
  if (u.staffId) {
    memory.staffId = u.staffId;
    memory.fallbackStaffId = u.fallbackStaffId;
  }
  const reference = memory.when?.from ?? (memory.flow === 'reschedule' ? memory.apptStart : undefined);
  if (u.shift && memory.proposedAt && memory.flow === 'book' && atSummary(view)) {
    // "friday, same time" at the summary of a new booking: from the time proposed.
    memory.when = shifted(view, memory.proposedAt, u.shift, u.when ? toMemoryWhen(u.when) : undefined);
    if (memory.when.exactTime) memory.proposeIfFree = true;
  } else if (u.shift && memory.flow === 'reschedule' && memory.apptStart && !(memory.when && !u.shift.sameTime && !u.shift.minutes) && !dayCorrected(view, u, memory.when)) {
    // "same time" after "move it to tmrw": the appointment's time on the day already said.
    // "wed same time?" to a Tuesday booking a week off: the time kept ties the weekday to the booking, as naming it by its weekday does.
    const day = u.when ? onBookingWeekday(view.timeZone, toMemoryWhen(u.when), memory.apptStart, namedByWeekday(view, memory.apptWhen, memory.apptStart) || u.shift.sameTime === true) : memory.when;
    memory.when = shifted(view, memory.apptStart, u.shift, day);
  } else if (u.shift && memory.when && !u.when) memory.when = shiftWindow(view, memory.when, u.shift);
  else if (u.when && memory.when && isWholeDay(view, u.when) && hasTimeOfDay(view, memory.when) && !windowTurnedDown(view, u, memory.when)) {
    // "actually can i do thursday instead": another day, the time of day already said stays.
    memory.when = onDay(view, { ...memory.when, dayNamed: false }, u.when.from.toISOString());
  } else if (u.when) {
    const moving = memory.flow === 'reschedule' ? memory.apptStart : undefined;
    memory.when = onDay(view, onBookingWeekday(view.timeZone, toMemoryWhen(u.when), moving, namedByWeekday(view, memory.apptWhen, moving)), reference && DateTime.fromISO(reference, { zone: view.timeZone }).toISO()!);
  } else if (u.choiceTime && memory.when) {
    // "3pm" alone, no offers matched: that time on the day already being discussed.
    const day = DateTime.fromISO(memory.when.from, { zone: view.timeZone }).set({ hour: u.choiceTime.hour, minute: u.choiceTime.minute });
    memory.when = { from: day.toUTC().toISO()!, to: day.plus({ minutes: 1 }).toUTC().toISO()!, exactTime: true, earliest: false };
  }
}

/**
 * "sorry i meant friday not thursday, same time" once "thursday at 3" was asked: only the day
 * is corrected, so the time is the one asked, not the appointment's.
 */
function dayCorrected(view: ProviderView, u: Understanding, asked: Memory['when']): boolean {
  const onlySameTime = u.shift && u.shift.sameTime && !u.shift.minutes && !u.shift.days && !u.shift.weekday && !u.shift.sameDay;
  return Boolean(onlySameTime && asked?.exactTime && u.when && isWholeDay(view, u.when));
}

/**
 * "none of those, can u do next monday instead" at a list of a part of a day: the customer
 * turned the window's openings down and names only a day, so that whole day is searched. An
 * exact time said before ("thursday at 3? ... no, friday instead") still stays.
 */
function windowTurnedDown(view: ProviderView, u: Understanding, asked: NonNullable<Memory['when']>): boolean {
  return u.intent === 'decline' && view.offers.length > 0 && !asked.exactTime;
}

/** A day named alone ("thursday", "tomorrow"): its whole day, no time, no earliest or latest. */
function isWholeDay(view: ProviderView, w: DateRange): boolean {
  if (w.dayNamed === false || w.exactTime || w.earliest || w.latest) return false;
  const from = DateTime.fromJSDate(w.from, { zone: view.timeZone });
  const hours = (w.to.getTime() - w.from.getTime()) / 3_600_000;
  return from.equals(from.startOf('day')) && hours >= 23 && hours <= 25;
}

/** A remembered window that says a time of day on one day ("at 3", "after 4", "morning"). */
function hasTimeOfDay(view: ProviderView, w: NonNullable<Memory['when']>): boolean {
  if (w.earliest || w.latest) return false;
  const from = DateTime.fromISO(w.from, { zone: view.timeZone });
  const to = DateTime.fromISO(w.to, { zone: view.timeZone });
  return to <= from.startOf('day').plus({ days: 1 }) && !(from.equals(from.startOf('day')) && to.equals(from.plus({ days: 1 })));
}

function pickStep(offer: ProviderView['offers'][number], memory: Memory): ProviderStep {
  if (offer.forAppointmentRef) return call('reschedule_appointment', { appointment_ref: offer.forAppointmentRef, offer_id: offer.id }, { ...memory, proposedAt: undefined });
  return call('book_offer', { offer_id: offer.id }, { ...memory, proposedAt: offer.local.slice(0, 16) });
}

/** The offer starts at this instant's wall-clock time in the business zone. */
function offerAt(view: ProviderView, offer: ProviderView['offers'][number], iso: string): boolean {
  return offer.local.slice(0, 16) === DateTime.fromISO(iso, { zone: view.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/**
 * The offer picked by number or by time. A pick that also names a day or a staff member
 * ("ok tuesday at 11 with lee then") is only an offer on that day with that person.
 */
function pickOffer(view: ProviderView, u: Understanding, asked?: Memory['when']): ProviderView['offers'][number] | undefined {
  // "the latest" to a list led by the time nearest the one asked: the time, not the place.
  if (u.choiceByTime) {
    const inTime = view.offers.filter((o) => withNamedStaff(o, u)).sort((a, b) => a.start.localeCompare(b.start));
    return u.choiceByTime === 'latest' ? inTime[inTime.length - 1] : inTime[0];
  }
  if (u.choiceIndex !== undefined) {
    const offer = offerAtHourMeant(view, u, asked) ?? view.offers[u.choiceIndex];
    return offer && withNamedStaff(offer, u) ? offer : undefined;
  }
  const fits = (o: ProviderView['offers'][number]) => withNamedStaff(o, u) && onNamedDay(view, o, u);
  if (u.choiceTime) {
    // Compared on the wall clock of each offer's own location ("the 9am one" in LA means 9am there).
    const matches = view.offers.filter((o) => {
      const t = DateTime.fromISO(o.local, { zone: 'UTC' });
      return t.hour === u.choiceTime!.hour && t.minute === u.choiceTime!.minute && fits(o);
    });
    return matches.length === 1 ? matches[0] : undefined;
  }
  return undefined;
}

/** A day and time said as one ("friday at 2"), the time being the one picked by. */
function namedTime(view: ProviderView, u: Understanding): boolean {
  if (!u.when?.exactTime || u.when.dayNamed === false) return false;
  const at = DateTime.fromJSDate(u.when.from, { zone: view.timeZone });
  return !u.choiceTime || (at.hour === u.choiceTime.hour && at.minute === u.choiceTime.minute);
}

function withNamedStaff(offer: ProviderView['offers'][number], u: Understanding): boolean {
  return !u.staffId || !offer.resourceIds || offer.resourceIds.includes(u.staffId);
}

function onNamedDay(view: ProviderView, offer: ProviderView['offers'][number], u: Understanding): boolean {
  if (!u.when || u.when.dayNamed === false) return true;
  return offer.local.slice(0, 10) === DateTime.fromJSDate(u.when.from, { zone: view.timeZone }).toISODate();
}

/**
 * The booking moved was named by its weekday: said so ("my wed cut"), or by today's weekday,
 * read as today, while the booking is a later one on it ("my tues cut" said on a Tuesday).
 */
function namedByWeekday(view: ProviderView, apptWhen: Memory['apptWhen'], start: string | undefined): boolean {
  if (!apptWhen || !start) return false;
  if (apptWhen.byWeekday) return true;
  const zone = view.timeZone;
  const day = DateTime.fromISO(apptWhen.from, { zone });
  const booked = DateTime.fromISO(start, { zone });
  const wholeDay = day.equals(day.startOf('day')) && DateTime.fromISO(apptWhen.to, { zone }).diff(day, 'hours').hours >= 23 && !apptWhen.exactTime;
  return wholeDay && day.hasSame(DateTime.fromISO(view.now, { zone }), 'day') && booked.weekday === day.weekday && !booked.hasSame(day, 'day');
}

/** The new time for the appointment being moved: shifted from its start, or a time-only phrase on its day. */
function newTimeFor(view: ProviderView, memory: Memory, appt: ListedAppointment): Memory['when'] {
  const day = memory.when && onBookingWeekday(view.timeZone, memory.when, appt.start_local, namedByWeekday(view, memory.apptWhen, appt.start_local) || memory.shift?.sameTime === true);
  // "move tues to wed same time", "my thurs 5pm to fri same time": the weekday is read beside the booking, then its time kept.
  if (memory.shift) return shifted(view, appt.start_local, memory.shift, day);
  return day ? onDay(view, day, appt.start_local) : undefined;
}

/**
 * A new booking at a time relative to one the customer has ("same time for my son"), or to
 * the one just canceled ("can i get a haircut at that same time then").
 */
function bookRelativeTo(view: ProviderView, memory: Memory, items: ListedAppointment[], justCanceled: ListedAppointment | undefined, history: ChatMessage[]): ProviderStep {
  const svc = view.services.find((s) => s.id === memory.serviceId);
  const ofService = svc ? items.filter((a) => a.service === svc.name) : [];
  // "book me a trim sat the 12th at 11" ... "and another one sat the 26th same time": the booking
  // just talked about is the one whose time is meant, not the soonest.
  const talked = lastBooked(history, ofService.length ? ofService : items);
  const appt = justCanceled ?? talked ?? ofService[0] ?? items[0];
  if (!appt) return reply(T.noAppointments, { ...memory, flow: undefined, shift: undefined });
  const serviceId = memory.serviceId ?? view.services.find((s) => s.name === appt.service)?.id;
  // The time worked out from it is exactly the one asked: proposed at once when free.
  const next: Memory = { flow: 'book', serviceId, staffId: memory.staffId, when: shifted(view, appt.start_local, memory.shift!, memory.when), proposeIfFree: true };
  const slug = serviceSlug(view, serviceId);
  if (!slug) return reply(T.notUnderstood, next);
  return search(findSlotsArgs(view, next, slug, null), next);
}

function actOnAppointment(view: ProviderView, memory: Memory, ref: string, start?: string): ProviderStep {
  // The booking whose cancel is proposed is the one "it" means if the customer takes the cancel back for a change.
  if (memory.flow === 'cancel') return call('cancel_appointment', { appointment_ref: ref, also_refs: null }, { ...memory, apptRef: ref, referredStart: start });
  const next = { ...memory, apptRef: ref, ...(start ? { apptStart: start } : {}) };
  if (memory.when) {
    const look = { ...next, proposeIfFree: next.proposeIfFree || movesToExactTime(next.when) || undefined };
    return search(findSlotsArgs(view, look, serviceSlug(view, memory.serviceId) ?? '', ref), look);
  }
  return reply(T.askNewTime('appointment'), next, { expecting: 'time' });
}

function afterTool(req: ProviderRequest, u: Understanding, memory: Memory, turn: Exchange[]): ProviderStep {
  const { view } = req;
  const last = turn[turn.length - 1]!;
  const res = last.result;
  const error = (res.error ?? null) as { code?: string; message?: string } | null;
  if (last.name === 'find_slots' && memory.staffOfService) return withStaffOfService(view, u, memory);
  if (last.name === 'find_slots' && memory.proposeIfFree) return proposeNamed(view, memory, last);
  if (memory.answering && turn.length === 1) {
    const preface = answered(view, memory, res);
    const step = firstStep(req, { ...u, also: undefined }, { ...memory, answering: undefined, alsoServiceId: undefined, infoDay: undefined, giftCards: undefined }, lastUserText(req.history));
    return { ...step, memory: { ...step.memory, preface } };
  }

  if (last.name === 'list_my_appointments' && res.ok) {
    return afterAppointmentsListed(req, memory, (res.appointments ?? []) as ListedAppointment[]);
  }
  if (last.name === 'list_services' && res.ok) {
    const services = (res.services ?? []) as Array<{ name: string; price: string | null }>;
    const lines = services.map((s) => (s.price ? `${s.name} (${s.price})` : s.name));
    if (memory.thenBook) return thenBook(view, memory, priceOf(view, memory, services) ?? T2.servicesList(lines));
    // "how much is it?" during the intake questions or while picking a time: the answer, then
    // what was open stays open (no service menu, which would take the next number as a service).
    // "how much is that?" at a summary: its price, and the summary stays open for its yes.
    const atOpenSummary = view.proposal?.awaiting === 'confirmation' && !memory.notOffered;
    if (view.proposal?.awaiting === 'intake' || atOpenSummary || (offersOpen(view) && !memory.notOffered)) {
      return reply(withOpenSummary(view, priceOf(view, memory, services) ?? T2.servicesOffered(lines)), { ...memory, askedServiceId: undefined, askedServiceIds: undefined });
    }
    // "how much is a haircut?", "is the consultation free?": the prices of the services named (or that none is listed) come first.
    const named = memory.askedServiceId || memory.askedServiceIds ? priceOf(view, memory, services) : undefined;
    const text = memory.notOffered ? T2.notOffered(lines, memory.notOfferedName) : [named, T2.servicesList(lines)].filter(Boolean).join('\n');
    // "how much is a haircut?" then "cool, fri at 12:30 then": the service asked about is the one booked unless another is named.
    const serviceId = memory.serviceId ?? (memory.askedServiceIds ? undefined : memory.askedServiceId);
    const next: Memory = { ...memory, serviceId, askedServiceIds: undefined, menu: 'service', menuItems: undefined, notOffered: undefined, notOfferedName: undefined };
    return reply(text, next, { expecting: 'service', choices: lines.map((l, i) => ({ value: String(i + 1), label: l })) });
  }
  if (last.name === 'business_info' && res.ok) return afterBusinessInfo(view, memory, res);
  if (last.name === 'find_slots' && (error?.code === 'duration' || error?.code === 'capacity')) {
    return reply(T.sizeRefused(error.message ?? ''), { ...memory, durationMinutes: undefined, minCapacity: undefined }, { expecting: 'time' });
  }
  if (last.name === 'find_slots' && memory.flow === 'reschedule' && res.ok === false && error?.code === 'unknown_service' && memory.apptRef) {
    return reply(T.notUnderstood, memory);
  }
  return afterError(view, memory, turn, error?.code);
}

/** The look at a time the customer picked: proposed when the search leads with it, else the search is shown. */
function proposeNamed(view: ProviderView, memory: Memory, look: Exchange): ProviderStep {
  const next: Memory = { ...memory, proposeIfFree: undefined };
  const first = view.offers[0];
  const asked = first && memory.when?.exactTime && offerAt(view, first, memory.when.from) && (withAskedStaff(first, memory.staffId) || withFallbackStaff(first, memory));
  if (look.result.ok && asked && !elsewhereAtSameClock(view, first)) return pickStep(first, next);
  // "or lee if she's busy": the time asked is looked up with the second choice before any list.
  const second = memory.fallbackStaffId ? view.staff.find((m) => m.id === memory.fallbackStaffId) : undefined;
  if (second) return search({ ...(look.args as ToolArgs<'find_slots'>), staff: second.name }, { ...memory, staffId: second.id, fallbackStaffId: undefined });
  return call('find_slots', look.args as ToolArgs<'find_slots'>, next);
}

/** The time asked is free with the second choice the customer named ("lee is fine if she's busy"). */
function withFallbackStaff(offer: ProviderView['offers'][number], memory: Memory): boolean {
  return Boolean(memory.fallbackStaffId && offer.resourceIds?.includes(memory.fallbackStaffId));
}

/** "10am" with 10:00 free in New York and in Los Angeles: which one is not said, so the list asks. */
function elsewhereAtSameClock(view: ProviderView, offer: ProviderView['offers'][number]): boolean {
  return view.offers.some((o) => o.local.slice(0, 16) === offer.local.slice(0, 16) && o.start !== offer.start);
}

type DayHours = { location: string; weekday: number; hours: string | null; opens?: string; closes?: string };
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The answer, led by the day asked about when there was one; then the booking asked alongside, if any. */
function afterBusinessInfo(view: ProviderView, memory: Memory, res: Record<string, unknown>): ProviderStep {
  if (memory.othersBooking) return reply(T2.onlyOwn(String(res.text ?? '')), {});
  // The second topic of the same question, said after the first.
  if (memory.alsoTopic) return call('business_info', { topic: memory.alsoTopic }, { ...memory, alsoTopic: undefined, infoDay: undefined, preface: infoAnswer(memory, res) });
  // The price asked beside it comes last, after every topic.
  const answer = [infoAnswer(memory, res), memory.alsoPrice].filter(Boolean).join('\n');
  const next: Memory = { ...memory, alsoPrice: undefined, giftCards: undefined };
  if (!next.thenBook) return reply(withOpenSummary(view, answer), { ...next, infoDay: undefined });
  return thenBook(view, next, answer);
}

/** The business's answer, led by the hours of the day asked about ("are you open sunday?") when there was one. */
function infoAnswer(memory: Memory, res: Record<string, unknown>): string {
  const days = ((res.days ?? []) as DayHours[]).filter((d) => d.weekday === memory.infoDay);
  const several = new Set(days.map((d) => d.location)).size > 1;
  const forDay = days.map((d) => T2.dayHours(WEEKDAYS[d.weekday - 1]!, d.opens && d.closes ? { opens: d.opens, closes: d.closes } : null, several ? d.location : undefined));
  return [...forDay, ...(memory.giftCards ? [T2.giftCards] : []), String(res.text ?? '')].join('\n');
}

/** The booking asked alongside a question, searched now, its reply led by the answer. */
function thenBook(view: ProviderView, memory: Memory, answer: string): ProviderStep {
  // Said as a change ("2pm instead"): the customer's appointments say what it changes, the answer shown with the search.
  // The service named is the one the price was asked of, not which booking moves.
  if (memory.maybeMove) {
    const { staffId, when } = memory;
    return call('list_my_appointments', {}, { flow: 'reschedule', maybeMove: true, staffId, when, preface: answer });
  }
  // "how long is color? lets do 11 instead" at a summary: the exact time said is proposed at once when free, as without the question.
  const proposeIfFree = memory.proposeIfFree || movesToExactTime(memory.when);
  const step = searchOrAsk(view, { intent: 'book' }, { ...memory, infoDay: undefined, thenBook: undefined, proposeIfFree });
  // Kept in the memory, so a look before showing (a time proposed at once) still says it first.
  return step.kind === 'tool' ? { ...step, memory: { ...step.memory, preface: answer } } : { ...step, text: `${answer}\n${step.text}` };
}

/** "Haircut: $40.00" for the service asked about or being booked (each one, when several were named), when the list has its price. */
function priceOf(view: ProviderView, memory: Memory, services: Array<{ name: string; price: string | null }>): string | undefined {
  const ids = memory.askedServiceIds ?? [memory.askedServiceId ?? memory.serviceId];
  const lines = ids.map((id) => {
    const name = serviceName(view, id);
    const price = services.find((s) => s.name === name)?.price;
    return name && price ? `${name}: ${price}` : priceNotListed(name, services);
  });
  return lines.some(Boolean) ? lines.filter(Boolean).join('\n') : undefined;
}

/**
 * An answer given while a summary waits for its yes says that it still does; one given
 * during intake asks the question again; one given while times are offered says they still are.
 */
function withOpenSummary(view: ProviderView, text: string): string {
  if (view.proposal?.awaiting === 'intake' && view.proposal.question) return `${text}\n${view.proposal.question.text}`;
  if (offersOpen(view)) return `${text}\n${T2.offersStillOpen}`;
  return view.proposal?.awaiting === 'confirmation' ? `${text}\n${T2.summaryStillOpen}` : text;
}

/** Numbered times are on screen waiting for a pick (no summary or intake in front of them). */
function offersOpen(view: ProviderView): boolean {
  return view.offers.length > 0 && view.expecting === 'choice' && view.proposal === null;
}


/** "where is my appt on friday": each appointment meant (that day's, else all) with its location's address. */
function appointmentPlaces(view: ProviderView, memory: Memory, items: ListedAppointment[]): ProviderStep {
  const day = memory.apptWhen ? DateTime.fromISO(memory.apptWhen.from, { zone: view.timeZone }).toISODate() : undefined;
  const onDay = items.filter((a) => day && a.start_local.startsWith(day));
  const meant = onDay.length ? onDay : items;
  const lines = meant.map((a) => (a.location ? T2.appointmentPlace(a.label, a.location) : a.label));
  return reply(withOpenSummary(view, lines.join('\n')), { ...memory, asksWhere: undefined, apptWhen: undefined });
}

/** The customer's appointments: listed, or, when cancelling or moving one, narrowed to the one meant (else a menu). */
function afterAppointmentsListed(req: ProviderRequest, memory: Memory, items: ListedAppointment[]): ProviderStep {
  const { view } = req;
  if (!items.length && view.proposal?.awaiting === 'intake') return reply(withOpenSummary(view, T2.nothingOnRecord), memory);
  if (memory.bookingsChecked) return moveIfNamed(req, memory, items);
  if (memory.ownServiceChecked && !memory.serviceId) return sameServiceAsOwn(req.view, memory, items);
  const svc = view.services.find((s) => s.id === memory.serviceId);
  const changing = memory.flow === 'cancel' || memory.flow === 'reschedule';
  const hasNamed = !svc || items.some((a) => a.service === svc.name);
  // "my wife booked a cut fri at 2, cancel it for her": with nothing of the sender's at that weekday and hour, it is hers,
  // booked from her own phone. (A day alone, or "now", says too little to tell.)
  const saidThen = memory.flow === 'cancel' && memory.when?.exactTime && memory.when.weekdayOnly ? memory.when : undefined;
  // "cancel my husbands appt on thurs": a whole day on which the sender has nothing says as much.
  const noneThen = (Boolean(saidThen) && !anyAtTimeSaid(items, saidThen!, view.timeZone)) || (memory.flow === 'cancel' && Boolean(memory.when) && noneOnDaySaid(items, memory.when!, view.timeZone));
  if (changing && memory.othersBooking && (!items.length || !hasNamed || noneThen)) return othersBookingStep();
  if (memory.maybeMove && (!items.length || !hasNamed)) return bookInstead(view, memory);
  // "could wednesday's slot be saturday instead": the day naming the booking is no part of the new time.
  const named = memory.maybeMove && !memory.serviceId ? namedMove(req, items) : undefined;
  if (named) return named;
  const justCanceled = memory.shift && lastToolCalled(req.history) === 'cancel_appointment' ? lastCanceled(req.history) : undefined;
  if (memory.flow === 'book' && memory.nextTo) return bookNextTo(view, memory, items, req.history);
  if ((memory.flow === 'book' && memory.shift) || sameTimeAsCanceled(view, memory, items, justCanceled)) return bookRelativeTo(view, memory, items, justCanceled, req.history);
  if (!items.length && memory.checksBooking) return reply(T.notUnderstood, {});
  if (!items.length) return reply(T.noAppointments, { ...memory, flow: undefined, shift: undefined });
  if (memory.asksWhere) return appointmentPlaces(view, memory, items);
  if (!changing || memory.onlyList) return listAppointments(view, withFreshRefs({ ...memory, onlyList: undefined }, items), items);
  const verb = memory.flow as 'cancel' | 'reschedule';
  let candidates = items;
  if (svc && candidates.some((a) => a.service === svc.name)) candidates = candidates.filter((a) => a.service === svc.name);
  else if (svc && verb === 'reschedule') {
    const canceled = memory.orCancelThen ? cancelThenBook(view, memory, candidates) : undefined;
    if (canceled) return canceled;
    // A move asked with another service ("cancel my haircut and book a color instead") would
    // book a service nobody asked for at the new time: say so and leave both to the customer.
    const from = new Set(candidates.map((a) => a.service)).size === 1 ? candidates[0]!.service : 'appointment';
    return reply(T2.moveKeepsService(from, svc.name), {});
  }
  if (verb === 'cancel') {
    const several = cancelSeveral(view, memory, items, candidates);
    if (several) return several;
    const unmatched = cancelOfNone(req, memory, items);
    if (unmatched) return unmatched;
  }
  // "the one with lee": for a cancel the person says which; for a move it is who does the new
  // time, unless the words name the booking by them ("move my appt with lee to 4").
  if (verb === 'cancel' || memory.bookedWith) candidates = withStaff(candidates, view.staff.find((s) => s.id === (memory.bookedStaffId ?? memory.staffId))?.name);
  // For a cancel, the time in the message says which appointment ("the 4pm", "thursday's"); for
  // a move it is the new time, unless it named two ("my thursday appt to friday"), the first being the appointment's.
  const bookingSaid = verb === 'cancel' ? memory.when : memory.apptWhen;
  const everyOnWeekday = memory.moveAll || memory.severalOnWeekday ? onWeekdayEvery(candidates, bookingSaid, view.timeZone) : undefined;
  candidates = everyOnWeekday ?? onWeekdayInOrder(candidates, bookingSaid, memory.order, view.timeZone) ?? atTimeSaid(candidates, bookingSaid, view.timeZone);
  candidates = byOrder(candidates, memory.order);
  const shown = memory.referredStart ? candidates.filter((a) => a.start_local === memory.referredStart) : [];
  if (shown.length === 1) candidates = shown;
  // "move both": the soonest now; the same words are read again once it is moved, and name the rest.
  if (memory.moveAll && verb === 'reschedule') candidates = notMovedYet(view, memory, req.history, candidates);
  const moveAll = memory.moveAll && verb === 'reschedule' && candidates.length > 1;
  if (moveAll) candidates = [[...candidates].sort((a, b) => a.start_local.localeCompare(b.start_local))[0]!];
  if (candidates.length === 1) {
    const appt = candidates[0]!;
    const svcId = view.services.find((s) => s.name === appt.service)?.id;
    const when = verb === 'cancel' ? undefined : (movedNextTo(view, memory, items, appt) ?? newTimeFor(view, memory, appt));
    const acting = { ...memory, serviceId: svcId, when, nextTo: undefined, shift: undefined, apptWhen: undefined, moveAll: undefined, severalOnWeekday: undefined, bookedWith: undefined, bookedStaffId: undefined, referredStart: undefined };
    const step = actOnAppointment(view, acting, appt.appointment_ref, appt.start_local);
    return moveAll ? { ...step, then: lastUserText(req.history) } : step;
  }
  const labels = candidates.map((a) => a.label);
  return reply(`${T.yourAppointments}\n${numbered(labels)}\n${T.whichAppointment(verb)}`, { ...memory, menu: 'appointment', menuItems: candidates.map((a) => a.appointment_ref), menuStarts: candidates.map((a) => a.start_local), menuServices: candidates.map((a) => a.service), menuStaff: candidates.map((a) => a.staff ?? null) }, {
    choices: labels.map((l, i) => ({ value: String(i + 1), label: l })),
    expecting: 'choice',
  });
}

/**
 * "cancel dec 22 color" once it is canceled, "cancel my color on the 9th" with only a haircut
 * booked: no booking left fits, and proposing whichever is left could cancel one nobody asked
 * about; so none is proposed: said so, with what there is to pick from.
 */
function cancelOfNone(req: ProviderRequest, memory: Memory, items: ListedAppointment[]): ProviderStep | undefined {
  const { view } = req;
  if (memory.referredStart && items.some((a) => a.start_local === memory.referredStart)) return undefined;
  const named = memory.targets && memory.targets.length > 1 ? memory.targets : [{ serviceId: memory.serviceId, when: memory.when }];
  const unmatched = unmatchedCancel(req.history, items, named.map((t) => ({ service: serviceName(view, t.serviceId), when: t.when })), view.timeZone);
  if (!unmatched) return undefined;
  const labels = items.map((a) => a.label);
  if (unmatched.kind === 'already') {
    const left = labels.length ? T2.youHave(labels) : T.noAppointments;
    return reply(`${T2.alreadyCanceled(unmatched.appointments.map((a) => a.label))}\n${left}`, {});
  }
  // No menu: a bare "yes" to it would pick the one booking listed, which nobody named.
  return reply(`${T2.noSuchBooking}\n${T.yourAppointments}\n${numbered(labels)}\nReply C to cancel one of them.`, {});
}

/**
 * "cancel my wed appt and book me a color tues at 10 instead" with a haircut on wednesday: no
 * move can make it a color, so the one booking named is canceled and the color asked once it is.
 */
function cancelThenBook(view: ProviderView, memory: Memory, items: ListedAppointment[]): ProviderStep | undefined {
  const named = atTimeSaid(items, memory.apptWhen, view.timeZone);
  if (named.length !== 1 || !memory.orCancelThen) return undefined;
  const appt = named[0]!;
  const step = call('cancel_appointment', { appointment_ref: appt.appointment_ref, also_refs: null }, { flow: 'cancel', apptRef: appt.appointment_ref, referredStart: appt.start_local });
  return { ...step, then: memory.orCancelThen };
}

/**
 * "move both to 11am": the words are read again after each move, so the booking just moved,
 * and any already at the new clock time, are done; the rest are left (all of them if none is).
 */
function notMovedYet(view: ProviderView, memory: Memory, history: ChatMessage[], candidates: ListedAppointment[]): ListedAppointment[] {
  const moved = justMoved(view, history)?.start;
  const clock = memory.when?.exactTime && memory.when.dayNamed === false ? DateTime.fromISO(memory.when.from, { zone: view.timeZone }).toFormat('HH:mm') : undefined;
  const done = (a: ListedAppointment) => {
    const at = DateTime.fromISO(a.start_local, { zone: view.timeZone });
    return Boolean(moved?.equals(at)) || at.toFormat('HH:mm') === clock;
  };
  const left = candidates.filter((a) => !done(a));
  return left.length ? left : candidates;
}

/**
 * "cancel both", "cancel my color on friday and the haircut on the 10th": one proposal for
 * all the appointments meant, when the words pick two or more.
 */
function cancelSeveral(view: ProviderView, memory: Memory, items: ListedAppointment[], candidates: ListedAppointment[]): ProviderStep | undefined {
  const named = memory.targets && eachNamed(items, memory.targets.map((t) => ({ service: serviceName(view, t.serviceId), window: t.when })), view.timeZone);
  const all = memory.cancelAll ? allOnDaySaid(candidates, memory.when, view.timeZone) : undefined;
  const meant = named ?? (all && all.length > 1 ? all : undefined);
  if (!meant) return undefined;
  const [first, ...rest] = meant.map((a) => a.appointment_ref);
  const next: Memory = { flow: 'cancel', apptRef: first, severalAsked: true };
  return call('cancel_appointment', { appointment_ref: first!, also_refs: rest }, next);
}

/**
 * "could i do a color at that same time instead", "a haircut the same time the week after"
 * right after a cancel, with no such booking left: a new booking at a time counted from the
 * canceled one (the words read as a move), never a move of another.
 */
function sameTimeAsCanceled(view: ProviderView, memory: Memory, items: ListedAppointment[], justCanceled: ListedAppointment | undefined): boolean {
  const shift = memory.shift;
  const service = serviceName(view, memory.serviceId);
  if (!justCanceled || !shift || !(service || !items.length)) return false;
  // A shift of days or minutes with other bookings left may be a move of one of them.
  if (!keepsTheTime(shift) && items.length) return false;
  return !items.some((a) => a.service === service);
}

/** Each listing hands out new refs: the move waiting keeps its appointment (and menu) by start time. */
function withFreshRefs(memory: Memory, items: ListedAppointment[]): Memory {
  const refAt = (start: string | undefined) => items.find((a) => a.start_local === start)?.appointment_ref;
  const next = { ...memory };
  if (next.apptRef && next.apptStart) next.apptRef = refAt(next.apptStart) ?? next.apptRef;
  if (next.menuItems && next.menuStarts) next.menuItems = next.menuItems.map((ref, i) => refAt(next.menuStarts![i]) ?? ref);
  return next;
}

/** "what do i have", "who am i seeing thursday": the appointments, of the day or week asked when one was. */
function listAppointments(view: ProviderView, memory: Memory, items: ListedAppointment[]): ProviderStep {
  const window = memory.apptWhen;
  const inWindow = (a: ListedAppointment) => {
    const at = DateTime.fromISO(a.start_local, { zone: view.timeZone });
    return !window || (at >= DateTime.fromISO(window.from) && at < DateTime.fromISO(window.to));
  };
  const meant = items.filter(inWindow);
  // "is my color monday w dana?" with the color a Monday further on: the weekday said names it.
  const weekday = window?.byWeekday ? DateTime.fromISO(window.from, { zone: view.timeZone }).weekday : undefined;
  const onWeekday = meant.length || !weekday ? [] : items.filter((a) => DateTime.fromISO(a.start_local, { zone: view.timeZone }).weekday === weekday);
  const shown = meant.length ? meant : onWeekday.length ? onWeekday : items;
  const prices = memory.pricesBooked ? bookedPrices(view, shown) : [];
  const list = [`${meant.length || onWeekday.length ? '' : `${T2.nothingThen}\n`}${T.yourAppointments}\n${numbered(shown.map((a) => a.label))}`, ...prices].join('\n');
  // "when's my next appt?", "anything with lee coming up?": the list shows them all, and remembers the one asked about.
  const asked = memory.referOrder !== undefined ? byOrder(shown, memory.referOrder) : memory.pickedFromList ? meant : withStaffAsked(view, memory, shown);
  const next = { ...memory, apptWhen: undefined, referOrder: undefined, referStaffId: undefined, pickedFromList: undefined, pricesBooked: undefined, referredStart: asked.length === 1 ? asked[0]!.start_local : undefined };
  if (memory.flow === 'reschedule' && memory.apptRef && !view.offers.length) {
    return reply(`${list}\n${T.askNewTime('appointment')}`, next, { expecting: 'time' });
  }
  return reply(view.proposal ? withOpenSummary(view, list) : `${list}\nReply R to reschedule or C to cancel.`, { ...next, checksBooking: undefined });
}

/** The bookings shown that are with the person the question named ("do i have anything with lee?"); none when it named nobody. */
function withStaffAsked(view: ProviderView, memory: Memory, shown: ListedAppointment[]): ListedAppointment[] {
  const name = view.staff.find((s) => s.id === memory.referStaffId)?.name;
  return name ? shown.filter((a) => a.staff === name) : [];
}

/** "how much will my color cost": the catalog price of each service among the bookings shown, once each. */
function bookedPrices(view: ProviderView, shown: ListedAppointment[]): string[] {
  const ids = [...new Set(shown.map((a) => view.services.find((s) => s.name === a.service)?.id))];
  return ids.map((id) => priceInCatalog(view, id)).filter((p): p is string => Boolean(p));
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
