import { DateTime } from 'luxon';
import { businessClock, type Understanding } from '../understanding/index.ts';
import type { ProviderView } from './types.ts';

// "trim wed 2pm", then, with 2:00, 1:00, 1:30 and 2:30 on screen, "2": a lone number that is
// the hour the customer asked for is that time said again, not the second offer. Customers
// repeat their hour to pick it; an option number that happens to equal it is the rarer meaning.

/** The exact time asked for, as the provider's memory keeps it (an ISO instant). */
export interface AskedTime {
  from: string;
  exactTime: boolean;
}

/** `u` with a lone number that repeats the asked hour read as that time, when an offer has it. */
export function askedHourAgain(view: ProviderView, u: Understanding, asked: AskedTime | undefined, text: string): Understanding {
  const lone = /^\s*(\d{1,2})\s*[.!]?\s*$/.exec(text);
  // Only while the list is what they answer: at a summary, the list and the hour asked for may be stale.
  if (!lone || u.choiceIndex === undefined || !asked?.exactTime || view.expecting !== 'choice') return u;
  const time = businessClock(Number(lone[1]), 0, undefined);
  const at = DateTime.fromISO(asked.from, { zone: view.timeZone });
  if (!time || time.hour !== at.hour || time.minute !== at.minute) return u;
  const wall = at.toFormat("yyyy-MM-dd'T'HH:mm");
  if (!view.offers.some((o) => o.local.slice(0, 16) === wall)) return u;
  const { choiceIndex: _, ...rest } = u;
  return { ...rest, choiceTime: time };
}
