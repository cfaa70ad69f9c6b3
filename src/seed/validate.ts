import type { z } from 'zod';
import { phone } from '../api/schemas/common.ts';
import { crossReferenceIssues, SEED_LISTS, SeedFile, type KnownKeys, type SeedIssue, type SeedRecords } from './file.ts';

// Validates a whole seed file and reports every mistake in it at once: schema
// errors, and reference errors among the records that are valid on their own. A
// reference to a record that has a mistake of its own is not reported again.

export type SeedValidation = { ok: true; file: SeedFile } | { ok: false; issues: SeedIssue[] };

const pathOf = (p: PropertyKey[]) => p.map(String).join('.');
const zodIssues = (e: z.ZodError): SeedIssue[] =>
  e.issues.map((i) => ({
    path: pathOf(i.path),
    message: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}` : i.message,
  }));

type RawFile = Record<string, unknown>;
const listOf = (raw: RawFile, name: string): unknown[] => (Array.isArray(raw[name]) ? (raw[name] as unknown[]) : []);
const objectOf = (v: unknown): RawFile => (v && typeof v === 'object' && !Array.isArray(v) ? (v as RawFile) : {});
const field = (record: unknown, name: string): string | undefined => {
  const v = objectOf(record)[name];
  return typeof v === 'string' ? v : undefined;
};

/** Each record that passes its own schema, at its own index. */
function recordsThatParse(raw: RawFile): SeedRecords {
  const each = <S extends z.ZodType>(name: string, schema: S) =>
    listOf(raw, name).map((r) => {
      const parsed = schema.safeParse(r);
      return parsed.success ? (parsed.data as z.output<S>) : undefined;
    });
  return {
    schedules: objectOf(raw.schedules),
    locations: each('locations', SEED_LISTS.locations),
    resources: each('resources', SEED_LISTS.resources),
    services: each('services', SEED_LISTS.services),
    customers: each('customers', SEED_LISTS.customers),
    appointments: each('appointments', SEED_LISTS.appointments),
  };
}

/** The keys, slugs and phones as written, records with mistakes included. */
function keysAsWritten(raw: RawFile): KnownKeys {
  const keys = (name: string, by: string) => new Set(listOf(raw, name).flatMap((r) => field(r, by) ?? []));
  const phones = listOf(raw, 'customers').flatMap((c) => {
    const written = field(c, 'phone');
    if (written === undefined) return [];
    const normalized = phone.safeParse(written);
    return normalized.success ? [normalized.data] : [written];
  });
  return {
    schedules: new Set(Object.keys(objectOf(raw.schedules))),
    locations: keys('locations', 'key'),
    resources: keys('resources', 'key'),
    services: keys('services', 'slug'),
    customers: new Set(phones),
  };
}

export function validateSeed(raw: unknown): SeedValidation {
  const parsed = SeedFile.safeParse(raw);
  if (parsed.success) {
    const refs = crossReferenceIssues(parsed.data);
    return refs.length ? { ok: false, issues: refs } : { ok: true, file: parsed.data };
  }
  const rawFile = objectOf(raw);
  const all = [...zodIssues(parsed.error), ...crossReferenceIssues(recordsThatParse(rawFile), keysAsWritten(rawFile))];
  const seen = new Set<string>();
  return { ok: false, issues: all.filter((i) => !seen.has(`${i.path}\n${i.message}`) && seen.add(`${i.path}\n${i.message}`)) };
}
