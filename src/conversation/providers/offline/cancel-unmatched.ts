import { DateTime } from 'luxon';
import type { ChatMessage } from '../../state.ts';
import { safeJson } from './safe-json.ts';
import { anyAtTimeSaid, listedBefore, type ListedAppointment, type SaidWindow } from './which-appointment.ts';

// A cancel whose words name a booking the customer does not have (any more): "cancel dec 22
// color" once that color is gone, "make sure both wed and fri are cancelled" once both are,
// "cancel my color on the 9th" with only a haircut on the 17th. Falling back to whatever booking
// is left (or one on the same weekday another week) would propose canceling one nobody asked
// about, and a quick "y" would lose it; so no booking is proposed, and the customer is told so.

/** What the cancel's words said of one booking: its service's name, and its day or time. */
export interface CancelSaid {
  service?: string;
  when?: SaidWindow;
}

/** Why no booking is proposed: the ones named were canceled already, or none fits the words. */
export type UnmatchedCancel = { kind: 'already'; appointments: ListedAppointment[] } | { kind: 'none' };

/**
 * The words name a service no booking left has, and a day none falls on (nor the same weekday a
 * week on: "cancel monday" said the Tuesday before). Either alone is not enough: a date misread
 * from other words ("marcy" as March), or a service said as the reason ("cancel it, ill come in
 * for a cut some other time"), must not stop a cancel plainly meant.
 */
export function namesNoBooking(items: ListedAppointment[], said: CancelSaid, zone: string): boolean {
  const serviceMissing = Boolean(said.service) && !items.some((a) => a.service === said.service);
  return serviceMissing && Boolean(said.when) && dayMissing(items, said.when!, zone);
}

/** A day said (by date or weekday) on which, and on whose weekday a week on, nothing is booked. */
function dayMissing(items: ListedAppointment[], when: SaidWindow, zone: string): boolean {
  if (when.dayNamed === false) return false;
  const weekOn = (iso: string) => DateTime.fromISO(iso, { zone }).plus({ days: 7 }).toUTC().toISO()!;
  return !anyAtTimeSaid(items, when, zone) && !anyAtTimeSaid(items, { ...when, from: weekOn(when.from), to: weekOn(when.to) }, zone);
}

/**
 * The booking is the one the words say, read strictly: its service when one is said, on the day
 * (or in the days) said, at the clock time said. No other week's same weekday, no nearest time.
 */
function fitsExactly(a: ListedAppointment, said: CancelSaid, zone: string): boolean {
  if (said.service && a.service !== said.service) return false;
  if (!said.when) return true;
  const at = DateTime.fromISO(a.start_local, { zone });
  const from = DateTime.fromISO(said.when.from, { zone });
  const to = DateTime.fromISO(said.when.to, { zone });
  const clock = (d: DateTime) => d.hour * 60 + d.minute;
  if (said.when.exactTime) return clock(at) === clock(from) && (said.when.dayNamed === false || at.hasSame(from, 'day'));
  if (said.when.dayNamed === false) return clock(at) >= clock(from) && clock(at) < clock(to);
  return at >= from && at < to;
}

/** Every booking canceled in this conversation, as the listing before its cancel showed it. */
export function canceledHere(history: ChatMessage[]): ListedAppointment[] {
  const gone: ListedAppointment[] = [];
  history.forEach((m, i) => {
    if (m.role !== 'assistant' || m.toolCall?.name !== 'cancel_appointment') return;
    const args = safeJson(m.toolCall.arguments);
    const refs = [args.appointment_ref, ...(Array.isArray(args.also_refs) ? args.also_refs : [])].map((r) => String(r ?? '').toUpperCase());
    for (const ref of refs) {
      const found = listedBefore(history, i, ref);
      if (found && !gone.some((g) => g.start_local === found.start_local)) gone.push(found);
    }
  });
  return gone;
}

/** The bookings canceled already that the words name, when no booking left fits them as strictly. */
function alreadyGone(gone: ListedAppointment[], items: ListedAppointment[], said: CancelSaid, zone: string): ListedAppointment[] {
  if (!said.service && !said.when) return [];
  if (items.some((a) => fitsExactly(a, said, zone))) return [];
  return gone.filter((g) => fitsExactly(g, said, zone));
}

/**
 * Undefined when the words fit some booking left (or say nothing of one); else why none is
 * proposed. With several named ("both wed and fri"), only when every one was canceled already.
 */
export function unmatchedCancel(history: ChatMessage[], items: ListedAppointment[], said: CancelSaid[], zone: string): UnmatchedCancel | undefined {
  const gone = canceledHere(history);
  const each = said.map((s) => alreadyGone(gone, items, s, zone));
  if (said.length && each.every((g) => g.length)) return { kind: 'already', appointments: [...new Set(each.flat())] };
  return said.length === 1 && namesNoBooking(items, said[0]!, zone) ? { kind: 'none' } : undefined;
}
