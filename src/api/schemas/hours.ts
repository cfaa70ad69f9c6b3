import { z } from 'zod';
import { calendarDate, clockTime, instant, pageQuery, uuid } from './common.ts';

// Working time of one resource, as wall-clock times in the resource's own zone.

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export const Interval = z
  .strictObject({ start: clockTime, end: clockTime })
  .refine((i) => toMinutes(i.start) < toMinutes(i.end), { message: 'start must be before end', path: ['end'] });

/** Reports intervals of one day that overlap (touching is fine: 12:00–13:00 then 13:00–17:00). */
function overlaps(intervals: Array<{ start: string; end: string }>): number[] {
  const order = intervals.map((iv, i) => ({ ...iv, i })).sort((a, b) => toMinutes(a.start) - toMinutes(b.start));
  const bad: number[] = [];
  for (let k = 1; k < order.length; k++) {
    if (toMinutes(order[k]!.start) < toMinutes(order[k - 1]!.end)) bad.push(order[k]!.i);
  }
  return bad;
}

export const WeeklyInterval = z.strictObject({
  weekday: z.int().min(1).max(7).meta({ description: 'ISO weekday: 1 = Monday … 7 = Sunday' }),
  start: clockTime,
  end: clockTime,
});

export const WeeklyHoursInput = z.strictObject({
  intervals: z
    .array(WeeklyInterval.refine((i) => toMinutes(i.start) < toMinutes(i.end), { message: 'start must be before end', path: ['end'] }))
    .max(7 * 12)
    .superRefine((all, ctx) => {
      for (let day = 1; day <= 7; day++) {
        const ofDay = all.map((iv, i) => ({ ...iv, i })).filter((iv) => iv.weekday === day);
        for (const k of overlaps(ofDay)) {
          ctx.addIssue({ code: 'custom', path: [ofDay[k]!.i, 'start'], message: `overlaps another interval on weekday ${day}` });
        }
      }
    })
    .meta({ description: 'The whole week; replaces every existing interval. Several per day express breaks; a day with none is closed.' }),
});

export const WeeklyHoursView = z.strictObject({
  resourceId: uuid,
  timeZone: z.string(),
  intervals: z.array(WeeklyInterval),
});

export const DateOverrideInput = z.strictObject({
  intervals: z
    .array(Interval)
    .max(12)
    .superRefine((all, ctx) => {
      for (const k of overlaps(all)) ctx.addIssue({ code: 'custom', path: [k, 'start'], message: 'overlaps another interval' });
    })
    .meta({ description: 'Replaces the weekly hours on this date; an empty list closes the day.' }),
});

export const DateOverrideView = z.strictObject({
  resourceId: uuid,
  date: z.string(),
  closed: z.boolean(),
  intervals: z.array(z.strictObject({ start: z.string(), end: z.string() })),
});

export const DateParams = z.strictObject({ id: uuid, date: calendarDate });

export const DateOverrideListQuery = z.strictObject({ ...pageQuery, from: calendarDate.optional(), to: calendarDate.optional() });

// ---- Time off ------------------------------------------------------------------

const timeOffFields = {
  resourceId: uuid,
  startsAt: instant,
  endsAt: instant,
  reason: z.string().trim().max(500).nullable().optional(),
};
const endsAfterStarts = (t: { startsAt?: Date; endsAt?: Date }) => !t.startsAt || !t.endsAt || t.endsAt > t.startsAt;

export const TimeOffCreate = z.strictObject(timeOffFields).refine(endsAfterStarts, { message: 'endsAt must be after startsAt', path: ['endsAt'] });
export const TimeOffUpdate = z
  .strictObject({ startsAt: instant, endsAt: instant, reason: timeOffFields.reason })
  .partial()
  .refine(endsAfterStarts, { message: 'endsAt must be after startsAt', path: ['endsAt'] });

export const TimeOffListQuery = z.strictObject({
  ...pageQuery,
  resourceId: uuid.optional(),
  from: instant.optional().meta({ description: 'Only time off ending after this instant' }),
  to: instant.optional().meta({ description: 'Only time off starting before this instant' }),
});

export const TimeOffView = z.strictObject({
  id: uuid,
  resourceId: uuid,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  reason: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
