import { DateTime } from 'luxon';

// The offline provider's half of "a consultation right after my haircut": with the
// customer's appointments in hand, which one the words named and the window the new
// booking is searched in. Pure: the provider remembers and calls tools; this only reckons.

/** A window as the offline provider's memory keeps it (ISO instants). */
export interface WindowIso {
  from: string;
  to: string;
  exactTime: boolean;
  earliest: boolean;
  latest?: boolean;
  dayNamed?: boolean;
}

/** Where the new booking goes, as the understanding read it (its day as ISO instants). */
export interface NextToIso {
  edge: 'start' | 'end' | 'day' | 'same';
  minutes: number;
  /** Whole days from the booking's day ("4 weeks after my cut" = 28). */
  days?: number;
  /** "the monday before my cut" (-1), "the friday after it" (5): the nearest such weekday after (before, when negative) the booking's day. */
  weekday?: number;
  serviceId?: string;
  day?: { from: string; to: string };
  /** Named by its person ("right after me", "after him"): the new booking is of its service unless one is said. */
  person?: 'self' | 'other';
  /** "any time that morning before my cut": any time on that side of the booking, that day. */
  loose?: boolean;
}

export interface Listed {
  service: string;
  start_local: string;
  end_local?: string;
}

/**
 * The appointment the words named: of the service and on the day said when they were,
 * else the only one, else the first (the list comes soonest first). Undefined when the
 * words named a service or day no appointment has.
 */
export function appointmentMeant<A extends Listed>(items: A[], named: { service?: string; day?: string; until?: string }): A | undefined {
  // "my cut this week", "my one this month": a span names any booking in it, not only on its first day.
  const within = (start: string, day: string) => (named.until ? start.slice(0, 10) >= day && start.slice(0, 10) < named.until : start.startsWith(day));
  const on = (day: string | undefined) => items.filter((a) => (!named.service || a.service === named.service) && (!day || within(a.start_local, day)));
  // "just before mine on tuesday", said on a Tuesday with nothing booked today, or "my cut fri"
  // with the cut two Fridays on: the soonest one on that weekday.
  return on(named.day)[0] ?? (named.day ? onWeekdayAfter(on(undefined), named.day) : undefined);
}

function onWeekdayAfter<A extends Listed>(items: A[], day: string): A | undefined {
  const said = DateTime.fromISO(day);
  return items.find((a) => {
    const d = DateTime.fromISO(a.start_local.slice(0, 10));
    return d > said && d.weekday === said.weekday;
  });
}

/**
 * The appointment a booking named by its person means: "after him" is the one just booked in
 * this conversation (for him), when there is one; else as the words name it (appointmentMeant).
 */
export function appointmentOf<A extends Listed>(items: A[], named: { service?: string; day?: string; until?: string; person?: 'self' | 'other' }, justBooked: A | undefined): A | undefined {
  return (named.person === 'other' && justBooked) || appointmentMeant(items, named);
}

/**
 * The window for the new booking: the clock time said, if any; else an exact time from the appointment's end or start (with
 * the new booking's length known, "before my haircut" ends as it starts), else a window
 * ending at its start, or its day (with the time said, if any).
 */
export function windowNextTo(args: { zone: string; nextTo: NextToIso; appt: Listed; when?: WindowIso; minutes?: number }): WindowIso {
  const { zone, nextTo, appt, when } = args;
  if (nextTo.weekday) return onWeekdayBeside(DateTime.fromISO(appt.start_local, { zone }).startOf('day'), nextTo.weekday, when);
  // "4 weeks after my one on the 8th": the booking's times, that many days on.
  const start = DateTime.fromISO(appt.start_local, { zone }).plus({ days: nextTo.days ?? 0 });
  const end = appt.end_local ? DateTime.fromISO(appt.end_local, { zone }).plus({ days: nextTo.days ?? 0 }) : start;
  // "after my cut? like 11": a clock time said is the customer's own, on the booking's day unless another is said;
  // "before my 2pm", "so it ends when my cut starts at 2": the booking's own start names the booking.
  if (when?.exactTime && !when.earliest && !when.latest && !atClockOf(when, start)) return when.dayNamed === false ? onDay(when, start.startOf('day')) : when;
  if (nextTo.edge === 'same') return sameTimeOn(start, nextTo.days ? undefined : when);
  if (nextTo.loose && (nextTo.edge === 'start' || nextTo.edge === 'end')) return onItsSide(nextTo.edge, start, end, when, args.minutes);
  // "a haircut after my color, sometime after 11", with the color done at 10:30: the window said is the
  // customer's own and leaves a gap beside the booking, so it is searched, on that side of it.
  const said = when && partOfItsDay(when, start);
  if (said && leavesGap(nextTo, said, start, end)) return onItsSide(nextTo.edge as 'start' | 'end', start, end, said, args.minutes);
  if (nextTo.edge === 'end') return exact(end.plus({ minutes: nextTo.minutes }));
  if (nextTo.edge === 'start' && nextTo.minutes !== 0) return exact(start.plus({ minutes: nextTo.minutes }));
  if (nextTo.edge === 'start' && args.minutes) return exact(start.minus({ minutes: args.minutes }));
  const day = start.startOf('day');
  // "before my haircut", its length unknown: the latest times up to its start.
  if (nextTo.edge === 'start') return { from: iso(day), to: iso(start), exactTime: false, earliest: false, latest: true };
  if (when && when.dayNamed !== false) return when;
  if (when) return onDay(when, day);
  return { from: iso(day), to: iso(day.plus({ days: 1 })), exactTime: false, earliest: false };
}

/**
 * "any time that morning before my cut" (a 90 min color, the cut at 1pm): from the part of the
 * day said (else the day's start) until the new booking would end as the cut starts, earliest
 * first; "whenever after my color": from its end to the end of the part of the day said (else the day).
 */
function onItsSide(edge: 'start' | 'end', start: DateTime, end: DateTime, when: WindowIso | undefined, minutes: number | undefined): WindowIso {
  const day = start.startOf('day');
  const part = when && !when.exactTime && DateTime.fromISO(when.from).setZone(start.zone).hasSame(day, 'day') ? when : undefined;
  const partFrom = part ? DateTime.fromISO(part.from).setZone(start.zone) : day;
  const partTo = part ? DateTime.fromISO(part.to).setZone(start.zone) : day.plus({ days: 1 });
  if (edge === 'start') {
    const last = start.minus({ minutes: minutes ?? 0 });
    return { from: iso(partFrom), to: iso(last < partTo ? last : partTo), exactTime: false, earliest: false };
  }
  return { from: iso(end > partFrom ? end : partFrom), to: iso(partTo), exactTime: false, earliest: false };
}

/** "the monday before my cut, 11am": the time or part of day said, on that weekday beside the booking's day (else the whole day). */
function onWeekdayBeside(booked: DateTime, weekday: number, when: WindowIso | undefined): WindowIso {
  const wanted = Math.abs(weekday);
  const day = weekday > 0 ? booked.plus({ days: (wanted - booked.weekday + 7) % 7 || 7 }) : booked.minus({ days: (booked.weekday - wanted + 7) % 7 || 7 });
  const from = when && DateTime.fromISO(when.from, { zone: booked.zone });
  const wholeDay = !when || (!when.exactTime && from!.equals(from!.startOf('day')) && DateTime.fromISO(when.to, { zone: booked.zone }).diff(from!, 'hours').hours >= 23);
  if (wholeDay) return { from: iso(day), to: iso(day.plus({ days: 1 })), exactTime: false, earliest: false };
  return onDay(when, day);
}

/** A window of hours said without a day of its own ("after 11", "in the afternoon"), on the booking's day. */
function partOfItsDay(when: WindowIso, start: DateTime): WindowIso | undefined {
  if (when.exactTime || when.earliest || when.latest || when.dayNamed !== false) return undefined;
  return onDay(when, start.startOf('day'));
}

/** The window said opens after the booking ends (for "after"), or closes before it starts (for "before"): not right beside it. */
function leavesGap(nextTo: NextToIso, said: WindowIso, start: DateTime, end: DateTime): boolean {
  if (nextTo.minutes !== 0) return false;
  if (nextTo.edge === 'end') return DateTime.fromISO(said.from) > end;
  return nextTo.edge === 'start' && DateTime.fromISO(said.to) < start;
}

function atClockOf(when: WindowIso, start: DateTime): boolean {
  const said = DateTime.fromISO(when.from, { zone: start.zone });
  // "a consult tuesday the 8th at 10, before my color next week": a time on a day of its own is the new booking's, whatever the clock.
  if (when.dayNamed !== false && !said.hasSame(start, 'day')) return false;
  return said.hour === start.hour && said.minute === start.minute;
}

/** "the same time as my dec 16 one but on jan 13": the booking's clock time, on the day said if one is. */
function sameTimeOn(start: DateTime, when: WindowIso | undefined): WindowIso {
  if (!when || when.dayNamed === false) return exact(start);
  const day = DateTime.fromISO(when.from, { zone: start.zone });
  return exact(day.set({ hour: start.hour, minute: start.minute, second: 0, millisecond: 0 }));
}

/** A time said without a day ("at 12"), on the appointment's day. */
function onDay(when: WindowIso, day: DateTime): WindowIso {
  const from = DateTime.fromISO(when.from, { zone: day.zone });
  const days = Math.round(day.diff(from.startOf('day'), 'days').days);
  const move = (s: string) => iso(DateTime.fromISO(s, { zone: day.zone }).plus({ days }));
  return { ...when, from: move(when.from), to: move(when.to), dayNamed: true };
}

function exact(at: DateTime): WindowIso {
  return { from: iso(at), to: iso(at.plus({ minutes: 1 })), exactTime: true, earliest: false };
}

function iso(at: DateTime): string {
  return at.toUTC().toISO()!;
}
