import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import type { Prisma, Resource } from '../../generated/prisma/client.ts';
import { instant, page } from '../schemas/common.ts';
import { ResourceCreate, ResourceListQuery, ResourceUpdate, ResourceView } from '../schemas/resource.ts';
import { badRequest, conflict, notFound } from '../../http/problem.ts';
import { parseBody, parseQuery } from '../validate.ts';
import { saveResourceChange } from './reschedule-flows.ts';
import { keyset, listCursor, pathId, route, translateDbError } from './support.ts';

const tag = 'Resources';
const resourcesCursor = listCursor('resources', instant);

export const toResourceView = (r: Resource) => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  locationId: r.locationId,
  timeZone: r.timeZone,
  skills: r.skills,
  languages: r.languages,
  capacity: r.capacity,
  maxDailyBookings: r.maxDailyBookings,
  routingWeight: r.routingWeight,
  active: r.active,
  slackUserId: r.slackUserId,
  teamsUserId: r.teamsUserId,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const chatIdTaken = {
  resource_slack_user_id_key: conflict('Another resource already has this slackUserId.'),
  resource_teams_user_id_key: conflict('Another resource already has this teamsUserId.'),
};

export function resourcesRouter(ctx: AppContext): Router {
  const { db } = ctx;
  const router = Router();
  const find = async (id: string) => (await db.resource.findUnique({ where: { id } })) ?? Promise.reject(notFound(`Resource ${id}`));
  const location = async (id: string) =>
    (await db.location.findUnique({ where: { id }, select: { timeZone: true } })) ??
    Promise.reject(badRequest('The request body is not valid.', [{ field: 'locationId', message: `no location with id ${id}` }]));

  route(router, { operationId: 'listResources', method: 'get', path: '/resources', summary: 'List staff, rooms and equipment', tag, query: ResourceListQuery, response: page(ResourceView) }, async (req) => {
    const q = parseQuery(ResourceListQuery, req);
    const k = keyset('createdAt', resourcesCursor.decode(q.after));
    const where: Prisma.ResourceWhereInput = {
      AND: [k.where, { locationId: q.locationId, kind: q.kind, active: q.active }],
    };
    const rows = await db.resource.findMany({ where, orderBy: k.orderBy, take: q.limit + 1 });
    return resourcesCursor.page(rows, q.limit, (r) => r.createdAt, toResourceView);
  });

  route(
    router,
    {
      operationId: 'createResource',
      method: 'post',
      path: '/resources',
      summary: "Create a resource; its time zone defaults to its location's",
      tag,
      body: ResourceCreate,
      response: ResourceView,
      status: 201,
      problems: [409],
    },
    async (req) => {
      const input = parseBody(ResourceCreate, req);
      const { timeZone } = await location(input.locationId);
      const created = await db.resource
        .create({ data: { ...input, timeZone: input.timeZone ?? timeZone } })
        .catch((err) => translateDbError(err, chatIdTaken));
      return toResourceView(created);
    },
  );

  route(router, { operationId: 'getResource', method: 'get', path: '/resources/:id', summary: 'Get a resource', tag, response: ResourceView }, async (req) =>
    toResourceView(await find(pathId(req, 'Resource'))),
  );

  route(
    router,
    { operationId: 'updateResource', method: 'patch', path: '/resources/:id', summary: 'Update a resource', tag, body: ResourceUpdate, response: ResourceView, problems: [409] },
    async (req) => {
      const id = pathId(req, 'Resource');
      const input = parseBody(ResourceUpdate, req);
      const current = await find(id);
      if (input.locationId) await location(input.locationId);
      const update = (tx: Prisma.TransactionClient) => tx.resource.update({ where: { id }, data: input });
      // Deactivating a booked resource offers its customers new times (a reschedule flow).
      const deactivating = input.active === false && current.active;
      const updated = await (deactivating ? saveResourceChange(ctx, req, { resourceId: id, change: { kind: 'deactivate' } }, update) : update(db)).catch((err) =>
        translateDbError(err, chatIdTaken),
      );
      return toResourceView(updated);
    },
  );

  route(
    router,
    { operationId: 'deleteResource', method: 'delete', path: '/resources/:id', summary: 'Delete a resource that has never been booked', tag, status: 204, problems: [409] },
    async (req) => {
      const id = pathId(req, 'Resource');
      await find(id);
      // Reservations cascade with their resource, so a booked resource would silently
      // vanish from its appointments: refuse instead of relying on a foreign key.
      await db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM resource WHERE id = ${id}::uuid FOR UPDATE`;
        const booked = await tx.reservation.count({ where: { resourceId: id, appointmentId: { not: null } } });
        if (booked) throw conflict(`The resource has ${booked} appointment(s): set active to false instead of deleting it.`);
        await tx.resource.delete({ where: { id } });
      });
    },
  );

  return router;
}
