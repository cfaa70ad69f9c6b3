import type { LocationRecord, ResourceKind, ResourceRecord, ServiceRecord } from './ports.ts';

// Who may serve a service, before time is considered.

export const KIND_ORDER: ResourceKind[] = ['staff', 'room', 'equipment'];

/**
 * The resource kinds a service needs at once, staff first. A service with no
 * requirement rows needs one of each kind it has explicit eligibility for.
 */
export function requiredKinds(service: ServiceRecord, resources: ResourceRecord[]): ResourceKind[] {
  const kinds = new Set<ResourceKind>(service.requirements.map((r) => r.kind));
  if (kinds.size === 0) {
    const explicit = new Set(service.eligibleResourceIds);
    for (const r of resources) if (explicit.has(r.id)) kinds.add(r.kind);
  }
  return KIND_ORDER.filter((k) => kinds.has(k));
}

/**
 * A resource serves a service through an explicit eligibility row, or by having every
 * skill the service's requirement for its kind lists. A requirement with no skills
 * admits only explicitly eligible resources. Inactive resources never serve.
 */
export function isEligible(service: ServiceRecord, resource: ResourceRecord): boolean {
  if (!resource.active) return false;
  if (service.eligibleResourceIds.includes(resource.id)) return true;
  const req = service.requirements.find((r) => r.kind === resource.kind);
  if (!req || req.skills.length === 0) return false;
  return req.skills.every((s) => resource.skills.includes(s));
}

/** Postal codes compare without spaces and case ("sw1a 1aa" = "SW1A1AA"). */
export function normalizePostalCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/** A location with no postal codes serves anyone; otherwise only the codes it lists. */
export function servesPostalCode(location: LocationRecord, postalCode: string | undefined): boolean {
  if (!postalCode || location.postalCodes.length === 0) return true;
  const wanted = normalizePostalCode(postalCode);
  return location.postalCodes.some((c) => normalizePostalCode(c) === wanted);
}

/** Language codes match on their primary subtag ("pt-BR" speaks "pt"). */
export function speaks(resource: ResourceRecord, language: string): boolean {
  const primary = language.toLowerCase().split('-')[0];
  return resource.languages.some((l) => l.toLowerCase().split('-')[0] === primary);
}

/**
 * The language rule: a requested language binds staff only. Rooms and equipment
 * speak no language.
 */
export function meetsLanguage(resource: ResourceRecord, language: string | undefined): boolean {
  return !language || resource.kind !== 'staff' || speaks(resource, language);
}
