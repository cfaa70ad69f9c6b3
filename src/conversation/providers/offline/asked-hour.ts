import { DateTime } from 'luxon';
import { businessClock, type Understanding } from '../../understanding/index.ts';
import type { ProviderView } from '../types.ts';

// A number said to a list of offers is the option of that number, or an hour. It is the
// hour when the words say a time ("what about 3", with a 3:00 PM listed), when the list
// leads with that hour (the time asked for comes first), or when a lone "4" repeats the 4pm
// the customer asked for and an offer has it: customers repeat their hour to pick it, and an
// option number that happens to equal it is the rarer meaning. One rule for every pick by
// number, so the two readings cannot disagree.

type Offer = ProviderView['offers'][number];

/** The exact time asked for, as the provider's memory keeps it (an ISO instant). */
export interface AskedTime {
  from: string;
  exactTime: boolean;
}

/** The offer a number pick means as an hour; undefined when the number is the option's. */
export function offerAtHourMeant(view: ProviderView, u: Understanding, asked: AskedTime | undefined): Offer | undefined {
  if (u.choiceIndex === undefined) return undefined;
  const n = u.choiceIndex + 1;
  const said = u.choiceTime && u.choiceTime.minute === 0 && (u.choiceTime.hour % 12 || 12) === n ? u.choiceTime : undefined;
  if (said) return view.offers.find((o) => atClock(o, said) && withStaffNamed(o, u));
  const clock = u.numberMayBeHour ? businessClock(n, 0, undefined) : undefined;
  if (!clock) return undefined;
  const first = view.offers[0];
  if (first && atClock(first, clock) && withStaffNamed(first, u)) return first;
  return repeatsAskedHour(view, clock, asked) ? view.offers.find((o) => o.local.slice(0, 16) === wallClock(view, asked!) && withStaffNamed(o, u)) : undefined;
}

/** The hour is the exact time asked for, said again while the list is what the customer answers. */
function repeatsAskedHour(view: ProviderView, clock: { hour: number; minute: number }, asked: AskedTime | undefined): boolean {
  // At a summary, the list and the hour asked for may be stale.
  if (!asked?.exactTime || view.expecting !== 'choice') return false;
  const at = DateTime.fromISO(asked.from, { zone: view.timeZone });
  return at.hour === clock.hour && at.minute === clock.minute;
}

function wallClock(view: ProviderView, asked: AskedTime): string {
  return DateTime.fromISO(asked.from, { zone: view.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** Compared on the wall clock of the offer's own location. */
function atClock(offer: Offer, clock: { hour: number; minute: number }): boolean {
  const t = DateTime.fromISO(offer.local, { zone: 'UTC' });
  return t.hour === clock.hour && t.minute === clock.minute;
}

function withStaffNamed(offer: Offer, u: Understanding): boolean {
  return !u.staffId || !offer.resourceIds || offer.resourceIds.includes(u.staffId);
}
