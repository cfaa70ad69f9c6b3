import { DateTime } from 'luxon';
import type { Understanding } from '../../understanding/index.ts';
import type { ProviderView } from '../types.ts';

// "what are your hours on saturday?" ... "ok can i get a cut at 5 that day": a time said for
// "that day" is on the last day the customer named, even when that was in a question, not on
// the nearest day the time is ahead (today).

/** `u` with a time said "that day" moved onto the last day said (yyyy-MM-dd), when there is one. */
export function onThatDay(view: ProviderView, u: Understanding, daysSaid: string[] | undefined): Understanding {
  const day = daysSaid?.[daysSaid.length - 1];
  if (!u.thatDay || !day || !u.when || u.when.dayNamed !== false) return u;
  const onDay = (d: Date) => {
    const t = DateTime.fromJSDate(d, { zone: view.timeZone });
    return DateTime.fromISO(day, { zone: view.timeZone }).set({ hour: t.hour, minute: t.minute, second: 0, millisecond: 0 });
  };
  const from = onDay(u.when.from);
  const to = from.plus({ milliseconds: u.when.to.getTime() - u.when.from.getTime() });
  return { ...u, when: { ...u.when, from: from.toJSDate(), to: to.toJSDate(), dayNamed: true } };
}
