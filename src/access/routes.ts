import type { Action } from './matrix.ts';

// Which action each admin API route performs, "METHOD /path" as the route is
// declared. A route missing here is refused for everyone (src/api/auth.ts
// authorize), so a new endpoint cannot go live without a decision about who may use it.

export const ROUTE_ACTIONS: Readonly<Record<string, Action>> = {
  'GET /business': 'business.read',
  'PUT /business': 'business.write',

  'GET /locations': 'locations.read',
  'POST /locations': 'locations.write',
  'GET /locations/:id': 'locations.read',
  'PATCH /locations/:id': 'locations.write',
  'DELETE /locations/:id': 'locations.write',

  'GET /services': 'services.read',
  'POST /services': 'services.write',
  'GET /services/:id': 'services.read',
  'PATCH /services/:id': 'services.write',
  'DELETE /services/:id': 'services.write',

  'GET /resources': 'resources.read',
  'POST /resources': 'resources.write',
  'GET /resources/:id': 'resources.read',
  'PATCH /resources/:id': 'resources.write',
  'DELETE /resources/:id': 'resources.write',

  'GET /resources/:id/hours': 'hours.read',
  'PUT /resources/:id/hours': 'hours.write',
  'GET /resources/:id/overrides': 'hours.read',
  'GET /resources/:id/overrides/:date': 'hours.read',
  'PUT /resources/:id/overrides/:date': 'hours.write',
  'DELETE /resources/:id/overrides/:date': 'hours.write',

  'GET /time-off': 'time_off.read',
  'POST /time-off': 'time_off.write',
  'GET /time-off/:id': 'time_off.read',
  'PATCH /time-off/:id': 'time_off.write',
  'DELETE /time-off/:id': 'time_off.write',

  'GET /customers': 'customers.read',
  'POST /customers': 'customers.write',
  'GET /customers/:id': 'customers.read',
  'PATCH /customers/:id': 'customers.write',
  'DELETE /customers/:id': 'customers.write',

  'GET /availability': 'availability.read',

  'GET /appointments': 'appointments.read',
  'POST /appointments': 'appointments.book',
  'GET /appointments/:id': 'appointments.read',
  'POST /appointments/:id/reschedule': 'appointments.change',
  'POST /appointments/:id/cancel': 'appointments.change',
  'POST /appointments/:id/status': 'appointments.change',

  'GET /outbox': 'outbox.read',

  'POST /impact': 'reschedule_flows.read',
  'GET /reschedule-flows': 'reschedule_flows.read',
  'GET /reschedule-flows/:id': 'reschedule_flows.read',
  'GET /jobs': 'jobs.read',

  'GET /exceptions': 'exceptions.read',
  'GET /exceptions/:id': 'exceptions.read',
  'POST /exceptions/:id/take': 'ops.take',
  'POST /exceptions/:id/assign': 'ops.assign',
  'POST /exceptions/:id/resolve': 'ops.resolve',
  'POST /exceptions/:id/dismiss': 'ops.dismiss',
  'POST /exceptions/:id/approve': 'ops.approve',
  'POST /exceptions/:id/decline': 'ops.decline',
  'POST /exceptions/:id/reply': 'ops.reply',

  'GET /users': 'users.read',
  'POST /users': 'users.write',
  'GET /users/:id': 'users.read',
  'PATCH /users/:id': 'users.write',
  'DELETE /users/:id': 'users.write',
  'PUT /users/:id/password': 'users.write',

  'GET /tokens': 'tokens.read',
  'POST /tokens': 'tokens.write',
  'GET /tokens/:id': 'tokens.read',
  'POST /tokens/:id/rotate': 'tokens.write',
  'DELETE /tokens/:id': 'tokens.write',

  'GET /webhooks': 'webhooks.read',
  'POST /webhooks': 'webhooks.write',
  'GET /webhooks/:id': 'webhooks.read',
  'PATCH /webhooks/:id': 'webhooks.write',
  'DELETE /webhooks/:id': 'webhooks.write',
  'POST /webhooks/:id/rotate-secret': 'webhooks.write',
  'GET /webhooks/:id/deliveries': 'webhooks.read',
  'GET /reports/kpis': 'reports.read',
  'GET /audit': 'audit.read',
  'GET /exports/appointments.csv': 'exports.read',
  'GET /exports/customers.csv': 'exports.read',
  'GET /exports/exceptions.csv': 'exports.read',
  'GET /feeds': 'feeds.read',
  'POST /feeds': 'feeds.write',
  'DELETE /feeds/:id': 'feeds.write',
};

export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

export const routeAction = (method: string, path: string): Action | undefined => ROUTE_ACTIONS[routeKey(method, path)];
