import { Router, type Request } from 'express';
import type { AppContext } from '../../context.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { ResourceChange } from '../../engine/impact.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { assessChange } from '../../reschedule/assess.ts';
import { flowProgress } from '../../reschedule/progress.ts';
import { startRescheduleFlow } from '../../reschedule/start-flow.ts';
import { actorOf } from '../auth.ts';
import { instant, page } from '../schemas/common.ts';
import { ImpactRequest, ImpactView, RescheduleFlowListQuery, RescheduleFlowView, type ResourceChangeInput } from '../schemas/reschedule.ts';
import { parseBody, parseQuery } from '../validate.ts';
import type { z } from 'zod';
import { keyset, listCursor, pathId, route } from './support.ts';

// When a provider is out: the dry run (which appointments a change to a resource
// would make impossible, before it is saved) and the progress of the reschedule
// flows that saving such changes started (src/reschedule).

const tag = 'Reschedule flows';
const flowsCursor = listCursor('reschedule-flows', instant);

/** The API's description of a change as the engine's. */
export function engineChange(input: z.infer<typeof ResourceChangeInput>): ResourceChange {
  switch (input.kind) {
    case 'time_off':
      return { kind: 'time_off', start: input.startsAt, end: input.endsAt };
    case 'weekly_hours':
      return { kind: 'weekly_hours', weeklyHours: input.intervals.map((i) => ({ weekday: i.weekday, startTime: i.start, endTime: i.end })) };
    case 'date_override':
      return { kind: 'date_override', date: input.date, intervals: input.intervals.map((i) => ({ startTime: i.start, endTime: i.end })) };
    case 'deactivate':
      return { kind: 'deactivate' };
  }
}

/**
 * Saves a change to a resource and, in the same transaction, starts the reschedule
 * flow for the appointments it makes impossible (judged on the resource as it was).
 */
export function saveResourceChange<T>(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  req: Request,
  input: { resourceId: string; change: ResourceChange },
  write: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return ctx.db.$transaction(async (tx) => {
    await startRescheduleFlow(tx, { ...input, now: ctx.clock(), createdBy: actorOf(req).id ?? 'unknown' });
    return write(tx);
  });
}

export function rescheduleFlowsRouter({ db, clock }: AppContext): Router {
  const router = Router();

  route(
    router,
    {
      operationId: 'assessResourceChange',
      method: 'post',
      path: '/impact',
      summary: 'Dry run: the booked appointments a change to a resource would make impossible; nothing is saved',
      tag,
      body: ImpactRequest,
      response: ImpactView,
      example: { resourceId: '0b6f3f7e-1c1a-4a53-9a43-2f0a4f1c9d10', change: { kind: 'time_off', startsAt: '2027-01-05T00:00:00Z', endsAt: '2027-01-06T00:00:00Z' } },
    },
    async (req) => {
      const input = parseBody(ImpactRequest, req);
      const affected = await assessChange(db, { resourceId: input.resourceId, change: engineChange(input.change), now: clock() });
      if (!affected) throw badRequest('The request body is not valid.', [{ field: 'resourceId', message: `no resource with id ${input.resourceId}` }]);
      return {
        resourceId: input.resourceId,
        affected: affected.map((a) => ({ ...a, startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString() })),
      };
    },
  );

  route(
    router,
    { operationId: 'listRescheduleFlows', method: 'get', path: '/reschedule-flows', summary: 'Reschedule flows, oldest first', tag, query: RescheduleFlowListQuery, response: page(RescheduleFlowView) },
    async (req) => {
      const q = parseQuery(RescheduleFlowListQuery, req);
      const k = keyset('createdAt', flowsCursor.decode(q.after));
      const where: Prisma.RescheduleFlowWhereInput = { AND: [k.where, { resourceId: q.resourceId }] };
      const rows = await db.rescheduleFlow.findMany({ where, orderBy: k.orderBy, take: q.limit + 1, select: { id: true, createdAt: true } });
      const ids = flowsCursor.page(rows, q.limit, (r) => r.createdAt, (r) => r.id);
      const items = [];
      for (const id of ids.items) items.push(await flowProgress(db, id));
      return { items, nextCursor: ids.nextCursor };
    },
  );

  route(
    router,
    { operationId: 'getRescheduleFlow', method: 'get', path: '/reschedule-flows/:id', summary: 'A reschedule flow and where each affected appointment stands', tag, response: RescheduleFlowView },
    async (req) => (await flowProgress(db, pathId(req, 'Reschedule flow'))) ?? Promise.reject(notFound(`Reschedule flow ${req.params.id}`)),
  );

  return router;
}
