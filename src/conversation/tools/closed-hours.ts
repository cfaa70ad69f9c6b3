import type { DateTime } from 'luxon';
import type { CatalogLocation } from '../catalog.ts';

// A time asked for while the business is closed ("8pm", "tonight at 7", "sunday") is said
// to be closed before the nearest openings are offered: a front desk says "we close at
// 6 PM" rather than silently listing the afternoon as if it answered the question.

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The wall-clock period asked about: a named time (`at`), or a window on one day. */
export interface AskedPeriod {
  from: DateTime;
  to: DateTime;
  at: DateTime | null;
}

/**
 * Why nothing can be open in the period ("we close at 6 PM on Wednesdays", "we are closed
 * on Sundays"), or undefined when some location is open then, the period spans several
 * days, or no location has hours on record. Hours are compared on the wall clock, the way
 * the customer said the time, at each location.
 */
export function closedReason(locations: CatalogLocation[], asked: AskedPeriod): string | undefined {
  if (!locations.some((l) => l.hours.length)) return undefined;
  const day = asked.at ?? asked.from;
  if (!asked.at && asked.to.minus({ milliseconds: 1 }).toISODate() !== asked.from.toISODate()) return undefined;
  const start = minutes(asked.at ?? asked.from);
  const end = asked.at ? start + 1 : asked.to.toISODate() === asked.from.toISODate() ? minutes(asked.to) : 24 * 60;
  const open = locations.flatMap((l) => l.hours.filter((h) => h.weekday === day.weekday)).map((h) => ({ from: clock(h.start), to: clock(h.end) }));
  const weekday = WEEKDAYS[day.weekday - 1]!;
  if (!open.length) return `we are closed on ${weekday}s`;
  if (open.some((h) => start < h.to && end > h.from)) return undefined;
  const opens = Math.min(...open.map((h) => h.from));
  const closes = Math.max(...open.map((h) => h.to));
  if (end <= opens) return `we open at ${spoken(opens)} on ${weekday}s`;
  if (start >= closes) return `we close at ${spoken(closes)} on ${weekday}s`;
  // Between two locations' hours, or a break in the day: closed then, without one time to name.
  return `we are closed at that time on ${weekday}s`;
}

function minutes(t: DateTime): number {
  return t.hour * 60 + t.minute;
}

function clock(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** "6 PM", "5:30 PM", "12 PM": short, and never the "8:00 PM" form offers are labelled with. */
function spoken(total: number): string {
  const h = Math.floor(total / 60) % 24;
  const m = total % 60;
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h < 12 ? 'AM' : 'PM'}`;
}
