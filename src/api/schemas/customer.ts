import { z } from 'zod';
import { booleanQuery, language, pageQuery, phone, timestamps, uuid, withoutDefaults } from './common.ts';

const fields = {
  phone: phone.meta({ description: 'Any international format; stored as E.164' }),
  name: z.string().trim().min(1).max(200).nullable().optional(),
  email: z.email().nullable().optional(),
  language: language.default('en'),
  postalCode: z.string().trim().min(1).max(12).nullable().optional(),
  optedOut: z.boolean().default(false).meta({ description: 'Replied STOP: no outbound messages' }),
};

export const CustomerCreate = z.strictObject(fields);
export const CustomerUpdate = z.strictObject(withoutDefaults(fields)).partial();

/** An unencoded "+" in a query string arrives as a space; read "?phone=+1212..." as the caller meant it. */
const phoneInQuery = z
  .string()
  .transform((s) => s.replace(/^ (?=\d)/, '+'))
  .pipe(phone);

export const CustomerListQuery = z.strictObject({
  ...pageQuery,
  phone: phoneInQuery.optional().meta({ description: 'Any international format' }),
  optedOut: booleanQuery.optional(),
});

export const CustomerView = z.strictObject({
  id: uuid,
  phone: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  language: z.string(),
  postalCode: z.string().nullable(),
  optedOut: z.boolean(),
  optedOutAt: z.iso.datetime().nullable(),
  ...timestamps,
});
