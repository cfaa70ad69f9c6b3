import { DateTime } from 'luxon';
import { horizonEnd } from '../../engine/time.ts';
import type { TurnEnv } from '../env.ts';
import type { ToolOutcome } from '../outcome.ts';
import type { ToolArgs } from './definitions.ts';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export async function businessInfo(env: TurnEnv, args: ToolArgs<'business_info'>): Promise<ToolOutcome> {
  const b = env.catalog.business;
  const locations = env.catalog.locations;
  // With several locations every one is named: a customer must never be sent to the wrong one.
  const several = locations.length > 1;
  const hoursOf = (loc: (typeof locations)[number]) =>
    loc.hours.length ? loc.hours.map((h) => `${DAYS[h.weekday - 1]} ${to12h(h.start)}-${to12h(h.end)}`).join(', ') : null;
  const hours = locations
    .map((loc) => ({ loc, h: hoursOf(loc) }))
    .filter((x) => x.h)
    .map((x) => (several ? `Hours at ${x.loc.name}: ${x.h}` : `Hours: ${x.h}`));
  const addresses = locations.map((loc) => `${several ? '- ' : 'Address: '}${loc.name}, ${loc.address}`);
  const parts: Record<string, string | null> = {
    hours: hours.length ? hours.join('\n') : null,
    address: addresses.length ? (several ? `Our locations:\n${addresses.join('\n')}` : addresses[0]!) : null,
    policies: b.policies ? `Policies: ${b.policies}` : null,
    booking_window: bookingWindow(env),
    staff: staffDays(env),
    contact: [b.phone && `Phone: ${b.phone}`, b.email && `Email: ${b.email}`, b.website && `Web: ${b.website}`].filter(Boolean).join(', ') || null,
  };
  const keys = args.topic === 'all' ? (['hours', 'address', 'policies', 'contact'] as const) : [args.topic];
  const text = keys.map((k) => parts[k]).filter(Boolean).join('\n') || `Please call ${b.phone ?? 'us'} for details.`;
  // Each weekday of each location, closed days included, so "are you open sunday?" has its answer.
  const days = keys.includes('hours') ? locations.filter((loc) => loc.hours.length).flatMap((loc) => DAYS.map((day, i) => ({ location: loc.name, day, weekday: i + 1, hours: dayHours(loc.hours, i + 1), ...openClose(loc.hours, i + 1) }))) : undefined;
  return { failure: false, result: { ok: true, topic: args.topic, text, ...(days ? { days } : {}) } };
}

/**
 * "how far ahead can i book?": the last day bookings open, as find_slots says it when a day is
 * too far. One sentence when every service opens as far; else one line per service.
 */
function bookingWindow(env: TurnEnv): string | null {
  const zone = env.catalog.business.timeZone;
  const now = env.clock().getTime();
  const each = env.catalog.services.map((s) => ({ name: s.name, days: s.maxHorizonDays, until: DateTime.fromMillis(horizonEnd(now, s.maxHorizonDays, zone) - 1, { zone }).toFormat('ccc LLL d') }));
  if (!each.length) return null;
  if (each.every((e) => e.days === each[0]!.days)) return `Bookings open up to ${each[0]!.days} days ahead (through ${each[0]!.until}).`;
  return ['Bookings open up to:', ...each.map((e) => `${e.name}: ${e.days} days ahead (through ${e.until})`)].join('\n');
}

/** "who works saturdays?": each staff member with their days, runs of days at the same hours joined ("Dana: Mon-Fri 9am-5pm"). */
function staffDays(env: TurnEnv): string | null {
  const lines = env.catalog.staff.filter((m) => m.hours?.length).map((m) => `${m.name}: ${dayRuns(m.hours!).join(', ')}`);
  return lines.length ? `Our team:\n${lines.join('\n')}` : null;
}

function dayRuns(hours: Array<{ weekday: number; start: string; end: string }>): string[] {
  const runs: Array<{ first: number; last: number; start: string; end: string }> = [];
  for (const h of hours) {
    const prev = runs.at(-1);
    if (prev && prev.last === h.weekday - 1 && prev.start === h.start && prev.end === h.end) prev.last = h.weekday;
    else runs.push({ first: h.weekday, last: h.weekday, start: h.start, end: h.end });
  }
  return runs.map((r) => `${DAYS[r.first - 1]}${r.last > r.first ? `-${DAYS[r.last - 1]}` : ''} ${to12h(r.start)}-${to12h(r.end)}`);
}

function dayHours(hours: Array<{ weekday: number; start: string; end: string }>, weekday: number): string | null {
  const h = hours.find((x) => x.weekday === weekday);
  return h ? `${to12h(h.start)}-${to12h(h.end)}` : null;
}

/** "what time do you open thursday": the opening and closing times as the offers write times ("9:00 AM"). */
function openClose(hours: Array<{ weekday: number; start: string; end: string }>, weekday: number): { opens?: string; closes?: string } {
  const h = hours.find((x) => x.weekday === weekday);
  return h ? { opens: clock(h.start), closes: clock(h.end) } : {};
}

function clock(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')} ${h < 12 || h === 24 ? 'AM' : 'PM'}`;
}

function to12h(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m ? `:${String(m).padStart(2, '0')}` : ''}${h < 12 || h === 24 ? 'am' : 'pm'}`;
}
