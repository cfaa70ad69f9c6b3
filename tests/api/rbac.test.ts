import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, permission, ROLES, type Role } from '../../src/access/matrix.ts';
import { ROUTE_ACTIONS, routeAction, routeKey } from '../../src/access/routes.ts';
import { problemHandler } from '../../src/http/problem.ts';
import { route } from '../../src/api/routes/support.ts';
import { forgetRoute } from '../../src/api/openapi.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { ENDPOINTS, NO_SUCH_ID, type Endpoint } from './endpoints.ts';
import { buildFixture, insertAppointment, json, snapshot, type Fixture } from './fixtures.ts';

// The permission matrix, enforced: every documented route × every role answers 403
// exactly when src/access/matrix.ts says the role may not perform the route's action,
// and a refused request writes nothing. Staff are confined to their own schedule, and
// every change records who made it.

let app: TestApp;
let f: Fixture;
const tokens = {} as Record<Role, string>;
const users = {} as Record<Role, string>;
/** An appointment on another staff member's schedule. */
let othersAppointment: string;

async function createUser(role: Role, resourceId?: string) {
  const user = await json<{ id: string }>(await app.api('/api/v1/users', { method: 'POST', json: { name: `A ${role}`, role, resourceId } }), 201);
  const issued = await json<{ token: string }>(await app.api('/api/v1/tokens', { method: 'POST', json: { userId: user.id, name: `${role} token` } }), 201);
  return { id: user.id, token: issued.token };
}

beforeAll(async () => {
  app = await createTestApp();
  f = await buildFixture(app);
  f.appointmentId = await insertAppointment(app, f);
  for (const role of ROLES) {
    const u = await createUser(role, role === 'staff' ? f.resourceId : undefined);
    users[role] = u.id;
    tokens[role] = u.token;
  }
  const kim = await json<{ id: string }>(await app.api('/api/v1/resources', { method: 'POST', json: { kind: 'staff', name: 'Kim', locationId: f.locationId } }), 201);
  const { rows } = await app.t.pool.query(
    `WITH a AS (INSERT INTO appointment (service_id, location_id, customer_id, starts_at, ends_at, channel, rule_version)
                VALUES ($1, $2, $3, '2026-12-03T15:00:00Z', '2026-12-03T15:45:00Z', 'api', 1) RETURNING id)
     INSERT INTO reservation (resource_id, appointment_id, session_key, block_start, block_end)
     SELECT $4, id, id::text, '2026-12-03T15:00:00Z', '2026-12-03T15:45:00Z' FROM a RETURNING appointment_id`,
    [f.serviceId, f.locationId, f.customerId, kim.id],
  );
  othersAppointment = rows[0].appointment_id as string;
});
afterAll(() => app.close());

const actionOf = (e: Endpoint) => routeAction(e.method, e.route)!;
const name = (e: Endpoint) => `${e.method.toUpperCase()} ${e.route}`;
const send = (e: Endpoint, role: Role, path: string) =>
  app.api(`/api/v1${path}`, { method: e.method.toUpperCase(), auth: tokens[role], json: e.valid?.(f) });
/** Tables a refused request must leave alone; api_token changes on every use (last_used_at). */
const written = async () => {
  const s = await snapshot(app);
  delete s.api_token;
  return s;
};

describe('the route table', () => {
  it('declares an action for exactly the documented endpoints', () => {
    expect(Object.keys(ROUTE_ACTIONS).sort()).toEqual(ENDPOINTS.map((e) => routeKey(e.method, e.route)).sort());
    for (const action of Object.values(ROUTE_ACTIONS)) expect(ACTIONS).toContain(action);
  });

  it('refuses a route that declares no action, even to an admin, without running it', async () => {
    const router = express.Router();
    let ran = false;
    route(router, { operationId: 'undeclaredProbe', method: 'get', path: '/undeclared', summary: 'x', tag: 'x' }, async () => (ran = true));
    const probe = express();
    probe.use((req, _res, next) => {
      req.principal = { actorId: 'bootstrap-admin', userId: null, role: 'admin', resourceId: null };
      next();
    });
    probe.use(router, problemHandler);
    const server = probe.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/undeclared`);
    await new Promise((resolve) => server.close(resolve));
    // The description is one per process, and test files share their worker's modules.
    forgetRoute('get', '/undeclared');
    expect(res.status).toBe(403);
    expect(ran).toBe(false);
  });
});

describe('the matrix', () => {
  it('lets a viewer read but never write, keeps user, token and webhook administration and the job queues to admins, and business-wide reads to managers', () => {
    // Business-wide reports, the audit trail and exports are for managers and admins.
    const managementReads: string[] = ['reports.read', 'audit.read', 'exports.read', 'feeds.read'];
    for (const action of ACTIONS) {
      const read = action.endsWith('.read');
      const administration = ['users.', 'tokens.', 'webhooks.', 'jobs.'].some((area) => action.startsWith(area));
      expect(permission('viewer', action), action).toBe(read && !administration && !managementReads.includes(action) ? 'any' : 'none');
      expect(permission('manager', action), action).toBe(administration ? 'none' : 'any');
      expect(permission('admin', action), action).toBe('any');
    }
  });

  it('confines staff to their own schedule and leaves assign and dismiss to managers', () => {
    for (const action of ['appointments.read', 'appointments.change', 'exceptions.read', 'ops.take', 'ops.resolve', 'ops.approve', 'ops.decline', 'ops.offer_times', 'ops.reply', 'feeds.read', 'feeds.write'] as const) {
      expect(permission('staff', action), action).toBe('own');
    }
    for (const action of ['ops.assign', 'ops.dismiss', 'appointments.book', 'customers.read', 'hours.write', 'users.read'] as const) {
      expect(permission('staff', action), action).toBe('none');
    }
  });
});

describe('staff see and change their own schedule only', () => {
  it('lists only the appointments on their linked resource', async () => {
    const all = await json<{ items: Array<{ id: string }> }>(await app.api('/api/v1/appointments'), 200);
    expect(all.items.map((a) => a.id)).toEqual(expect.arrayContaining([f.appointmentId, othersAppointment]));
    const own = await json<{ items: Array<{ id: string; resourceIds: string[] }> }>(await app.api('/api/v1/appointments', { auth: tokens.staff }), 200);
    expect(own.items.map((a) => a.id)).toEqual([f.appointmentId]);
    await json(await app.api(`/api/v1/appointments?resource=${f.roomId}`, { auth: tokens.staff }), 403);
  });

  it("answers 404 for someone else's appointment and changes nothing", async () => {
    const before = await written();
    await json(await app.api(`/api/v1/appointments/${othersAppointment}`, { auth: tokens.staff }), 404);
    await json(await app.api(`/api/v1/appointments/${othersAppointment}/cancel`, { method: 'POST', auth: tokens.staff, json: {} }), 404);
    await json(await app.api(`/api/v1/appointments/${f.appointmentId}/reschedule`, { method: 'POST', auth: tokens.staff, json: { start: '2026-12-07T15:00:00Z', resource: f.roomId } }), 403);
    expect(await written()).toEqual(before);
    await json(await app.api(`/api/v1/appointments/${f.appointmentId}`, { auth: tokens.staff }), 200);
  });
});

describe('every change records the acting user', () => {
  const lastEvent = async (id: string) => (await json<{ events: Array<{ action: string; actorType: string; actorId: string }> }>(await app.api(`/api/v1/appointments/${id}`), 200)).events.at(-1);

  it("names the token's user, or bootstrap-admin for the admin token", async () => {
    await json(await app.api(`/api/v1/appointments/${othersAppointment}/status`, { method: 'POST', auth: tokens.manager, json: { status: 'completed' } }), 200);
    expect(await lastEvent(othersAppointment)).toMatchObject({ actorType: 'user', actorId: users.manager });
    await json(await app.api(`/api/v1/appointments/${othersAppointment}/status`, { method: 'POST', json: { status: 'no_show' } }), 422);
    await json(await app.api(`/api/v1/appointments/${f.appointmentId}/cancel`, { method: 'POST', auth: tokens.staff, json: { reason: 'sick' } }), 200);
    expect(await lastEvent(f.appointmentId!)).toMatchObject({ actorType: 'user', actorId: users.staff });
  });

  it('records bootstrap-admin for the configured admin token', async () => {
    const id = await insertAppointment(app, f, '2026-12-08T15:00:00Z', '2026-12-08T15:45:00Z');
    await json(await app.api(`/api/v1/appointments/${id}/cancel`, { method: 'POST', json: {} }), 200);
    expect(await lastEvent(id)).toMatchObject({ actorType: 'user', actorId: 'bootstrap-admin' });
  });
});

const cases = ENDPOINTS.flatMap((e) => ROLES.map((role) => [name(e), role, e] as const));
const refused = cases.filter(([, role, e]) => permission(role, actionOf(e)) === 'none');
const allowed = cases.filter(([, role, e]) => permission(role, actionOf(e)) !== 'none');

describe('every route × every role', () => {
  let before: Record<string, string>;
  beforeAll(async () => {
    before = await written();
  });

  it.each(refused)('%s as %s: 403', async (_n, role, e) => {
    const res = await send(e, role, e.path(f));
    expect(res.status, await res.text()).toBe(403);
  });

  it('the refused requests wrote nothing', async () => {
    expect(await written()).toEqual(before);
  });

  // Deletes name no record, so one role's delete does not change what the next role sees.
  it.each(allowed)('%s as %s: not 403', async (_n, role, e) => {
    const res = await send(e, role, e.method === 'delete' ? e.path(f, NO_SUCH_ID) : e.path(f));
    expect([401, 403], `${res.status} ${await res.text()}`).not.toContain(res.status);
  });
});
