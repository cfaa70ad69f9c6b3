import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import type { DateOverride } from '../../generated/prisma/client.ts';
import { calendarDate, page } from '../schemas/common.ts';
import { DateOverrideInput, DateOverrideListQuery, DateOverrideView, DateParams, WeeklyHoursInput, WeeklyHoursView } from '../schemas/hours.ts';
import { notFound } from '../../http/problem.ts';
import { parseBody, parseParams, parseQuery } from '../validate.ts';
import { saveResourceChange } from './reschedule-flows.ts';
import { listCursor, pathId, route } from './support.ts';

// Weekly hours and date overrides of one resource. Both are replaced whole (a week,
// or one date) because a partial edit of intervals is how overlaps sneak in.

const tag = 'Hours';
const overridesCursor = listCursor('overrides', calendarDate);

const byTime = (a: { startTime: string }, b: { startTime: string }) => a.startTime.localeCompare(b.startTime);

/** A date's override rows as one document; a single 00:00–00:00 row is how a closed day is stored. */
function toOverrideView(resourceId: string, date: string, rows: DateOverride[]) {
  const intervals = rows
    .filter((r) => !(r.startTime === '00:00' && r.endTime === '00:00'))
    .sort(byTime)
    .map((r) => ({ start: r.startTime, end: r.endTime }));
  return { resourceId, date, closed: intervals.length === 0, intervals };
}

export function hoursRouter(ctx: AppContext): Router {
  const { db } = ctx;
  const router = Router();
  const resource = async (id: string) =>
    (await db.resource.findUnique({ where: { id }, select: { id: true, timeZone: true } })) ?? Promise.reject(notFound(`Resource ${id}`));

  const weekOf = async (r: { id: string; timeZone: string }) => {
    const rows = await db.weeklyHours.findMany({ where: { resourceId: r.id }, orderBy: [{ weekday: 'asc' }, { startTime: 'asc' }] });
    return { resourceId: r.id, timeZone: r.timeZone, intervals: rows.map((h) => ({ weekday: h.weekday, start: h.startTime, end: h.endTime })) };
  };

  route(
    router,
    { operationId: 'getResourceHours', method: 'get', path: '/resources/:id/hours', summary: "A resource's weekly hours, in its own time zone", tag, response: WeeklyHoursView },
    async (req) => weekOf(await resource(pathId(req, 'Resource'))),
  );

  route(
    router,
    { operationId: 'putResourceHours', method: 'put', path: '/resources/:id/hours', summary: "Replace a resource's weekly hours", tag, body: WeeklyHoursInput, response: WeeklyHoursView },
    async (req) => {
      const r = await resource(pathId(req, 'Resource'));
      const { intervals } = parseBody(WeeklyHoursInput, req);
      const rows = intervals.map((i) => ({ resourceId: r.id, weekday: i.weekday, startTime: i.start, endTime: i.end }));
      // Appointments outside the new week get new times offered (a reschedule flow).
      const change = { kind: 'weekly_hours' as const, weeklyHours: rows };
      await saveResourceChange(ctx, req, { resourceId: r.id, change }, async (tx) => {
        await tx.weeklyHours.deleteMany({ where: { resourceId: r.id } });
        await tx.weeklyHours.createMany({ data: rows });
      });
      return weekOf(r);
    },
  );

  route(
    router,
    {
      operationId: 'listDateOverrides',
      method: 'get',
      path: '/resources/:id/overrides',
      summary: "A resource's date overrides, by date",
      tag,
      query: DateOverrideListQuery,
      response: page(DateOverrideView),
    },
    async (req) => {
      const r = await resource(pathId(req, 'Resource'));
      const q = parseQuery(DateOverrideListQuery, req);
      const after = overridesCursor.decode(q.after);
      // Paged by date, not by row: one date's intervals never straddle two pages.
      const dates = await db.dateOverride.findMany({
        where: { resourceId: r.id, date: { gt: after?.key, gte: q.from, lte: q.to } },
        distinct: ['date'],
        orderBy: { date: 'asc' },
        take: q.limit + 1,
        select: { date: true },
      });
      const shown = dates.slice(0, q.limit).map((d) => d.date);
      const rows = await db.dateOverride.findMany({ where: { resourceId: r.id, date: { in: shown } } });
      const items = shown.map((date) => toOverrideView(r.id, date, rows.filter((row) => row.date === date)));
      const last = shown.at(-1);
      // Dates are unique within one resource, so the resource id only fills the tiebreaker slot.
      const nextCursor = dates.length > q.limit && last ? overridesCursor.encode(last, r.id) : null;
      return { items, nextCursor };
    },
  );

  route(
    router,
    { operationId: 'getDateOverride', method: 'get', path: '/resources/:id/overrides/:date', summary: "A resource's override for one date", tag, response: DateOverrideView },
    async (req) => {
      const r = await resource(pathId(req, 'Resource'));
      const { date } = parseParams(DateParams, req);
      const rows = await db.dateOverride.findMany({ where: { resourceId: r.id, date } });
      if (!rows.length) throw notFound(`An override on ${date}`);
      return toOverrideView(r.id, date, rows);
    },
  );

  route(
    router,
    {
      operationId: 'putDateOverride',
      method: 'put',
      path: '/resources/:id/overrides/:date',
      summary: "Replace a resource's hours on one date (an empty list closes the day)",
      tag,
      body: DateOverrideInput,
      response: DateOverrideView,
    },
    async (req) => {
      const r = await resource(pathId(req, 'Resource'));
      const { date } = parseParams(DateParams, req);
      const { intervals } = parseBody(DateOverrideInput, req);
      const stored = intervals.length ? intervals : [{ start: '00:00', end: '00:00' }];
      const change = { kind: 'date_override' as const, date, intervals: intervals.map((i) => ({ startTime: i.start, endTime: i.end })) };
      await saveResourceChange(ctx, req, { resourceId: r.id, change }, async (tx) => {
        await tx.dateOverride.deleteMany({ where: { resourceId: r.id, date } });
        await tx.dateOverride.createMany({ data: stored.map((i) => ({ resourceId: r.id, date, startTime: i.start, endTime: i.end })) });
      });
      return toOverrideView(r.id, date, await db.dateOverride.findMany({ where: { resourceId: r.id, date } }));
    },
  );

  route(
    router,
    { operationId: 'deleteDateOverride', method: 'delete', path: '/resources/:id/overrides/:date', summary: 'Remove an override; the weekly hours apply again', tag, status: 204 },
    async (req) => {
      const r = await resource(pathId(req, 'Resource'));
      const { date } = parseParams(DateParams, req);
      const { count } = await db.dateOverride.deleteMany({ where: { resourceId: r.id, date } });
      if (!count) throw notFound(`An override on ${date}`);
    },
  );

  return router;
}
