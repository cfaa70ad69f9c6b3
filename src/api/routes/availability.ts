import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Slot } from '../../engine/api.ts';
import { RuleViolation } from '../../engine/scheduler.ts';
import { formatLocal } from '../../engine/time.ts';
import { badRequest, notFound, unprocessable } from '../../http/problem.ts';
import { instant, language, uuid } from '../schemas/common.ts';
import { parseQuery } from '../validate.ts';
import { route } from './support.ts';

// GET /availability: the engine's slot search. The rules behind each slot are
// documented at the top of src/engine/availability.ts.

const tag = 'Availability';
const MAX_WINDOW_DAYS = 62;

export const serviceRef = z.string().trim().min(1).max(200).meta({ description: 'Service id or slug' });
export const postalCode = z.string().trim().min(1).max(12);

export const AvailabilityQuery = z.strictObject({
  service: serviceRef,
  from: instant,
  to: instant,
  location: uuid.optional(),
  resource: uuid.optional(),
  language: language.optional().meta({ description: 'Only staff who speak it' }),
  postalCode: postalCode.optional().meta({ description: 'Only locations serving it' }),
  customer: uuid.optional().meta({ description: "Lets routing prefer the customer's previous provider" }),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
  durationMinutes: z.coerce.number().int().min(1).max(24 * 60).optional().meta({ description: "A length within the service's min/max (default: its duration)" }),
  minCapacity: z.coerce.number().int().min(1).max(1000).optional().meta({ description: 'Only rooms holding at least this many people' }),
});

export const SlotView = z.strictObject({
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  localStart: z.string().meta({ description: "The start in the location's zone, as the customer sees it" }),
  timeZone: z.string(),
  resourceIds: z.array(uuid),
  locationId: uuid,
  seatsLeft: z.int(),
});

const AvailabilityView = z.strictObject({ slots: z.array(SlotView) });

export function toSlotView(s: Slot): z.infer<typeof SlotView> {
  const zone = s.timeZone ?? 'UTC';
  return {
    start: s.start.toISOString(),
    end: s.end.toISOString(),
    localStart: formatLocal(s.start, zone),
    timeZone: zone,
    resourceIds: s.resourceIds,
    locationId: s.locationId,
    seatsLeft: s.seatsLeft,
  };
}

export function availabilityRouter({ scheduler }: AppContext): Router {
  const router = Router();
  route(
    router,
    { operationId: 'getAvailability', method: 'get', path: '/availability', summary: 'Bookable slots of a service in a time window', tag, query: AvailabilityQuery, response: AvailabilityView },
    async (req) => {
      const q = parseQuery(AvailabilityQuery, req);
      if (q.to.getTime() <= q.from.getTime()) throw badRequest('The query string is not valid.', [{ field: 'to', message: 'must be after from' }]);
      if (q.to.getTime() - q.from.getTime() > MAX_WINDOW_DAYS * 86_400_000) {
        throw badRequest('The query string is not valid.', [{ field: 'to', message: `the window may span at most ${MAX_WINDOW_DAYS} days` }]);
      }
      try {
        const slots = await scheduler.findSlots({
          service: q.service,
          from: q.from,
          to: q.to,
          locationId: q.location,
          resourceId: q.resource,
          language: q.language,
          postalCode: q.postalCode,
          customerId: q.customer,
          limit: q.limit,
          durationMinutes: q.durationMinutes,
          minCapacity: q.minCapacity,
        });
        return { slots: slots.map(toSlotView) };
      } catch (err) {
        if (err instanceof RuleViolation && err.rule === 'unknown_service') throw notFound(`Service "${q.service}"`);
        // A length or party size the service cannot take: the request is understood but cannot be answered.
        if (err instanceof RuleViolation) throw unprocessable(err.message, { rule: err.rule });
        throw err;
      }
    },
  );
  return router;
}
