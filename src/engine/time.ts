import { DateTime, IANAZone, Info } from 'luxon';

// Wall-clock ↔ instant conversion, always with an explicit IANA zone. Nothing here
// reads the process time zone: instants are epoch milliseconds, local dates are
// computed from the zone's offset, so results are the same under any TZ.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const QUARTER_HOUR = 15 * MINUTE;
/** Per zone: UTC day number → its offset, or null when the offset changes that day. */
const dayOffsetCache = new Map<string, Map<number, number | null>>();
const offsetCache = new Map<string, Map<number, number>>();
const zoneCache = new Map<string, IANAZone>();

function zoneOf(name: string): IANAZone {
  let z = zoneCache.get(name);
  if (!z) {
    z = IANAZone.create(name);
    if (!z.isValid) throw new RangeError(`Unknown time zone: ${name}`);
    zoneCache.set(name, z);
  }
  return z;
}

export function isValidZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

/**
 * The zone's UTC offset in minutes at an instant. Asking the zone (Luxon, Intl) is
 * slow, and decisions ask about ever new instants, so offsets are cached per UTC day:
 * a day whose first and last millisecond share an offset has it throughout (zones
 * change offset at most once a day). On the few days with a change, offsets are
 * cached per quarter hour, the boundaries the tz database changes them on.
 */
export function offsetMinutes(zone: string, ms: number): number {
  let perDay = dayOffsetCache.get(zone);
  if (!perDay) dayOffsetCache.set(zone, (perDay = new Map()));
  const day = Math.floor(ms / DAY);
  let constant = perDay.get(day);
  if (constant === undefined) {
    const first = zoneOf(zone).offset(day * DAY);
    constant = first === zoneOf(zone).offset((day + 1) * DAY - 1) ? first : null;
    if (perDay.size > 100_000) perDay.clear();
    perDay.set(day, constant);
  }
  return constant ?? quarterHourOffset(zone, ms);
}

function quarterHourOffset(zone: string, ms: number): number {
  let perZone = offsetCache.get(zone);
  if (!perZone) offsetCache.set(zone, (perZone = new Map()));
  const bucket = Math.floor(ms / QUARTER_HOUR);
  let off = perZone.get(bucket);
  if (off === undefined) {
    off = zoneOf(zone).offset(bucket * QUARTER_HOUR);
    if (perZone.size > 200_000) perZone.clear();
    perZone.set(bucket, off);
  }
  return off;
}

/** "HH:MM" (00:00–24:00) → minutes after local midnight. */
export function parseClock(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`Not a wall-clock time: ${hhmm}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 24 * 60 || Number(m[2]) > 59) throw new RangeError(`Not a wall-clock time: ${hhmm}`);
  return minutes;
}

/** "YYYY-MM-DD" → epoch ms of that date's midnight read as if it were UTC (a pure calendar number). */
function calendarMs(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

// Day number (days since the epoch) → "YYYY-MM-DD". Formatting a date string is the
// planner's most frequent step (every local day of every block and candidate start),
// and the same few hundred days recur, so each is formatted once.
const dayStrings = new Map<number, string>();

function calendarString(ms: number): string {
  const day = Math.floor(ms / DAY);
  let s = dayStrings.get(day);
  if (s === undefined) {
    s = new Date(day * DAY).toISOString().slice(0, 10);
    if (dayStrings.size > 100_000) dayStrings.clear();
    dayStrings.set(day, s);
  }
  return s;
}

export function addDays(date: string, days: number): string {
  return calendarString(calendarMs(date) + days * DAY);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(calendarMs(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * The instant a wall-clock time on a local date occurs in a zone.
 * - In the repeated hour (clocks fall back) the EARLIER instant is used, so "01:30"
 *   means the first time the clock shows 01:30.
 * - In the skipped hour (clocks spring forward) the time moves forward by the gap,
 *   as a wall clock would: "02:30" on a New York spring-forward day is 03:30 EDT.
 */
export function wallToInstant(date: string, minutesAfterMidnight: number, zone: string): number {
  const wall = calendarMs(date) + minutesAfterMidnight * MINUTE;
  const before = offsetMinutes(zone, wall - DAY);
  const after = offsetMinutes(zone, wall + DAY);
  let best: number | undefined;
  for (const off of before === after ? [before] : [before, after]) {
    const ms = wall - off * MINUTE;
    if (offsetMinutes(zone, ms) === off && (best === undefined || ms < best)) best = ms;
  }
  if (best !== undefined) return best;
  // A nonexistent local time: read it with the offset in force before the gap.
  return wall - before * MINUTE;
}

/** The local calendar date "YYYY-MM-DD" of an instant in a zone. */
export function localDate(ms: number, zone: string): string {
  return calendarString(ms + offsetMinutes(zone, ms) * MINUTE);
}

/**
 * The first instant past a booking horizon of `days` days: midnight after the local day that
 * is `days` days from now. "Bookable 60 days ahead" opens that whole last day, as a front desk
 * means it, not only up to the time of day it is now.
 */
export function horizonEnd(nowMs: number, days: number, zone: string): number {
  return wallToInstant(addDays(localDate(nowMs, zone), days + 1), 0, zone);
}

/** The local month "YYYY-MM" of an instant in a zone. */
export function localMonth(ms: number, zone: string): string {
  return localDate(ms, zone).slice(0, 7);
}

/** Every local date in a zone that overlaps [fromMs, toMs). */
export function localDatesCovering(fromMs: number, toMs: number, zone: string): string[] {
  const dates: string[] = [];
  const last = localDate(Math.max(fromMs, toMs - 1), zone);
  for (let d = localDate(fromMs, zone); d <= last; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** Months "YYYY-MM" any zone could place an instant of [fromMs, toMs] in. */
export function monthsCovering(fromMs: number, toMs: number): string[] {
  const months = new Set<string>();
  for (let ms = fromMs - DAY; ms <= toMs + DAY; ms += DAY) months.add(calendarString(ms).slice(0, 7));
  months.add(calendarString(toMs + DAY).slice(0, 7));
  return [...months].sort();
}

/**
 * An instant as the customer sees it: ISO 8601 with the zone's offset, e.g.
 * 2026-11-01T09:00:00-05:00, milliseconds only when there are any. A slot list formats
 * hundreds of these, so named zones take the cached offset; fixed offsets and "UTC"
 * (written with "Z") are left to Luxon, whose output this matches.
 */
export function formatLocal(instant: Date, zone: string): string {
  const ms = instant.getTime();
  const off = Number.isFinite(ms) && !universalZone(zone) ? offsetMinutes(zone, ms) : NaN;
  // Local mean times before the zones were standardised have offsets in seconds.
  if (!Number.isInteger(off)) return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? instant.toISOString();
  const local = new Date(ms + off * MINUTE).toISOString();
  const abs = Math.abs(off);
  const sign = off < 0 ? '-' : '+';
  return `${local.slice(0, ms % 1000 === 0 ? 19 : 23)}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const universal = new Map<string, boolean>();
/** Zones Luxon reads as a fixed offset ("UTC", "UTC+3") rather than a tz database zone. */
function universalZone(zone: string): boolean {
  let u = universal.get(zone);
  if (u === undefined) universal.set(zone, (u = !IANAZone.isValidZone(zone) || Info.normalizeZone(zone).isUniversal));
  return u;
}

/** A readable local time for messages, e.g. "Sun, Nov 1, 9:00 AM". */
export function describeLocal(instant: Date, zone: string, locale = 'en-US'): string {
  return DateTime.fromMillis(instant.getTime(), { zone }).setLocale(locale).toFormat('ccc, LLL d, h:mm a');
}
