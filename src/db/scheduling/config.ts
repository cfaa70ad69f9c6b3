import type { DateOverrideRecord, LocationRecord, ResourceRecord, ServiceRecord, SnapshotRequest } from '../../engine/ports.ts';
import type { Sql } from './sql.ts';

// The scheduling configuration (services with requirements and eligibility, locations,
// resources with weekly hours, date overrides and time off) kept in memory and keyed
// by schedule_version.version. Triggers bump that number in the same transaction as
// any change to those tables (migration 20261124160000_schedule_version), so a copy
// read in ONE statement together with its version is exactly the configuration of
// that version. Callers compare it with the version read alongside their dynamic data
// (or guard their write by it) and reload when it moved; the cache alone never
// decides anything.

export interface CachedResource {
  record: Omit<ResourceRecord, 'overrides'>;
  /** Every override of the resource, by date. */
  overrides: DateOverrideRecord[];
  /** Every time off of the resource as [start, end) epoch ms. */
  timeOff: Array<[number, number]>;
}

export interface ScheduleConfig {
  version: string;
  servicesById: Map<string, ServiceRecord>;
  /** The first service created with each slug (what a lookup by slug returns). */
  servicesBySlug: Map<string, ServiceRecord>;
  locations: Array<LocationRecord & { businessId: string }>;
  /** Sorted by id: the order snapshots list resources in. */
  resources: CachedResource[];
}

const ms = (column: string) => `round(date_part('epoch', ${column}) * 1000)::float8`;

const CONFIG_SQL = `
SELECT
  (SELECT version::text FROM schedule_version) AS version,
  (SELECT coalesce(json_agg(json_build_object(
      'id', s.id, 'businessId', s.business_id, 'name', s.name, 'slug', s.slug,
      'durationMinutes', s.duration_minutes, 'minDurationMinutes', s.min_duration_minutes,
      'maxDurationMinutes', s.max_duration_minutes, 'durationStepMinutes', s.duration_step_minutes, 'bufferBeforeMinutes', s.buffer_before_minutes,
      'bufferAfterMinutes', s.buffer_after_minutes, 'minNoticeMinutes', s.min_notice_minutes,
      'maxHorizonDays', s.max_horizon_days, 'slotStepMinutes', s.slot_step_minutes, 'seats', s.seats,
      'requiresApproval', s.requires_approval, 'routingStrategy', s.routing_strategy,
      'cancellationWindowMinutes', s.cancellation_window_minutes, 'active', s.active, 'ruleVersion', s.rule_version,
      'requirements', (SELECT coalesce(json_agg(json_build_object('kind', q.kind, 'skills', q.skills)), '[]')
                       FROM service_requirement q WHERE q.service_id = s.id),
      'eligibleResourceIds', (SELECT coalesce(json_agg(e.resource_id), '[]') FROM service_eligibility e WHERE e.service_id = s.id))
    ORDER BY s.created_at, s.id), '[]') FROM service s) AS services,
  (SELECT coalesce(json_agg(json_build_object('id', l.id, 'businessId', l.business_id, 'timeZone', l.time_zone,
      'postalCodes', l.postal_codes, 'active', l.active)), '[]') FROM location l) AS locations,
  (SELECT coalesce(json_agg(json_build_object(
      'record', json_build_object(
        'id', r.id, 'locationId', r.location_id, 'kind', r.kind, 'name', r.name, 'timeZone', r.time_zone,
        'skills', r.skills, 'languages', r.languages, 'capacity', r.capacity, 'maxDailyBookings', r.max_daily_bookings,
        'routingWeight', r.routing_weight, 'active', r.active,
        'weeklyHours', (SELECT coalesce(json_agg(json_build_object('weekday', w.weekday, 'startTime', w.start_time, 'endTime', w.end_time)), '[]')
                        FROM weekly_hours w WHERE w.resource_id = r.id)),
      'overrides', (SELECT coalesce(json_agg(json_build_object('date', o.date, 'startTime', o.start_time, 'endTime', o.end_time) ORDER BY o.date), '[]')
                    FROM date_override o WHERE o.resource_id = r.id),
      'timeOff', (SELECT coalesce(json_agg(json_build_array(${ms('t.starts_at')}, ${ms('t.ends_at')}) ORDER BY t.starts_at), '[]')
                  FROM time_off t WHERE t.resource_id = r.id))
    ORDER BY r.id), '[]') FROM resource r) AS resources
`;

interface ConfigRow {
  version: string;
  services: ServiceRecord[];
  locations: ScheduleConfig['locations'];
  resources: CachedResource[];
}

/** Reads the whole configuration and its version in one statement (one snapshot). */
export async function readConfig(sql: Sql): Promise<ScheduleConfig> {
  const rows = await sql.query<ConfigRow>({ name: 'scheduling_config', text: CONFIG_SQL, values: [] });
  const row = rows[0]!;
  const servicesById = new Map<string, ServiceRecord>();
  const servicesBySlug = new Map<string, ServiceRecord>();
  for (const s of row.services) {
    servicesById.set(s.id, s);
    if (!servicesBySlug.has(s.slug)) servicesBySlug.set(s.slug, s);
  }
  // Ids are compared as text in Node, as Postgres orders uuids (both lowercase hex).
  const resources = [...row.resources].sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  return { version: row.version, servicesById, servicesBySlug, locations: row.locations, resources };
}

export function findService(config: ScheduleConfig, key: string, byId: boolean): ServiceRecord | undefined {
  return (byId ? config.servicesById.get(key) : undefined) ?? config.servicesBySlug.get(key);
}

/**
 * The resources a snapshot of `service` lists: active, at an active location of the
 * service's business, of a required kind or explicitly eligible (eligibility itself
 * is the engine's call), narrowed to the request's resources and location.
 */
export function snapshotResources(
  config: ScheduleConfig,
  service: ServiceRecord,
  filter: Pick<SnapshotRequest, 'resourceIds' | 'locationId'> = {},
): { locations: LocationRecord[]; resources: CachedResource[] } {
  const locations = config.locations.filter((l) => l.businessId === service.businessId && l.active);
  const atLocation = new Set(locations.map((l) => l.id));
  const kinds = new Set<string>(service.requirements.map((q) => q.kind));
  const explicit = new Set(service.eligibleResourceIds);
  const only = filter.resourceIds ? new Set(filter.resourceIds) : null;
  const resources = config.resources.filter(
    ({ record: r }) =>
      r.active &&
      atLocation.has(r.locationId) &&
      (kinds.has(r.kind) || explicit.has(r.id)) &&
      (!only || only.has(r.id)) &&
      (!filter.locationId || r.locationId === filter.locationId),
  );
  return { locations: locations.map(({ businessId: _b, ...l }) => l), resources };
}
