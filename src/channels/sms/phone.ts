import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

// Where a texter probably is, judged from phone numbers (E.164, see src/phone.ts).

export function phoneCountry(e164: string | null | undefined): CountryCode | undefined {
  if (!e164) return undefined;
  return parsePhoneNumberFromString(e164)?.country;
}

// Countries spanning more than one zone: a customer there may read a time in
// another zone than the location's even when the country matches.
const MULTI_ZONE = new Set<CountryCode>(['US', 'CA', 'MX', 'BR', 'AU', 'RU', 'ID', 'KZ', 'AR', 'CL', 'CD', 'MN', 'ES', 'PT', 'FR', 'NZ', 'EC', 'GL', 'KI', 'FM', 'PF', 'UA']);

/**
 * Whether the customer's zone may differ from the location's, judged from the
 * countries of the two phone numbers (all we know about where a texter is).
 */
export function zoneMayDiffer(customerPhone: string | null | undefined, locationPhone: string | null | undefined): boolean {
  const a = phoneCountry(customerPhone);
  const b = phoneCountry(locationPhone);
  if (!a || !b || a !== b) return true;
  return MULTI_ZONE.has(a);
}
