import type { PrismaClient } from '../db/client.ts';

// The business data a conversation needs (services, staff names, zones, addresses).
// Catalog reads go straight to the database; every scheduling read or write goes
// through the engine's Scheduler. The catalog is kept between messages and read
// again when schedule_version moves (triggers bump it on every change to the
// business, its locations, resources, hours and services).

export interface CatalogService {
  id: string;
  name: string;
  slug: string;
  synonyms: string[];
  description: string | null;
  durationMinutes: number;
  priceCents: number | null;
  /** How far ahead it can be booked (the engine's max_horizon rule). */
  maxHorizonDays: number;
  intakeQuestions: unknown;
}

export interface CatalogLocation {
  id: string;
  name: string;
  address: string;
  timeZone: string;
  phone: string | null;
  hours: Array<{ weekday: number; start: string; end: string }>;
}

export interface Catalog {
  business: { id: string; name: string; timeZone: string; phone: string | null; email: string | null; website: string | null; policies: string | null };
  services: CatalogService[];
  locations: CatalogLocation[];
  /** Each staff member with their weekly hours (weekday 1 = Monday), so "who works saturdays?" has its answer. */
  staff: Array<{ id: string; name: string; locationId: string; hours?: Array<{ weekday: number; start: string; end: string }> }>;
  resourceNames: Map<string, { name: string; kind: string }>;
}

type CatalogReader = Pick<PrismaClient, 'business' | 'service' | 'location'>;

export type CatalogAt = (db: CatalogReader, version: string | null) => Promise<Catalog | null>;

/**
 * The catalog as of `version` (the schedule_version read in the caller's transaction
 * before this call, so a cached catalog is never older than its key). Without a version
 * nothing is cached.
 */
export function createCatalogCache(businessId?: string): CatalogAt {
  let cached: { version: string; catalog: Catalog | null } | null = null;
  return async function catalogAt(db, version) {
    if (version !== null && cached?.version === version) return cached.catalog;
    const catalog = await loadCatalog(db, businessId);
    if (version !== null) cached = { version, catalog };
    return catalog;
  };
}

// schedule_version belongs to the database, so every orchestrator on one Prisma client
// (one database) can share a cache per business: a second orchestrator, or a test's
// fresh one per dialog, does not read the catalog again (five statements).
const shared = new WeakMap<object, Map<string, CatalogAt>>();

/** The catalog cache of the database behind `db` for this business, shared by every caller on that client. */
export function catalogCacheFor(db: object, businessId?: string): CatalogAt {
  let byBusiness = shared.get(db);
  if (!byBusiness) shared.set(db, (byBusiness = new Map()));
  const key = businessId ?? '';
  let cache = byBusiness.get(key);
  if (!cache) byBusiness.set(key, (cache = createCatalogCache(businessId)));
  return cache;
}

/** The business this deployment serves: the given id, else the oldest one. */
export async function loadCatalog(db: CatalogReader, businessId?: string): Promise<Catalog | null> {
  const business = await db.business.findFirst({
    where: businessId ? { id: businessId } : {},
    orderBy: { createdAt: 'asc' },
  });
  if (!business) return null;
  const [services, locations] = await Promise.all([
    db.service.findMany({ where: { businessId: business.id, active: true }, orderBy: { name: 'asc' } }),
    db.location.findMany({
      where: { businessId: business.id, active: true },
      orderBy: { createdAt: 'asc' },
      include: { resources: { where: { active: true }, include: { weeklyHours: true }, orderBy: { name: 'asc' } } },
    }),
  ]);
  const resourceNames = new Map<string, { name: string; kind: string }>();
  const staff: Catalog['staff'] = [];
  const catalogLocations: CatalogLocation[] = locations.map((l) => {
    // Opening hours shown to customers: per weekday, from the earliest start to the latest end of any staff member.
    const byDay = new Map<number, { start: string; end: string }>();
    for (const r of l.resources) {
      resourceNames.set(r.id, { name: r.name, kind: r.kind });
      if (r.kind !== 'staff') continue;
      staff.push({ id: r.id, name: r.name, locationId: l.id, hours: r.weeklyHours.map((h) => ({ weekday: h.weekday, start: h.startTime, end: h.endTime })).sort((a, b) => a.weekday - b.weekday) });
      for (const h of r.weeklyHours) {
        const cur = byDay.get(h.weekday);
        byDay.set(h.weekday, {
          start: cur && cur.start < h.startTime ? cur.start : h.startTime,
          end: cur && cur.end > h.endTime ? cur.end : h.endTime,
        });
      }
    }
    return {
      id: l.id,
      name: l.name,
      address: l.address,
      timeZone: l.timeZone,
      phone: l.phone,
      hours: [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([weekday, h]) => ({ weekday, ...h })),
    };
  });
  return {
    business: {
      id: business.id,
      name: business.name,
      timeZone: business.timeZone,
      phone: business.phone,
      email: business.email,
      website: business.website,
      policies: business.policies,
    },
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      slug: s.slug,
      synonyms: s.synonyms,
      description: s.description,
      durationMinutes: s.durationMinutes,
      priceCents: s.priceCents,
      maxHorizonDays: s.maxHorizonDays,
      intakeQuestions: s.intakeQuestions,
    })),
    locations: catalogLocations,
    staff,
    resourceNames,
  };
}

export function findService(catalog: Catalog, ref: string): CatalogService | undefined {
  const key = ref.trim().toLowerCase();
  return (
    catalog.services.find((s) => s.id === ref || s.slug.toLowerCase() === key || s.name.toLowerCase() === key) ??
    catalog.services.find((s) => s.synonyms.some((syn) => syn.toLowerCase() === key))
  );
}

export function locationZone(catalog: Catalog, locationId: string | null | undefined): string {
  return catalog.locations.find((l) => l.id === locationId)?.timeZone ?? catalog.business.timeZone;
}

/** The first staff member among a slot's or appointment's resources, for "with Dana". */
export function staffName(catalog: Catalog, resourceIds: string[]): string | undefined {
  for (const id of resourceIds) {
    const r = catalog.resourceNames.get(id);
    if (r?.kind === 'staff') return r.name;
  }
  return undefined;
}
