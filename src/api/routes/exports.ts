import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../../context.ts';
import type { AppointmentView } from '../../engine/api.ts';
import { authorize } from '../auth.ts';
import { documentRoute, type RouteDoc } from '../openapi.ts';
import { CustomerListQuery } from '../schemas/customer.ts';
import { ExceptionExportQuery } from '../schemas/exception.ts';
import { parseQuery } from '../validate.ts';
import { AppointmentListQuery } from './appointments.ts';
import { badRequest } from '../../http/problem.ts';

// CSV exports over the same filters as the list endpoints. Rows are read in keyset
// pages and written as they come, with backpressure, so an export of any size holds
// one page in memory, never the table.

const tag = 'Exports';
const PAGE = 200;

const AppointmentExportQuery = AppointmentListQuery.omit({ limit: true, after: true });
const CustomerExportQuery = CustomerListQuery.omit({ limit: true, after: true });

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Streams `pages` as CSV with a header row; a client that stops reading pauses the reads. */
async function streamCsv<T>(res: Response, { filename, columns, pages }: { filename: string; columns: string[]; pages: AsyncIterable<T[]> }) {
  res.status(200).type('text/csv; charset=utf-8').attachment(filename);
  const csv = stringify({ header: true, columns, cast: { date: (d) => d.toISOString(), boolean: (b) => String(b) } });
  csv.pipe(res);
  for await (const rows of pages) {
    for (const row of rows) if (!csv.write(row)) await once(csv, 'drain');
  }
  csv.end();
  await once(res, 'finish');
}

function exportRoute(router: Router, doc: Omit<RouteDoc, 'method' | 'tag'>, handler: (req: Request, res: Response) => Promise<void>) {
  const full: RouteDoc = { ...doc, method: 'get', tag, csv: 'only' };
  documentRoute(full);
  router.get(full.path, async (req: Request, res: Response) => {
    authorize(req, full.method, full.path);
    await handler(req, res);
  });
}

const APPOINTMENT_COLUMNS = ['id', 'status', 'start', 'end', 'serviceId', 'serviceName', 'locationId', 'resourceIds', 'resourceNames', 'customerId', 'customerName', 'customerPhone', 'channel', 'ruleVersion', 'rescheduledFromId', 'canceledAt', 'cancelReason', 'lateCancel', 'createdAt'];

const appointmentRow = (a: AppointmentView) => ({
  id: a.id,
  status: a.status,
  start: iso(a.start),
  end: iso(a.end),
  serviceId: a.serviceId,
  serviceName: a.serviceName,
  locationId: a.locationId,
  resourceIds: a.resourceIds.join(' '),
  resourceNames: a.resourceNames.join('; '),
  customerId: a.customerId,
  customerName: a.customerName ?? null,
  customerPhone: a.customerPhone ?? null,
  channel: a.channel,
  ruleVersion: a.ruleVersion,
  rescheduledFromId: a.rescheduledFromId,
  canceledAt: iso(a.canceledAt),
  cancelReason: a.cancelReason ?? null,
  lateCancel: a.lateCancel ?? null,
  createdAt: iso(a.createdAt),
});

const CUSTOMER_COLUMNS = ['id', 'phone', 'name', 'email', 'language', 'postalCode', 'optedOut', 'optedOutAt', 'createdAt', 'updatedAt'];

const EXCEPTION_COLUMNS = ['id', 'type', 'status', 'summary', 'appointmentId', 'locationId', 'conversationId', 'customerId', 'assigneeUserId', 'assignedAt', 'resolution', 'closedBy', 'resolvedAt', 'createdAt', 'updatedAt', 'details'];

export function exportsRouter({ db, scheduler }: AppContext): Router {
  const router = Router();

  exportRoute(
    router,
    { operationId: 'exportAppointments', path: '/exports/appointments.csv', summary: 'Appointments as CSV, over the filters of GET /appointments', query: AppointmentExportQuery },
    async (req, res) => {
      const q = parseQuery(AppointmentExportQuery, req);
      const filter = { status: q.status, resourceId: q.resource, customerId: q.customer, customerPhone: q.phone, from: q.from, to: q.to };
      async function* pages() {
        let after: string | undefined;
        do {
          const found = await scheduler.listAppointments({ ...filter, after, limit: PAGE });
          yield found.items.map(appointmentRow);
          after = found.nextCursor ?? undefined;
        } while (after);
      }
      await streamCsv(res, { filename: 'appointments.csv', columns: APPOINTMENT_COLUMNS, pages: pages() });
    },
  );

  exportRoute(
    router,
    { operationId: 'exportCustomers', path: '/exports/customers.csv', summary: 'Customers as CSV, over the filters of GET /customers', query: CustomerExportQuery },
    async (req, res) => {
      const q = parseQuery(CustomerExportQuery, req);
      async function* pages() {
        let cursor: { createdAt: Date; id: string } | undefined;
        for (;;) {
          const after = cursor ? { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] } : {};
          const rows = await db.customer.findMany({ where: { AND: [after, { phone: q.phone, optedOut: q.optedOut }] }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: PAGE });
          if (rows.length === 0) return;
          yield rows.map((c) => ({ ...c, optedOutAt: iso(c.optedOutAt), createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt) }));
          const last = rows.at(-1)!;
          cursor = { createdAt: last.createdAt, id: last.id };
        }
      }
      await streamCsv(res, { filename: 'customers.csv', columns: CUSTOMER_COLUMNS, pages: pages() });
    },
  );

  exportRoute(
    router,
    {
      operationId: 'exportExceptions',
      path: '/exports/exceptions.csv',
      summary: "Exceptions as CSV, oldest first, by status, type, when raised (from/to) and the appointment's location",
      query: ExceptionExportQuery,
    },
    async (req, res) => {
      const q = parseQuery(ExceptionExportQuery, req);
      if (q.from && q.to && q.to <= q.from) throw badRequest('The query string is not valid.', [{ field: 'to', message: 'must be after from' }]);
      const filter = {
        status: q.status ? { in: q.status } : undefined,
        type: q.type ? { in: q.type } : undefined,
        createdAt: { gte: q.from, lt: q.to },
        // An exception belongs to a location through its appointment; one about no appointment belongs to none.
        appointment: q.location ? { locationId: q.location } : undefined,
      };
      async function* pages() {
        let cursor: { createdAt: Date; id: string } | undefined;
        for (;;) {
          const after = cursor ? { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] } : {};
          const rows = await db.exception.findMany({
            where: { AND: [after, filter] },
            include: { appointment: { select: { locationId: true } } },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            take: PAGE,
          });
          if (rows.length === 0) return;
          yield rows.map(({ appointment, details, ...e }) => ({
            ...e,
            locationId: appointment?.locationId ?? null,
            assignedAt: iso(e.assignedAt),
            resolvedAt: iso(e.resolvedAt),
            createdAt: iso(e.createdAt),
            updatedAt: iso(e.updatedAt),
            details: JSON.stringify(details),
          }));
          const last = rows.at(-1)!;
          cursor = { createdAt: last.createdAt, id: last.id };
        }
      }
      await streamCsv(res, { filename: 'exceptions.csv', columns: EXCEPTION_COLUMNS, pages: pages() });
    },
  );

  return router;
}
