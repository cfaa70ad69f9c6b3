import { z } from 'zod';
import { booleanQuery, label, pageQuery, timestamps, timeZone, uuid, withoutDefaults } from './common.ts';

const postalCode = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/, { message: 'must be a postal code' });

const fields = {
  name: label,
  timeZone,
  address: z.string().trim().min(1).max(500),
  phone: z.string().trim().min(1).max(40).nullable().optional(),
  postalCodes: z.array(postalCode).max(2000).default([]).meta({ description: 'Postal codes served; empty serves anyone' }),
  territory: z.string().trim().min(1).max(200).nullable().optional(),
  active: z.boolean().default(true),
};

export const LocationCreate = z.strictObject(fields);
export const LocationUpdate = z.strictObject(withoutDefaults(fields)).partial();

export const LocationListQuery = z.strictObject({ ...pageQuery, active: booleanQuery.optional() });

export const LocationView = z.strictObject({
  id: uuid,
  name: z.string(),
  timeZone: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
  postalCodes: z.array(z.string()),
  territory: z.string().nullable(),
  active: z.boolean(),
  ...timestamps,
});
