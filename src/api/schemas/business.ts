import { z } from 'zod';
import { clockTime, label, minutes, timestamps, timeZone, uuid } from './common.ts';

// Frontdesk serves one business per installation; locations and services belong to it.

export const BusinessInput = z.strictObject({
  name: label,
  timeZone,
  phone: z.string().trim().min(1).max(40).nullable().optional(),
  email: z.email().nullable().optional(),
  website: z.url().nullable().optional(),
  policies: z.string().max(5000).nullable().optional().meta({ description: 'Free-text policies the bot quotes (cancellation, lateness, payment)' }),
  quietHoursStart: clockTime.default('21:00').meta({ description: "No SMS reminder arrives from this time (the customer's zone) …" }),
  quietHoursEnd: clockTime.default('08:00').meta({ description: '… until this time: one due inside is sent just before quiet hours begin. Equal times: no quiet hours' }),
  noShowGraceMinutes: minutes(1440).default(15).meta({ description: "Minutes after an appointment's end before its staff member is asked whether it took place" }),
  noShowAnswerMinutes: minutes(5 * 1440).default(120).meta({ description: 'Minutes staff have to answer before noShowUnanswered applies' }),
  noShowUnanswered: z.enum(['no_show', 'completed']).default('completed').meta({ description: 'What an appointment still confirmed, and unanswered, becomes' }),
  lateCancelWindowMinutes: z
    .int()
    .min(0)
    .max(60 * 24 * 30)
    .optional()
    .meta({ description: 'Reports: a cancel less than this many minutes before the start counts as late (default 1440 = 24 h)' }),
});

export const BusinessView = z.strictObject({
  id: uuid,
  name: z.string(),
  timeZone: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  policies: z.string().nullable(),
  quietHoursStart: z.string(),
  quietHoursEnd: z.string(),
  noShowGraceMinutes: z.int(),
  noShowAnswerMinutes: z.int(),
  noShowUnanswered: z.enum(['no_show', 'completed']),
  lateCancelWindowMinutes: z.int(),
  ...timestamps,
});
