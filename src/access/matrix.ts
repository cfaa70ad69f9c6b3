// The permission matrix: role × action → how far the role may act. It is the only
// place that says who may do what; the admin API (src/api/auth.ts) and the ops
// commands ask it, and tests/api/rbac.test.ts walks every route against it.
// Pure: no I/O, no HTTP, no database.

export const ROLES = ['viewer', 'staff', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * `any`: the action on any record. `own`: only on records of the user's own schedule
 * (appointments on their linked staff resource, exceptions about those or assigned to
 * them); the code doing the action must narrow to those. `none`: refused.
 */
export type Scope = 'any' | 'own' | 'none';

export const ACTIONS = [
  'business.read',
  'business.write',
  'locations.read',
  'locations.write',
  'services.read',
  'services.write',
  'resources.read',
  'resources.write',
  'hours.read',
  'hours.write',
  'time_off.read',
  'time_off.write',
  'customers.read',
  'customers.write',
  'availability.read',
  'appointments.read',
  'appointments.book',
  'appointments.change',
  'outbox.read',
  // Dry runs of changes to resources and the reschedule flows they start.
  'reschedule_flows.read',
  'users.read',
  'users.write',
  'tokens.read',
  'tokens.write',
  // Outbound webhook subscriptions: their URLs and secrets are administration.
  'webhooks.read',
  'webhooks.write',
  // Exception triage (the ops core, in Slack, Teams or the API).
  'exceptions.read',
  'ops.take',
  'ops.assign',
  'ops.resolve',
  'ops.dismiss',
  'ops.approve',
  'ops.decline',
  'ops.offer_times',
  'ops.reply',
  // The background job queues (GET /jobs).
  'jobs.read',
  // Business KPIs (src/reports): a manager's view of the whole business.
  'reports.read',
  // Every change to every record (src/audit).
  'audit.read',
  // CSV exports of whole lists (appointments, customers, exceptions).
  'exports.read',
  // Private ICS calendar feeds (src/feeds): who holds a feed URL reads that calendar.
  'feeds.read',
  'feeds.write',
] as const;
export type Action = (typeof ACTIONS)[number];

const ADMINISTRATION: readonly Action[] = ['users.read', 'users.write', 'tokens.read', 'tokens.write', 'webhooks.read', 'webhooks.write', 'jobs.read'];

// Reads a viewer may not make: business-wide figures are for managers (and admins).
// Feeds too: a viewer has no schedule of their own, and a feed list says whose calendars are shared.
const MANAGEMENT_READS: readonly Action[] = ['reports.read', 'audit.read', 'exports.read', 'feeds.read'];

// Staff work their own schedule: they read the setup they book against, and act
// only on their own appointments and exceptions. Handing an exception to someone
// else (assign) or closing it unanswered (dismiss) is a manager's call.
const STAFF: Partial<Record<Action, Scope>> = {
  'business.read': 'any',
  'locations.read': 'any',
  'services.read': 'any',
  'resources.read': 'any',
  'availability.read': 'any',
  'appointments.read': 'own',
  'appointments.change': 'own',
  'exceptions.read': 'own',
  'ops.take': 'own',
  'ops.resolve': 'own',
  'ops.approve': 'own',
  'ops.decline': 'own',
  'ops.offer_times': 'own',
  'ops.reply': 'own',
  // Their own calendar feed, to subscribe to on their phone; never a colleague's.
  'feeds.read': 'own',
  'feeds.write': 'own',
};

const isRead = (a: Action) => a.endsWith('.read');

/** How far `role` may perform `action`. */
export function permission(role: Role, action: Action): Scope {
  switch (role) {
    case 'admin':
      return 'any';
    case 'manager':
      return ADMINISTRATION.includes(action) ? 'none' : 'any';
    case 'viewer':
      return isRead(action) && !ADMINISTRATION.includes(action) && !MANAGEMENT_READS.includes(action) ? 'any' : 'none';
    case 'staff':
      return STAFF[action] ?? 'none';
  }
}

/** Roles ordered by reach, for "a token never acts as more than its user". */
export const roleRank = (role: Role) => ROLES.indexOf(role);

/** The lesser of two roles: what a token scoped to `scope` may do for a user holding `held`. */
export const effectiveRole = (scope: Role, held: Role): Role => (roleRank(scope) <= roleRank(held) ? scope : held);
