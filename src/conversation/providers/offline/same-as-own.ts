import { DateTime } from 'luxon';
import type { ProviderView } from '../types.ts';
import type { ListedAppointment } from './which-appointment.ts';

/**
 * "my husband wants to come in too, monday at 11", "can u book my son in on the 15th too?": "too"
 * said beside the customer's own booking asks the same service for the other person. Which one is
 * read from the bookings themselves: the service of the customer's bookings on the day asked, or,
 * with none that day (or no day asked), of all the bookings they have. Two services leave it to
 * be asked, never guessed.
 */
export function serviceOfOwnBooking(view: ProviderView, when: { from: string; to: string } | undefined, items: ListedAppointment[]): string | undefined {
  const onDays = when ? items.filter((a) => withinDays(view, when, a.start_local)) : [];
  const names = new Set((onDays.length ? onDays : items).map((a) => a.service));
  if (names.size !== 1) return undefined;
  const [name] = names;
  return view.services.find((s) => s.name === name)?.id;
}

/** The booking's day is one of the days the window asked covers. */
function withinDays(view: ProviderView, when: { from: string; to: string }, startLocal: string): boolean {
  const day = DateTime.fromISO(startLocal, { zone: view.timeZone }).startOf('day');
  const first = DateTime.fromISO(when.from, { zone: view.timeZone }).startOf('day');
  const last = DateTime.fromISO(when.to, { zone: view.timeZone }).minus({ milliseconds: 1 }).startOf('day');
  return day >= first && day <= last;
}
