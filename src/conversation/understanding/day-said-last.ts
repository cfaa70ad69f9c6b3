// "color at 10 and then a trim right after at 11:30, wed dec 16", "a cut at 2 and a color at
// 3 on the 18th": two bookings, the first said by its time alone and the day said once, at the
// end. A receptionist reads that day as both bookings' own; the first, read alone, would be
// today's.
import { DateTime } from 'luxon';
import type { Understanding } from './types.ts';

/**
 * The first booking's words with the second's day spelled after them, when the first says a
 * time but no day and the second says its day; else the first's words unchanged.
 */
export function onDaySaidLast(head: string, first: Understanding, second: Understanding, timeZone: string): string {
  if (!first.when || first.when.dayNamed !== false || !first.when.exactTime) return head;
  const day = second.when?.dayNamed ? second.when : second.nextTo?.day;
  if (!day || day.dayNamed === false) return head;
  const date = DateTime.fromJSDate(day.from, { zone: timeZone });
  return date.isValid ? `${head} on ${date.toFormat('MMMM d').toLowerCase()}` : head;
}
