import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { IANAZone } from 'luxon';
import { z } from 'zod';

// Field schemas shared by the admin API and the seed file format, so a value the
// API refuses can never be loaded from a file either.

export const uuid = z.uuid({ message: 'must be a UUID' });

export const idParams = z.strictObject({ id: uuid });

export const timeZone = z
  .string()
  .refine((tz) => IANAZone.isValidZone(tz), { message: 'must be an IANA time zone such as America/New_York' })
  .meta({ description: 'IANA time zone', examples: ['America/New_York'] });

/** Wall-clock "HH:MM" on a 24-hour clock; "24:00" is allowed so a day can run to midnight. */
export const clockTime = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'must be a time as HH:MM (00:00–24:00)' });

// Every date and instant the API accepts lies in [1970-01-01, 2200-01-01): wide enough
// for any schedule, and narrow enough that no date arithmetic, cursor or database
// column overflows on a year like 0000 or 9999.
export const EARLIEST_INSTANT = new Date('1970-01-01T00:00:00Z');
export const LATEST_INSTANT = new Date('2200-01-01T00:00:00Z');
const inRange = (d: Date) => d.getTime() >= EARLIEST_INSTANT.getTime() && d.getTime() < LATEST_INSTANT.getTime();
const RANGE_MESSAGE = 'must lie between 1970-01-01 and 2199-12-31';

/** A calendar date "YYYY-MM-DD" that exists (no 2026-02-30). */
export const calendarDate = z.iso
  .date({ message: 'must be a date as YYYY-MM-DD' })
  .refine((s) => inRange(new Date(`${s}T00:00:00Z`)), { message: RANGE_MESSAGE });

/** An instant with an explicit offset, so no one's local zone is ever guessed. */
export const instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset, e.g. 2026-12-01T15:00:00Z' })
  .transform((s) => new Date(s))
  .refine(inRange, { message: RANGE_MESSAGE });

export const minutes = (max: number) => z.int().min(0).max(max);

/** ISO 639-1 code, optionally with a region: "en", "es", "pt-BR". */
export const language = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { message: 'must be a language code such as en, es or pt-BR' });

export const label = z.string().trim().min(1, { message: 'must not be empty' }).max(200);
export const tags = z.array(z.string().trim().min(1).max(60)).max(50);

/** Any international phone number ("+1 212 555 0123"), normalized to E.164 ("+12125550123"). */
export const phone = z.string().transform((raw, ctx) => {
  const parsed = raw.trim().startsWith('+') ? parsePhoneNumberFromString(raw.trim()) : undefined;
  if (!parsed?.isValid()) {
    ctx.addIssue({ code: 'custom', message: 'must be a valid phone number in international format, e.g. +12125550123' });
    return z.NEVER;
  }
  return parsed.number;
});

// ---- Lists ---------------------------------------------------------------------

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().min(1).max(500).optional().meta({ description: 'nextCursor from the previous page' }),
};

export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const page = <T extends z.ZodType>(item: T) =>
  z.strictObject({ items: z.array(item), nextCursor: z.string().nullable() });

export const timestamps = { createdAt: z.iso.datetime(), updatedAt: z.iso.datetime() };

type NoDefault<S> = S extends z.ZodDefault<infer I> ? I : S;

/** The same fields without their defaults, for updates that change only what they name. */
export function withoutDefaults<T extends Record<string, z.ZodType>>(shape: T): { [K in keyof T]: NoDefault<T[K]> } {
  return Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, s instanceof z.ZodDefault ? s.unwrap() : s])) as {
    [K in keyof T]: NoDefault<T[K]>;
  };
}
