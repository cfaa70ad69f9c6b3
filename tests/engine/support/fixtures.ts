import type { PrismaClient } from '../../../src/db/client.ts';

// Rows for engine tests against a real database, with readable defaults.

export const MON_FRI = [1, 2, 3, 4, 5];

export interface HoursRow {
  weekday: number;
  startTime: string;
  endTime: string;
}

export function weekdays(start: string, end: string, days = MON_FRI): HoursRow[] {
  return days.map((weekday) => ({ weekday, startTime: start, endTime: end }));
}

export async function createBusiness(db: PrismaClient, opts: { timeZone?: string; postalCodes?: string[] } = {}) {
  const timeZone = opts.timeZone ?? 'America/New_York';
  const business = await db.business.create({ data: { name: 'Test Clinic', timeZone } });
  const location = await db.location.create({
    data: { businessId: business.id, name: 'Main', timeZone, address: '1 Main St', postalCodes: opts.postalCodes ?? [] },
  });
  return { business, location };
}

export async function createLocation(db: PrismaClient, businessId: string, opts: { timeZone?: string; postalCodes?: string[]; name?: string } = {}) {
  return db.location.create({
    data: { businessId, name: opts.name ?? 'Branch', timeZone: opts.timeZone ?? 'America/New_York', address: '2 Side St', postalCodes: opts.postalCodes ?? [] },
  });
}

export async function createService(
  db: PrismaClient,
  businessId: string,
  opts: Partial<{
    slug: string;
    durationMinutes: number;
    minDurationMinutes: number;
    maxDurationMinutes: number;
    durationStepMinutes: number;
    bufferBeforeMinutes: number;
    bufferAfterMinutes: number;
    minNoticeMinutes: number;
    maxHorizonDays: number;
    slotStepMinutes: number;
    seats: number;
    requiresApproval: boolean;
    routingStrategy: 'round_robin' | 'least_busy' | 'previous_provider' | 'language_first';
    cancellationWindowMinutes: number;
    active: boolean;
    requirements: Array<{ kind: 'staff' | 'room' | 'equipment'; skills?: string[] }>;
    eligible: string[];
  }> = {},
) {
  const { requirements, eligible, ...fields } = opts;
  const service = await db.service.create({
    data: {
      businessId,
      name: fields.slug ?? 'Visit',
      slug: fields.slug ?? 'visit',
      durationMinutes: 30,
      minNoticeMinutes: 0,
      slotStepMinutes: 30,
      ...fields,
      requirements: { create: (requirements ?? [{ kind: 'staff' }]).map((r) => ({ kind: r.kind, skills: r.skills ?? [] })) },
    },
  });
  if (eligible?.length) await db.serviceEligibility.createMany({ data: eligible.map((resourceId) => ({ serviceId: service.id, resourceId })) });
  return service;
}

export async function createResource(
  db: PrismaClient,
  locationId: string,
  opts: Partial<{
    name: string;
    kind: 'staff' | 'room' | 'equipment';
    timeZone: string;
    skills: string[];
    languages: string[];
    capacity: number;
    maxDailyBookings: number | null;
    routingWeight: number;
    active: boolean;
    hours: HoursRow[];
    overrides: Array<{ date: string; startTime: string; endTime: string }>;
  }> = {},
) {
  const { hours, overrides, ...fields } = opts;
  return db.resource.create({
    data: {
      locationId,
      name: fields.name ?? 'Dana',
      kind: fields.kind ?? 'staff',
      timeZone: fields.timeZone ?? 'America/New_York',
      ...fields,
      weeklyHours: { create: hours ?? weekdays('09:00', '17:00') },
      dateOverrides: { create: overrides ?? [] },
    },
  });
}

export async function createCustomer(db: PrismaClient, phone = '+12125550100', extra: { language?: string; postalCode?: string } = {}) {
  return db.customer.create({ data: { phone, name: 'Pat', ...extra } });
}

export const system = { type: 'system' as const, id: 'test' };

/** Live reservations of different sessions on one resource that overlap: must always be zero. */
export const OVERLAP_SQL = `
  SELECT count(*)::int AS n FROM reservation a JOIN reservation b
    ON a.resource_id = b.resource_id AND a.id < b.id AND a.session_key <> b.session_key
   AND tstzrange(a.block_start, a.block_end, '[)') && tstzrange(b.block_start, b.block_end, '[)')
  WHERE a.active AND b.active`;
