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

export const SeedFile = z.strictObject({
  business: BusinessInput,
  /** Named weeks that resources can share. */
  schedules: z.record(key, Week).default({}),
  locations: z.array(LocationCreate.extend({ key })).min(1),
  resources: z
    .array(
      ResourceCreate.omit({ locationId: true }).extend({
        key,
        location: key,
        hours: z.union([key, Week]).optional().meta({ description: 'A schedule name or an inline week' }),
      }),
    )
    .default([]),
  services: z.array(ServiceCreate.omit({ eligibleResourceIds: true }).extend({ eligible: z.array(key).default([]) })).default([]),
  customers: z.array(CustomerCreate).default([]),
  appointments: z
    .array(
      z.strictObject({
        service: slug,
        customer: phone.optional(),
        resources: z.array(key).min(1),
        start: AppointmentStart,
        status: z.enum(['requested', 'confirmed', 'completed', 'canceled', 'no_show']).default('confirmed'),
        channel: z.enum(['sms', 'slack', 'teams', 'api', 'web']).default('sms'),
        intake: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
        notes: z.string().max(2000).optional(),
      }),
    )
    .default([]),
});

export type SeedFile = z.infer<typeof SeedFile>;
export type SeedAppointment = SeedFile['appointments'][number];

export interface SeedIssue {
  path: string;
  message: string;
}

/** Every reference by key or slug must name a record in the same file; returns what does not. */
export function crossReferenceIssues(f: SeedFile): SeedIssue[] {
  const issues: SeedIssue[] = [];
  const dupes = (what: string, keys: string[], field: string) =>
    keys.forEach((k, i) => {
      if (keys.indexOf(k) !== i) issues.push({ path: `${what}.${i}.${field}`, message: `duplicate ${field} "${k}"` });
    });
  dupes('locations', f.locations.map((l) => l.key), 'key');
  dupes('resources', f.resources.map((r) => r.key), 'key');
  dupes('services', f.services.map((s) => s.slug), 'slug');
  dupes('customers', f.customers.map((c) => c.phone), 'phone');

  const locations = new Set(f.locations.map((l) => l.key));
  const resources = new Map(f.resources.map((r) => [r.key, r]));
  const services = new Map(f.services.map((s) => [s.slug, s]));
  const customers = new Set(f.customers.map((c) => c.phone));

  f.resources.forEach((r, i) => {
    if (!locations.has(r.location)) issues.push({ path: `resources.${i}.location`, message: `no location with key "${r.location}"` });
    if (typeof r.hours === 'string' && !(r.hours in f.schedules)) issues.push({ path: `resources.${i}.hours`, message: `no schedule named "${r.hours}"` });
  });
  f.services.forEach((s, i) =>
    s.eligible.forEach((k, j) => {
      if (!resources.has(k)) issues.push({ path: `services.${i}.eligible.${j}`, message: `no resource with key "${k}"` });
    }),
  );
  f.appointments.forEach((a, i) => {
    const at = `appointments.${i}`;
    const service = services.get(a.service);
    if (!service) issues.push({ path: `${at}.service`, message: `no service with slug "${a.service}"` });
    if (a.customer && !customers.has(a.customer)) issues.push({ path: `${at}.customer`, message: `no customer with phone ${a.customer} in customers` });
    const picked = a.resources.map((k, j) => {
      const r = resources.get(k);
      if (!r) issues.push({ path: `${at}.resources.${j}`, message: `no resource with key "${k}"` });
      return r;
    });
    const found = picked.filter((r) => r !== undefined);
    if (new Set(found.map((r) => r.location)).size > 1) issues.push({ path: `${at}.resources`, message: 'all resources of one appointment must be at one location' });
    if (service && found.length === picked.length) {
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
  });
  return issues;
}
