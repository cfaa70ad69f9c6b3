import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { badRequest } from '../../http/problem.ts';
import { kpiCsv, kpiReport } from '../../reports/index.ts';
import { authorize } from '../auth.ts';
import { documentRoute, type RouteDoc } from '../openapi.ts';
import { instant, uuid } from '../schemas/common.ts';
import { parseQuery } from '../validate.ts';

// GET /reports/kpis: the business KPIs over a period, as JSON or CSV. The definitions
// live once, in src/reports/kpis.ts (and the README table).

const tag = 'Reports';
const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

const KpiQuery = z.strictObject({
  from: instant.meta({ description: 'Start of the period (inclusive)' }),
  to: instant.meta({ description: 'End of the period (exclusive); at most 366 days after from' }),
  location: uuid.optional().meta({ description: 'Only this location' }),
  service: uuid.optional().meta({ description: 'Only this service (utilization is per resource and ignores it)' }),
  channel: z.enum(['sms', 'slack', 'teams', 'api', 'web']).optional().meta({ description: 'Only appointments booked on this channel (utilization ignores it)' }),
  format: z.enum(['json', 'csv']).optional().meta({ description: 'csv: the same as Accept: text/csv' }),
});

const Rate = z.number().nullable().meta({ description: 'A share from 0 to 1; null when there was nothing to count' });
const RateStatView = z.strictObject({ dimension: z.enum(['channel', 'reminderPattern', 'serviceName']), key: z.string(), count: z.int(), of: z.int(), rate: Rate });
const UtilizationView = z.strictObject({ id: uuid, name: z.string(), bookedHours: z.number(), availableHours: z.number(), rate: Rate });

const KpiReportView = z.strictObject({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  filter: z.strictObject({ location: uuid.nullable(), service: uuid.nullable(), channel: z.string().nullable() }),
  lateCancelWindowMinutes: z.int(),
  speedToAppointment: z.array(
    z.strictObject({ serviceId: uuid, serviceName: z.string(), appointments: z.int(), medianMinutes: z.number().nullable(), p90Minutes: z.number().nullable() }),
  ),
  noShowRate: z.array(RateStatView),
  lateCancelRate: z.array(RateStatView),
  utilization: z.strictObject({ byResource: z.array(UtilizationView), byLocation: z.array(UtilizationView) }),
  exceptionRate: z.strictObject({ appointments: z.int(), withException: z.int(), rate: Rate }),
  adminTime: z.strictObject({ appointments: z.int(), humanTouches: z.int(), perAppointment: z.number().nullable() }),
});

const wantsCsv = (req: Request, format: string | undefined) => format === 'csv' || (format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');

export function reportsRouter({ db }: AppContext): Router {
  const router = Router();
  const doc: RouteDoc = {
    operationId: 'getKpis',
    method: 'get',
    path: '/reports/kpis',
    summary: 'KPIs over a period: speed to appointment, no-show and late-cancel rates, utilization, exception rate, admin time',
    tag,
    query: KpiQuery,
    response: KpiReportView,
    csv: 'also',
  };
  documentRoute(doc);
  router.get(doc.path, async (req: Request, res: Response) => {
    authorize(req, doc.method, doc.path);
    const q = parseQuery(KpiQuery, req);
    if (q.to.getTime() <= q.from.getTime()) throw badRequest('The query string is not valid.', [{ field: 'to', message: 'must be after from' }]);
    if (q.to.getTime() - q.from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
      throw badRequest('The query string is not valid.', [{ field: 'to', message: `must be at most ${MAX_PERIOD_DAYS} days after from` }]);
    }
    const report = await kpiReport({ db, filter: { from: q.from, to: q.to, location: q.location, service: q.service, channel: q.channel } });
    if (wantsCsv(req, q.format)) {
      res.status(200).type('text/csv; charset=utf-8').attachment('kpis.csv').send(kpiCsv(report));
    } else res.status(200).json(report);
  });
  return router;
}
