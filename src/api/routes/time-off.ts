import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import type { Prisma, TimeOff } from '../../generated/prisma/client.ts';
import { instant, page } from '../schemas/common.ts';
import { TimeOffCreate, TimeOffListQuery, TimeOffUpdate, TimeOffView } from '../schemas/hours.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { parseBody, parseQuery } from '../validate.ts';
import { saveResourceChange } from './reschedule-flows.ts';
import { keyset, listCursor, pathId, route } from './support.ts';

const tag = 'Time off';
const timeOffCursor = listCursor('time-off', instant);

export const toTimeOffView = (t: TimeOff) => ({
  id: t.id,
  resourceId: t.resourceId,
  startsAt: t.startsAt.toISOString(),
  endsAt: t.endsAt.toISOString(),
  reason: t.reason,
  createdAt: t.createdAt.toISOString(),
});

export function timeOffRouter(ctx: AppContext): Router {
  const { db } = ctx;
  const router = Router();
  const find = async (id: string) => (await db.timeOff.findUnique({ where: { id } })) ?? Promise.reject(notFound(`Time off ${id}`));

  route(
    router,
    { operationId: 'listTimeOff', method: 'get', path: '/time-off', summary: 'List time off, earliest first', tag, query: TimeOffListQuery, response: page(TimeOffView) },
    async (req) => {
      const q = parseQuery(TimeOffListQuery, req);
      const k = keyset('startsAt', timeOffCursor.decode(q.after));
      const where: Prisma.TimeOffWhereInput = {
        AND: [k.where, { resourceId: q.resourceId, endsAt: q.from && { gt: q.from }, startsAt: q.to && { lt: q.to } }],
      };
      const rows = await db.timeOff.findMany({ where, orderBy: k.orderBy, take: q.limit + 1 });
      return timeOffCursor.page(rows, q.limit, (t) => t.startsAt, toTimeOffView);
    },
  );

  route(
    router,
    { operationId: 'createTimeOff', method: 'post', path: '/time-off', summary: 'Record time off for a resource', tag, body: TimeOffCreate, response: TimeOffView, status: 201 },
    async (req) => {
      const input = parseBody(TimeOffCreate, req);
      const exists = await db.resource.count({ where: { id: input.resourceId } });
      if (!exists) throw badRequest('The request body is not valid.', [{ field: 'resourceId', message: `no resource with id ${input.resourceId}` }]);
      // Appointments the time off makes impossible get new times offered (a reschedule flow).
      const change = { kind: 'time_off' as const, start: input.startsAt, end: input.endsAt };
      return toTimeOffView(await saveResourceChange(ctx, req, { resourceId: input.resourceId, change }, (tx) => tx.timeOff.create({ data: input })));
    },
  );

  route(router, { operationId: 'getTimeOff', method: 'get', path: '/time-off/:id', summary: 'Get one period of time off', tag, response: TimeOffView }, async (req) =>
    toTimeOffView(await find(pathId(req, 'Time off'))),
  );

  route(
    router,
    { operationId: 'updateTimeOff', method: 'patch', path: '/time-off/:id', summary: 'Change one period of time off', tag, body: TimeOffUpdate, response: TimeOffView },
    async (req) => {
      const id = pathId(req, 'Time off');
      const input = parseBody(TimeOffUpdate, req);
      const current = await find(id);
      // The body alone may be consistent while the result is not (only endsAt moved before startsAt).
      if ((input.endsAt ?? current.endsAt) <= (input.startsAt ?? current.startsAt)) {
        throw badRequest('The request body is not valid.', [{ field: 'endsAt', message: 'endsAt must be after startsAt' }]);
      }
      const change = { kind: 'time_off' as const, start: input.startsAt ?? current.startsAt, end: input.endsAt ?? current.endsAt };
      return toTimeOffView(await saveResourceChange(ctx, req, { resourceId: current.resourceId, change }, (tx) => tx.timeOff.update({ where: { id }, data: input })));
    },
  );

  route(router, { operationId: 'deleteTimeOff', method: 'delete', path: '/time-off/:id', summary: 'Delete one period of time off', tag, status: 204 }, async (req) => {
    const id = pathId(req, 'Time off');
    await find(id);
    await db.timeOff.delete({ where: { id } });
  });

  return router;
}
