import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 28u (set 27's zz015): a booking named by its clock time and date ("my 2pm on the 8th")
// keeps its date; the words after it ask its new time.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('"my 2pm on the 8th" names the booking with its date', () => {
  it.each([
    ['my 2pm on the 8th, could it be 4pm that same day instead? leave the 15th alone', '2026-12-08 14:00', '16:00'],
    ['my 2pm on the 8th, could it be 4pm instead?', '2026-12-08 14:00', '16:00'],
    ['my 11am on dec 9 can it be 3pm instead', '2026-12-09 11:00', '15:00'],
    ['my 10am on the 16th, can we make it 1 that day instead', '2026-12-16 10:00', '13:00'],
    ['my 9am on the 12th, could it be noon instead', '2026-12-12 09:00', '12:00'],
  ])('%s', (text, booking, at) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(localNY(u.when?.from)?.slice(11)).toBe(at);
  });
});

describe('with no change asked it is no move', () => {
  it.each(['my 3pm on the 18th is for a trim', 'can i get a cut at 2pm on the 8th'])('%s', (text) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.apptWhen).toBeUndefined();
  });
});
