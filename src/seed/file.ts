import { z } from 'zod';
import { BusinessInput } from '../api/schemas/business.ts';
import { clockTime, phone } from '../api/schemas/common.ts';
import { CustomerCreate } from '../api/schemas/customer.ts';
import { WeeklyHoursInput } from '../api/schemas/hours.ts';
import { validateIntakeAnswers } from '../engine/intake.ts';
import { LocationCreate } from '../api/schemas/location.ts';
import { ResourceCreate } from '../api/schemas/resource.ts';
import { ServiceCreate, slug } from '../api/schemas/service.ts';

// The seed file format: one business with everything it needs, records referring
// to each other by short keys instead of database ids. Every record is validated
// by the same schema the admin API uses for it.

const key = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, { message: 'must be a short key: lowercase letters, digits, - or _' });

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const span = z
  .string()
  .regex(/^\d\d:\d\d-\d\d:\d\d$/, { message: 'must be a span like 09:00-17:00' })
  .transform((s) => ({ start: s.slice(0, 5), end: s.slice(6) }));

/** A week as { mon: ["09:00-12:30", "13:30-18:00"], ... }; days left out are closed. */
export const Week = z
  .strictObject(Object.fromEntries(DAYS.map((d) => [d, z.array(span).default([])])) as Record<(typeof DAYS)[number], z.ZodDefault<z.ZodArray<typeof span>>>)
  .transform((week) => DAYS.flatMap((d, i) => week[d].map((s) => ({ weekday: i + 1, ...s }))))
  .pipe(WeeklyHoursInput.shape.intervals);

/** When an appointment starts: an absolute instant, or a local time some days from "now". */
const AppointmentStart = z.union([
  z.iso.datetime({ offset: true }),
  z.strictObject({
    daysFromNow: z.int().min(0).max(365),
    at: clockTime,
  }),
]);

export const SeedLocation = LocationCreate.extend({ key });

export const SeedResource = ResourceCreate.omit({ locationId: true }).extend({
  key,
  location: key,
  hours: z.union([key, Week]).optional().meta({ description: 'A schedule name or an inline week' }),
});

export const SeedService = ServiceCreate.omit({ eligibleResourceIds: true }).extend({ eligible: z.array(key).default([]) });

export const SeedAppointmentSchema = z.strictObject({
  service: slug,
  customer: phone.optional(),
  resources: z.array(key).min(1),
  start: AppointmentStart,
  status: z.enum(['requested', 'confirmed', 'completed', 'canceled', 'no_show']).default('confirmed'),
  channel: z.enum(['sms', 'slack', 'teams', 'api', 'web']).default('sms'),
  intake: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  notes: z.string().max(2000).optional(),
});

export const SeedFile = z.strictObject({
  business: BusinessInput,
  /** Named weeks that resources can share. */
  schedules: z.record(key, Week).default({}),
  locations: z.array(SeedLocation).min(1),
  resources: z.array(SeedResource).default([]),
  services: z.array(SeedService).default([]),
  customers: z.array(CustomerCreate).default([]),
  appointments: z.array(SeedAppointmentSchema).default([]),
});

/** The record lists of a seed file and the schema of one record in each. */
export const SEED_LISTS = {
  locations: SeedLocation,
  resources: SeedResource,
  services: SeedService,
  customers: CustomerCreate,
  appointments: SeedAppointmentSchema,
} as const;

export type SeedFile = z.infer<typeof SeedFile>;
export type SeedAppointment = SeedFile['appointments'][number];

export interface SeedIssue {
  path: string;
  message: string;
}

/**
 * The records of a seed file that passed their own schema, at their original
 * positions (a record that did not is left out as undefined), so that reference
 * checks can run beside schema errors and name the right index.
 */
export interface SeedRecords {
  schedules: Record<string, unknown>;
  locations: Array<SeedFile['locations'][number] | undefined>;
  resources: Array<SeedFile['resources'][number] | undefined>;
  services: Array<SeedFile['services'][number] | undefined>;
  customers: Array<SeedFile['customers'][number] | undefined>;
  appointments: Array<SeedAppointment | undefined>;
}

/**
 * What each kind of record can be referred to by, as written in the file, including
 * records with mistakes of their own: a reference to one of those is not a second error.
 */
export interface KnownKeys {
  schedules: Set<string>;
  locations: Set<string>;
  resources: Set<string>;
  services: Set<string>;
  customers: Set<string>;
}

const present = <T>(xs: Array<T | undefined>): T[] => xs.filter((x): x is T => x !== undefined);

export function knownKeysOf(f: SeedRecords): KnownKeys {
  return {
    schedules: new Set(Object.keys(f.schedules)),
    locations: new Set(present(f.locations).map((l) => l.key)),
    resources: new Set(present(f.resources).map((r) => r.key)),
    services: new Set(present(f.services).map((s) => s.slug)),
    customers: new Set(present(f.customers).map((c) => c.phone)),
  };
}

/** Every reference by key or slug must name a record in the same file; returns what does not. */
export function crossReferenceIssues(f: SeedRecords, known: KnownKeys = knownKeysOf(f)): SeedIssue[] {
  const issues: SeedIssue[] = [];
  const dupes = <T>(what: string, records: Array<T | undefined>, field: string, keyOf: (r: T) => string) => {
    const seen = new Set<string>();
    records.forEach((r, i) => {
      if (r === undefined) return;
      const k = keyOf(r);
      if (seen.has(k)) issues.push({ path: `${what}.${i}.${field}`, message: `duplicate ${field} "${k}"` });
      seen.add(k);
    });
  };
  dupes('locations', f.locations, 'key', (l) => l.key);
  dupes('resources', f.resources, 'key', (r) => r.key);
  dupes('services', f.services, 'slug', (s) => s.slug);
  dupes('customers', f.customers, 'phone', (c) => c.phone);

  const resources = new Map(present(f.resources).map((r) => [r.key, r]));
  const services = new Map(present(f.services).map((s) => [s.slug, s]));

  f.resources.forEach((r, i) => {
    if (!r) return;
    if (!known.locations.has(r.location)) issues.push({ path: `resources.${i}.location`, message: `no location with key "${r.location}"` });
    if (typeof r.hours === 'string' && !known.schedules.has(r.hours)) issues.push({ path: `resources.${i}.hours`, message: `no schedule named "${r.hours}"` });
  });
  f.services.forEach((s, i) =>
    s?.eligible.forEach((k, j) => {
      if (!known.resources.has(k)) issues.push({ path: `services.${i}.eligible.${j}`, message: `no resource with key "${k}"` });
    }),
  );
  f.appointments.forEach((a, i) => {
    if (a) issues.push(...appointmentIssues({ a, at: `appointments.${i}`, known, resources, services }));
  });
  return issues;
}

/**
 * One appointment's references. The deeper checks (kinds, one location, intake)
 * need the referenced records themselves, so they run only when those are valid.
 */
function appointmentIssues(input: {
  a: SeedAppointment;
  at: string;
  known: KnownKeys;
  resources: Map<string, SeedFile['resources'][number]>;
  services: Map<string, SeedFile['services'][number]>;
}): SeedIssue[] {
  const { a, at, known } = input;
  const issues: SeedIssue[] = [];
  const service = input.services.get(a.service);
  if (!known.services.has(a.service)) issues.push({ path: `${at}.service`, message: `no service with slug "${a.service}"` });
  if (a.customer && !known.customers.has(a.customer)) issues.push({ path: `${at}.customer`, message: `no customer with phone ${a.customer} in customers` });
  a.resources.forEach((k, j) => {
    if (!known.resources.has(k)) issues.push({ path: `${at}.resources.${j}`, message: `no resource with key "${k}"` });
  });
  const found = present(a.resources.map((k) => input.resources.get(k)));
  if (new Set(found.map((r) => r.location)).size > 1) issues.push({ path: `${at}.resources`, message: 'all resources of one appointment must be at one location' });
  if (service && found.length === a.resources.length) {
    const kinds = found.map((r) => r.kind).sort();
    const needed = service.requirements.map((r) => r.kind).sort();
    if (kinds.join() !== needed.join()) {
      issues.push({ path: `${at}.resources`, message: `service "${service.slug}" needs one each of ${needed.join(', ')}; got ${kinds.join(', ') || 'none'}` });
    }
  }
  if (service) {
    const answers = validateIntakeAnswers(service.intakeQuestions, a.intake);
    if (!answers.ok) for (const e of answers.errors) issues.push({ path: `${at}.intake.${e.question}`, message: e.message });
  }
  return issues;
}
