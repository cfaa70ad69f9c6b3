import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import type { Location, Prisma } from '../../generated/prisma/client.ts';
import { instant, page } from '../schemas/common.ts';
import { LocationCreate, LocationListQuery, LocationUpdate, LocationView } from '../schemas/location.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { parseBody, parseQuery } from '../validate.ts';
import { currentBusinessId, keyset, listCursor, pathId, route, translateDbError } from './support.ts';

const tag = 'Locations';
const locationsCursor = listCursor('locations', instant);

export const toLocationView = (l: Location) => ({
  id: l.id,
  name: l.name,
  timeZone: l.timeZone,
  address: l.address,
  phone: l.phone,
  postalCodes: l.postalCodes,
  territory: l.territory,
  active: l.active,
  createdAt: l.createdAt.toISOString(),
  updatedAt: l.updatedAt.toISOString(),
});

export function locationsRouter({ db }: AppContext): Router {
  const router = Router();
  const find = async (id: string) => (await db.location.findUnique({ where: { id } })) ?? Promise.reject(notFound(`Location ${id}`));

  route(router, { operationId: 'listLocations', method: 'get', path: '/locations', summary: 'List locations', tag, query: LocationListQuery, response: page(LocationView) }, async (req) => {
    const q = parseQuery(LocationListQuery, req);
    const k = keyset('createdAt', locationsCursor.decode(q.after));
    const where: Prisma.LocationWhereInput = { AND: [k.where, q.active === undefined ? {} : { active: q.active }] };
    const rows = await db.location.findMany({ where, orderBy: k.orderBy, take: q.limit + 1 });
    return locationsCursor.page(rows, q.limit, (l) => l.createdAt, toLocationView);
  });

  route(
    router,
    { operationId: 'createLocation', method: 'post', path: '/locations', summary: 'Create a location', tag, body: LocationCreate, response: LocationView, status: 201, problems: [409] },
    async (req) => {
      const input = parseBody(LocationCreate, req);
      const businessId = await currentBusinessId(db);
      return toLocationView(await db.location.create({ data: { ...input, businessId } }));
    },
  );

  route(router, { operationId: 'getLocation', method: 'get', path: '/locations/:id', summary: 'Get a location', tag, response: LocationView }, async (req) =>
    toLocationView(await find(pathId(req, 'Location'))),
  );

  route(
    router,
    { operationId: 'updateLocation', method: 'patch', path: '/locations/:id', summary: 'Update a location', tag, body: LocationUpdate, response: LocationView },
    async (req) => {
      const id = pathId(req, 'Location');
      const input = parseBody(LocationUpdate, req);
      await find(id);
      return toLocationView(await db.location.update({ where: { id }, data: input }));
    },
  );

  route(
    router,
    { operationId: 'deleteLocation', method: 'delete', path: '/locations/:id', summary: 'Delete a location with no resources or appointments', tag, status: 204, problems: [409] },
    async (req) => {
      const id = pathId(req, 'Location');
      await find(id);
      await db.location.delete({ where: { id } }).catch((err) =>
        translateDbError(err, {
          resource_location_id_fkey: conflict('The location still has resources: move or delete them first, or set active to false.'),
          appointment_location_id_fkey: conflict('The location has appointments: set active to false instead of deleting it.'),
        }),
      );
    },
  );

  return router;
}
