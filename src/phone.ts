import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

// Phone numbers are stored and compared in E.164 only. Twilio sends E.164 for
// long codes, but numbers typed by staff or carried over from other systems may
// be national; the default country resolves those. "Possible" rather than "valid":
// test and fictional ranges (555) must still identify a sender.

// Parsing costs about 0.15 ms and a conversation turn normalizes its sender twice (its
// conversation's key, its customer's phone), while a busy line repeats the same few
// numbers. The answer depends only on the text and the country, so it is remembered,
// and forgotten all at once when the map is full.
const NORMALIZED_MAX = 10_000;
const normalized = new Map<string, string | null>();

export function normalizePhone(raw: string, defaultCountry: CountryCode = 'US'): string | null {
  const key = `${defaultCountry} ${raw}`;
  const known = normalized.get(key);
  if (known !== undefined) return known;
  const cleaned = raw.trim().replace(/^tel:/i, '');
  const parsed = cleaned ? parsePhoneNumberFromString(cleaned, defaultCountry) : undefined;
  const phone = parsed?.isPossible() ? parsed.number : null;
  if (normalized.size >= NORMALIZED_MAX) normalized.clear();
  normalized.set(key, phone);
  return phone;
}
