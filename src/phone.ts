import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

// Phone numbers are stored and compared in E.164 only. Twilio sends E.164 for
// long codes, but numbers typed by staff or carried over from other systems may
// be national; the default country resolves those. "Possible" rather than "valid":
// test and fictional ranges (555) must still identify a sender.

export function normalizePhone(raw: string, defaultCountry: CountryCode = 'US'): string | null {
  const cleaned = raw.trim().replace(/^tel:/i, '');
  if (!cleaned) return null;
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}
