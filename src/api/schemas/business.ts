import { z } from 'zod';
import { label, timestamps, timeZone, uuid } from './common.ts';

// Frontdesk serves one business per installation; locations and services belong to it.

export const BusinessInput = z.strictObject({
  name: label,
  timeZone,
  phone: z.string().trim().min(1).max(40).nullable().optional(),
  email: z.email().nullable().optional(),
  website: z.url().nullable().optional(),
  policies: z.string().max(5000).nullable().optional().meta({ description: 'Free-text policies the bot quotes (cancellation, lateness, payment)' }),
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
  lateCancelWindowMinutes: z.int(),
  ...timestamps,
});
