// Shared catalog and clock helpers for the understanding tests.
import { DateTime } from 'luxon';
import type { ServiceCatalogEntry, StaffEntry, UnderstandContext } from '../../../src/conversation/understanding/index.ts';

export const SERVICES: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['trim', 'cut'] },
  { id: 'svc-color', name: 'Hair Color', slug: 'hair-color', synonyms: ['dye', 'highlights', 'colour'] },
  { id: 'svc-mens', name: "Men's Haircut", slug: 'mens-haircut', synonyms: ['barber', 'fade'] },
  { id: 'svc-massage', name: 'Deep Tissue Massage', slug: 'deep-tissue-massage', synonyms: ['massage', 'back rub'] },
  { id: 'svc-facial', name: 'Fácial Treatment', slug: 'facial', synonyms: [] },
  { id: 'svc-mani', name: 'Manicure', slug: 'manicure', synonyms: ['nails', 'gel nails'] },
];

export const STAFF: StaffEntry[] = [
  { id: 'st-dana', name: 'Dana Scully' },
  { id: 'st-will', name: 'Will Turner' },
  { id: 'st-jose', name: 'José Álvarez' },
];

/** The instant of a wall-clock time in a zone, e.g. at('2026-10-28T10:00', 'America/New_York'). */
export function at(local: string, zone: string): Date {
  const d = DateTime.fromISO(local, { zone });
  if (!d.isValid) throw new Error(`bad test time ${local} in ${zone}`);
  return d.toJSDate();
}

export const NY = 'America/New_York';

/** The catalog above, read on Wednesday 28 October 2026 at 10:00 in New York. */
export const ctx = (expecting: UnderstandContext['expecting'] = null): UnderstandContext => ({
  now: at('2026-10-28T10:00', NY),
  timeZone: NY,
  services: SERVICES,
  staff: STAFF,
  expecting,
});

/** The same catalog read on Tuesday 1 December 2026 at 9:00 in New York, the dialogs' "now". */
export const ctxOnDec1 = (expecting: UnderstandContext['expecting'] = null): UnderstandContext => ({ ...ctx(expecting), now: at('2026-12-01T09:00', NY) });

/** A read time as New York wall clock, "2026-12-03 14:30", for comparing with what was said. */
export const localNY = (d: Date | undefined) =>
  d ? new Intl.DateTimeFormat('sv-SE', { timeZone: NY, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d) : undefined;
