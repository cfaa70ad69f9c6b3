import { z } from 'zod';
import { calendarDate, instant, pageQuery, uuid } from './common.ts';
import { DateOverrideInput, WeeklyHoursInput } from './hours.ts';

// A change to a resource judged before it is saved (the dry run), and the reschedule
// flows saving such a change started.

export const ResourceChangeInput = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.literal('time_off'), startsAt: instant, endsAt: instant })
    .refine((c) => c.endsAt > c.startsAt, { message: 'endsAt must be after startsAt', path: ['endsAt'] })
    .meta({ description: 'Time off about to be recorded (POST /time-off)' }),
  z.strictObject({ kind: z.literal('weekly_hours'), intervals: WeeklyHoursInput.shape.intervals }).meta({ description: 'A new week (PUT /resources/:id/hours)' }),
  z
    .strictObject({ kind: z.literal('date_override'), date: calendarDate, intervals: DateOverrideInput.shape.intervals })
    .meta({ description: 'New hours on one date; an empty list closes it (PUT /resources/:id/overrides/:date)' }),
  z.strictObject({ kind: z.literal('deactivate') }).meta({ description: 'The resource set inactive (PATCH /resources/:id with active: false)' }),
]);

export const ImpactRequest = z.strictObject({ resourceId: uuid, change: ResourceChangeInput });

const reason = z.enum(['time_off', 'outside_hours', 'inactive']).meta({ description: 'Which rule the appointment would break' });

export const ImpactView = z.strictObject({
  resourceId: uuid,
  affected: z.array(
    z.strictObject({
      appointmentId: uuid,
      reason,
      startsAt: z.iso.datetime(),
      endsAt: z.iso.datetime(),
      status: z.string(),
      serviceName: z.string(),
      customerName: z.string().nullable(),
      customerPhone: z.string().nullable(),
    }),
  ),
});

const offerStatus = z.enum(['pending', 'messaged', 'rebooked', 'declined', 'escalated', 'unreachable']);

export const RescheduleFlowView = z.strictObject({
  id: uuid,
  resourceId: uuid,
  change: z.record(z.string(), z.unknown()),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  counts: z.strictObject(Object.fromEntries(offerStatus.options.map((s) => [s, z.int()])) as Record<z.infer<typeof offerStatus>, z.ZodInt>),
  appointments: z.array(
    z.strictObject({
      appointmentId: uuid,
      startsAt: z.iso.datetime().nullable(),
      reason: z.string(),
      status: offerStatus,
      options: z.array(z.strictObject({ number: z.int(), label: z.string(), start: z.iso.datetime(), staffName: z.string().nullable() })),
      channel: z.string().nullable(),
      messagedAt: z.iso.datetime().nullable(),
      answerBy: z.iso.datetime().nullable(),
      settledAt: z.iso.datetime().nullable(),
      rebookedAppointmentId: uuid.nullable(),
      exceptionId: uuid.nullable(),
    }),
  ),
});

export const RescheduleFlowListQuery = z.strictObject({ ...pageQuery, resourceId: uuid.optional() });
