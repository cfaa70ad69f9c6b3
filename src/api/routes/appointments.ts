import { type Request, Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { AppointmentView as EngineView, RuleName, Slot } from '../../engine/api.ts';
import { appointmentRecord } from '../../views/records.ts';
import { notifyCustomer, type AppointmentNoticeKind } from '../../notices/notify-customer.ts';
import { appointmentCalendarUrl } from '../../feeds/index.ts';
import { actorOf, ownResourceId } from '../auth.ts';
import { conflict, forbidden, HttpProblem, notFound, unprocessable } from '../../http/problem.ts';
import { instant, language, page, pageQuery, phone, uuid } from '../schemas/common.ts';
import { parseBody, parseQuery } from '../validate.ts';
import { postalCode, serviceRef, toSlotView } from './availability.ts';
import { listCursor, pathId, route } from './support.ts';

// Every /appointments endpoint. All writes go through ctx.scheduler, which enforces
// the rules; this module only translates HTTP to engine calls and results to
// problem documents (409 with alternatives, 422 naming the rule).

const tag = 'Appointments';
const status = z.enum(['requested', 'confirmed', 'completed', 'canceled', 'no_show']);

const AppointmentCreate = z.strictObject({
  service: serviceRef,
  start: instant,
  resource: uuid.optional(),
  location: uuid.optional(),
  customer: z.strictObject({
    phone: phone.meta({ description: 'E.164 (any international format is normalized)' }),
    name: z.string().trim().min(1).max(200).optional(),
  }),
  intake: z.record(z.string(), z.unknown()).optional(),
  notes: z.string().max(5000).optional(),
  language: language.optional().meta({ description: 'Staff must speak it' }),
  postalCode: postalCode.optional().meta({ description: 'The location must serve it' }),
  idempotencyKey: z.string().trim().min(1).max(200).optional().meta({ description: 'The same key twice returns the same appointment' }),
  durationMinutes: z.int().min(1).max(24 * 60).optional().meta({ description: "A length within the service's min/max (default: its duration)" }),
  minCapacity: z.int().min(1).max(1000).optional().meta({ description: 'Only rooms holding at least this many people' }),
});

const RescheduleBody = z.strictObject({ start: instant, resource: uuid.optional() });
const CancelBody = z.strictObject({ reason: z.string().trim().min(1).max(1000).optional() });
const StatusBody = z.strictObject({ status });

export const AppointmentListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: pageQuery.after,
  status: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(status))
    .optional()
    .meta({ description: 'One status, or several separated by commas' }),
  resource: uuid.optional(),
  customer: uuid.optional(),
  phone: phone.optional().meta({ description: 'Customer phone in any international format' }),
  from: instant.optional().meta({ description: 'Appointments ending after this instant' }),
  to: instant.optional().meta({ description: 'Appointments starting before this instant' }),
});

const AppointmentView = z.strictObject({
  id: uuid,
  status,
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  localStart: z.string().meta({ description: "The start in the location's zone" }),
  timeZone: z.string(),
  serviceId: uuid,
  serviceName: z.string(),
  locationId: uuid,
  resourceIds: z.array(uuid),
  resourceNames: z.array(z.string()),
  customerId: uuid.nullable(),
  customerPhone: z.string().nullable(),
  customerName: z.string().nullable(),
  channel: z.string(),
  intake: z.record(z.string(), z.unknown()),
  notes: z.string().nullable(),
  rescheduledFromId: uuid.nullable(),
  ruleVersion: z.int(),
  canceledAt: z.iso.datetime().nullable(),
  cancelReason: z.string().nullable(),
  canceledBy: z.string().nullable(),
  lateCancel: z.boolean().nullable(),
  createdAt: z.iso.datetime().nullable(),
});

const EventView = z.strictObject({
  action: z.string(),
  actorType: z.enum(['customer', 'user', 'system', 'model']),
  actorId: z.string().nullable(),
  channel: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  at: z.iso.datetime(),
});

const ReminderView = z.strictObject({
  offsetMinutes: z.int(),
  channel: z.string(),
  status: z.enum(['pending', 'sent', 'skipped', 'suppressed']).meta({
    description: 'pending: due, a worker is sending it | sent: handed to the channel | skipped / suppressed: not sent, see reason',
  }),
  reason: z.string().nullable(),
  dueAt: z.iso.datetime().meta({ description: 'The start minus the offset' }),
  sendAt: z.iso.datetime().meta({ description: 'When it was sent or due to be sent (earlier than dueAt when quiet hours moved it)' }),
  updatedAt: z.iso.datetime(),
});

const AppointmentWithEvents = AppointmentView.extend({
  events: z.array(EventView),
  reminders: z.array(ReminderView).meta({ description: 'Every reminder that fell due, with what became of it' }),
});
const AppointmentPage = page(AppointmentView);
// The engine pages by the last appointment's id; the key slot carries the same id.
const appointmentsCursor = listCursor('appointments', uuid);

export const toAppointmentView = (a: EngineView): z.infer<typeof AppointmentView> => appointmentRecord(a);

type Failure = { ok: false; kind: 'conflict'; message: string; alternatives: Slot[] } | { ok: false; kind: 'rule'; rule: RuleName; message: string };

function failure(f: Failure, what: string): never {
  if (f.kind === 'conflict') throw conflict(f.message, { alternatives: f.alternatives.map(toSlotView) });
  if (f.rule === 'not_found') throw notFound(what);
  // The body names a service that does not exist, as GET /availability answers it.
  if (f.rule === 'unknown_service') throw new HttpProblem(404, 'Not Found', `${f.message} (field: service)`, { rule: f.rule });
  throw unprocessable(f.message, { rule: f.rule });
}

/** The resource a request may name: a caller confined to their own schedule names only theirs. */
function narrowToOwn(req: Request, asked: string | undefined): { resourceId?: string } {
  const own = ownResourceId(req);
  if (!own) return { resourceId: asked };
  if (asked && asked !== own) throw forbidden('You may see and move appointments only on your own schedule.');
  return { resourceId: own };
}

/**
 * The appointment `:id` names, if the caller may see it: a caller confined to their
 * own schedule gets 404 for anyone else's, as if it did not exist.
 */
async function visibleAppointment(scheduler: AppContext['scheduler'], req: Request) {
  const id = pathId(req, 'Appointment');
  const appointment = await scheduler.getAppointment(id);
  const own = ownResourceId(req);
  if (!appointment || (own && !appointment.resourceIds.includes(own))) throw notFound(`Appointment ${id}`);
  return appointment;
}

export function appointmentsRouter({ db, scheduler, notifiers, log, config }: AppContext): Router {
  const router = Router();
  // The customer hears of a change made here exactly as of one made in a chat.
  const calendarUrl = (appointmentId: string) => appointmentCalendarUrl(db, { publicUrl: config.PUBLIC_URL, appointmentId });
  const notify = (kind: AppointmentNoticeKind, id: string) => notifyCustomer({ db, notifiers, log, calendarUrl }, kind, id);

  route(
    router,
    { operationId: 'listAppointments', method: 'get', path: '/appointments', summary: 'List appointments (filter by status, resource, customer, phone, time)', tag, query: AppointmentListQuery, response: AppointmentPage },
    async (req) => {
      const q = parseQuery(AppointmentListQuery, req);
      const found = await scheduler.listAppointments({
        status: q.status,
        ...narrowToOwn(req, q.resource),
        customerId: q.customer,
        customerPhone: q.phone,
        from: q.from,
        to: q.to,
        after: appointmentsCursor.decode(q.after)?.id,
        limit: q.limit,
      });
      const next = found.nextCursor;
      return { items: found.items.map(toAppointmentView), nextCursor: next ? appointmentsCursor.encode(next, next) : null };
    },
  );

  route(
    router,
    { operationId: 'bookAppointment', method: 'post', path: '/appointments', summary: 'Book an appointment', tag, body: AppointmentCreate, response: AppointmentView, status: 201, problems: [404, 409, 422], example: { service: 'haircut', start: '2026-12-01T15:00:00Z', customer: { phone: '+12125550123', name: 'Ana Lima' }, idempotencyKey: 'web-7f3a' } },
    async (req) => {
      const body = parseBody(AppointmentCreate, req);
      // Read only, for routing by past providers: the customer is created (or named) by
      // the booking's own statement, so a refused booking leaves no customer behind.
      const known = await db.customer.findUnique({ where: { phone: body.customer.phone }, select: { id: true } });
      const result = await scheduler.book({
        service: body.service,
        start: body.start,
        resourceId: body.resource,
        locationId: body.location,
        customerId: known?.id,
        customer: { phone: body.customer.phone, name: body.customer.name },
        channel: 'api',
        intake: body.intake,
        notes: body.notes,
        language: body.language,
        postalCode: body.postalCode,
        idempotencyKey: body.idempotencyKey,
        durationMinutes: body.durationMinutes,
        minCapacity: body.minCapacity,
        requesterUserId: req.principal?.userId ?? undefined,
        actor: actorOf(req),
      });
      if (!result.ok) failure(result, 'Appointment');
      await notify('confirmation', result.appointment.id);
      return toAppointmentView(result.appointment);
    },
  );

  route(router, { operationId: 'getAppointment', method: 'get', path: '/appointments/:id', summary: 'Get an appointment with its event history and reminders', tag, response: AppointmentWithEvents }, async (req) => {
    const appointment = await visibleAppointment(scheduler, req);
    const events = await scheduler.getEvents(appointment.id);
    const reminders = await db.reminderDelivery.findMany({ where: { appointmentId: appointment.id }, orderBy: [{ dueAt: 'asc' }, { channel: 'asc' }] });
    return {
      ...toAppointmentView(appointment),
      events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
      reminders: reminders.map((r) => ({
        offsetMinutes: r.offsetMinutes,
        channel: r.channel,
        status: r.status,
        reason: r.reason,
        dueAt: r.dueAt.toISOString(),
        sendAt: r.sendAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      })),
    };
  });

  route(
    router,
    { operationId: 'rescheduleAppointment', method: 'post', path: '/appointments/:id/reschedule', summary: 'Move an appointment (the new time is secured before the old is released)', tag, body: RescheduleBody, response: AppointmentView, problems: [409, 422] , example: { start: '2026-12-02T16:30:00Z' } },
    async (req) => {
      const { id } = await visibleAppointment(scheduler, req);
      const body = parseBody(RescheduleBody, req);
      narrowToOwn(req, body.resource);
      const result = await scheduler.reschedule(id, body.start, actorOf(req), { resourceId: body.resource });
      if (!result.ok) failure(result, `Appointment ${id}`);
      await notify('confirmation', result.appointment.id);
      return toAppointmentView(result.appointment);
    },
  );

  route(
    router,
    { operationId: 'cancelAppointment', method: 'post', path: '/appointments/:id/cancel', summary: 'Cancel an appointment (records who, why and whether it was late)', tag, body: CancelBody, response: AppointmentView, problems: [422] , example: { reason: 'Customer is travelling' } },
    async (req) => {
      const { id } = await visibleAppointment(scheduler, req);
      const body = parseBody(CancelBody, req);
      const result = await scheduler.cancel(id, actorOf(req), body.reason);
      if (!result.ok) failure(result, `Appointment ${id}`);
      await notify('cancellation', id);
      return toAppointmentView(result.appointment);
    },
  );

  route(
    router,
    { operationId: 'setAppointmentStatus', method: 'post', path: '/appointments/:id/status', summary: 'Change status: requested→confirmed→completed/no_show, requested/confirmed→canceled', tag, body: StatusBody, response: AppointmentView, problems: [422] },
    async (req) => {
      const { id } = await visibleAppointment(scheduler, req);
      const body = parseBody(StatusBody, req);
      const result = await scheduler.setStatus(id, body.status, actorOf(req));
      if (!result.ok) failure(result, `Appointment ${id}`);
      if (body.status === 'confirmed' || body.status === 'canceled') await notify(body.status === 'confirmed' ? 'confirmation' : 'cancellation', id);
      return toAppointmentView(result.appointment);
    },
  );

  return router;
}
