import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { parse as parseYaml } from 'yaml';
import { SQLSTATE, sqlState, type Prisma, type PrismaClient } from '../db/client.ts';
import type { SeedAppointment, SeedFile, SeedIssue } from './file.ts';
import { deleteBusinessData } from './replace.ts';
import { validateSeed } from './validate.ts';

// Loads one business from a seed file (YAML or JSON) in a single transaction:
// a file with any problem writes nothing, and the error names every bad field.

export class SeedError extends Error {
  constructor(
    readonly source: string,
    readonly issues: SeedIssue[],
  ) {
    super(`Invalid seed file ${source}:\n${issues.map((i) => `  - ${i.path || '(file)'}: ${i.message}`).join('\n')}`);
    this.name = 'SeedError';
  }
}

/** The database already holds a business and the caller did not ask to replace it. */
export class BusinessExistsError extends Error {
  constructor(readonly existingName: string) {
    super(`the database already has a business ("${existingName}")`);
    this.name = 'BusinessExistsError';
  }
}

export interface SeedSummary {
  businessId: string;
  businessName: string;
  locations: number;
  services: number;
  resources: number;
  weeklyHours: number;
  customers: number;
  appointments: number;
  /** The business that --replace deleted, if there was one. */
  replaced: string | null;
}

/** Parses and validates seed text; `source` names it in errors and picks JSON for *.json. */
export function parseSeed(text: string, source: string): SeedFile {
  let raw: unknown;
  try {
    raw = source.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new SeedError(source, [{ path: '', message: `not valid ${source.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message}` }]);
  }
  const checked = validateSeed(raw);
  if (!checked.ok) throw new SeedError(source, checked.issues);
  return checked.file;
}

export async function readSeedFile(path: string): Promise<SeedFile> {
  return parseSeed(await readFile(path, 'utf8'), path);
}

/**
 * The instant a relative start names: `daysFromNow` days after today in the zone,
 * moved forward to the first day on which `works` says the resources are working.
 */
export function resolveStart(start: SeedAppointment['start'], zone: string, now: Date, works: (start: DateTime) => boolean): Date | null {
  if (typeof start === 'string') return new Date(start);
  const [hour, minute] = start.at.split(':').map(Number);
  const first = DateTime.fromJSDate(now, { zone }).startOf('day').plus({ days: start.daysFromNow });
  for (let d = 0; d < 14; d++) {
    const local = first.plus({ days: d }).set({ hour, minute });
    if (works(local)) return local.toJSDate();
  }
  return null;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export interface LoadOptions {
  now: Date;
  /** Names the file in errors. */
  source?: string;
  /**
   * One installation serves one business. When one exists: fail (default, a
   * BusinessExistsError), write nothing and return null (skip), or delete it and
   * everything that belongs to it before loading (replace).
   */
  ifBusinessExists?: 'fail' | 'skip' | 'replace';
}

/** Writes a parsed seed file. */
export async function loadSeed(db: PrismaClient, f: SeedFile, opts: LoadOptions & { ifBusinessExists: 'skip' }): Promise<SeedSummary | null>;
export async function loadSeed(db: PrismaClient, f: SeedFile, opts: LoadOptions): Promise<SeedSummary>;
export async function loadSeed(db: PrismaClient, f: SeedFile, opts: LoadOptions): Promise<SeedSummary | null> {
  const source = opts.source ?? 'seed';
  return db.$transaction(
    async (tx) => {
      // Two processes starting on one empty database must not both seed it.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('frontdesk:seed'))`;
      const existing = await tx.business.findFirst({ select: { name: true } });
      if (existing && opts.ifBusinessExists === 'skip') return null;
      if (existing && opts.ifBusinessExists === 'replace') await deleteBusinessData(tx);
      else if (existing) throw new BusinessExistsError(existing.name);

      const business = await tx.business.create({ data: f.business });
      const locationIds = new Map<string, { id: string; timeZone: string }>();
      const locationZones = new Map<string, string>();
      for (const { key, ...l } of f.locations) {
        const row = await tx.location.create({ data: { ...l, businessId: business.id } });
        locationIds.set(key, { id: row.id, timeZone: row.timeZone });
        locationZones.set(row.id, row.timeZone);
      }

      const resources = new Map<string, { id: string; locationId: string; timeZone: string; week: Array<{ weekday: number; start: string; end: string }> }>();
      let weeklyHours = 0;
      for (const { key, location, hours, ...r } of f.resources) {
        const loc = locationIds.get(location)!;
        const week = hours === undefined ? [] : typeof hours === 'string' ? f.schedules[hours]! : hours;
        const row = await tx.resource
          .create({ data: { ...r, locationId: loc.id, timeZone: r.timeZone ?? loc.timeZone } })
          .catch((e) => rethrow(e, source, `resources.${f.resources.findIndex((x) => x.key === key)}`));
        await tx.weeklyHours.createMany({ data: week.map((w) => ({ resourceId: row.id, weekday: w.weekday, startTime: w.start, endTime: w.end })) });
        weeklyHours += week.length;
        resources.set(key, { id: row.id, locationId: loc.id, timeZone: row.timeZone, week });
      }

      const services = new Map<string, { id: string; ruleVersion: number; durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number; seats: number }>();
      for (const { eligible, requirements, intakeQuestions, ...s } of f.services) {
        const row = await tx.service.create({
          data: {
            ...s,
            businessId: business.id,
            intakeQuestions: intakeQuestions as Prisma.InputJsonValue,
            requirements: { create: requirements },
            eligibility: { create: [...new Set(eligible)].map((k) => ({ resourceId: resources.get(k)!.id })) },
          },
        });
        services.set(row.slug, row);
      }

      const customers = new Map<string, string>();
      for (const c of f.customers) {
        const row = await tx.customer.create({ data: { ...c, optedOutAt: c.optedOut ? opts.now : null } });
        customers.set(row.phone, row.id);
      }

      // Seats of one class share a session: the first attendee's appointment id keys it.
      const sessions = new Map<string, string>();
      for (const [i, a] of f.appointments.entries()) {
        const service = services.get(a.service)!;
        const assigned = a.resources.map((k) => resources.get(k)!);
        // Each resource's hours are wall-clock times in its own zone.
        const works = (start: DateTime) =>
          assigned.every((r) => {
            const local = start.setZone(r.timeZone);
            const from = local.hour * 60 + local.minute - service.bufferBeforeMinutes;
            const to = local.hour * 60 + local.minute + service.durationMinutes + service.bufferAfterMinutes;
            return r.week.some((w) => w.weekday === local.weekday && toMinutes(w.start) <= from && to <= toMinutes(w.end));
          });
        const startsAt = resolveStart(a.start, locationZones.get(assigned[0]!.locationId)!, opts.now, works);
        if (!startsAt) {
          throw new SeedError(source, [{ path: `appointments.${i}.start`, message: 'its resources do not all work at that time on any day of the two weeks from then' }]);
        }
        const endsAt = new Date(startsAt.getTime() + service.durationMinutes * 60_000);
        const appointment = await tx.appointment.create({
          data: {
            serviceId: service.id,
            locationId: assigned[0]!.locationId,
            customerId: a.customer ? customers.get(a.customer)! : null,
            startsAt,
            endsAt,
            status: a.status,
            channel: a.channel,
            intake: a.intake,
            notes: a.notes ?? null,
            ruleVersion: service.ruleVersion,
            confirmedAt: a.status === 'requested' ? null : opts.now,
            canceledAt: a.status === 'canceled' ? opts.now : null,
            events: { create: { actorType: 'system', actorId: 'seed', channel: a.channel, action: 'created', after: { status: a.status } } },
          },
        });
        const sessionId = `${a.service}|${startsAt.toISOString()}|${[...a.resources].sort().join(',')}`;
        const sessionKey = service.seats > 1 ? (sessions.get(sessionId) ?? appointment.id) : appointment.id;
        if (service.seats > 1) sessions.set(sessionId, sessionKey);
        await tx.reservation
          .createMany({
            data: assigned.map((r) => ({
              resourceId: r.id,
              appointmentId: appointment.id,
              sessionKey,
              blockStart: new Date(startsAt.getTime() - service.bufferBeforeMinutes * 60_000),
              blockEnd: new Date(endsAt.getTime() + service.bufferAfterMinutes * 60_000),
              // A canceled appointment no longer holds its resources.
              active: a.status !== 'canceled',
            })),
          })
          .catch((e) => rethrow(e, source, `appointments.${i}`));
      }

      return {
        businessId: business.id,
        businessName: business.name,
        locations: f.locations.length,
        services: f.services.length,
        resources: f.resources.length,
        weeklyHours,
        customers: f.customers.length,
        appointments: f.appointments.length,
        replaced: existing?.name ?? null,
      };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** Database refusals that a seed file can cause, named by the record that caused them. */
function rethrow(e: unknown, source: string, path: string): never {
  const state = sqlState(e);
  if (state === SQLSTATE.exclusionViolation) throw new SeedError(source, [{ path, message: 'overlaps another appointment on the same resource' }]);
  if (state === SQLSTATE.uniqueViolation) throw new SeedError(source, [{ path, message: 'repeats a value that must be unique (e.g. a Slack or Teams user id)' }]);
  throw e;
}

/** Reads, validates and loads a seed file. */
export async function seedFromFile(db: PrismaClient, path: string, opts: LoadOptions): Promise<SeedSummary | null> {
  return loadSeed(db, await readSeedFile(path), { ...opts, source: path });
}
