import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 28u (set 27's zz033): any move verb said passive of the customer's booking ("be pushed",
// "get bumped") asks a move, its bare hour the new time; a maybe of other plans asks none.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('a booking to be pushed, bumped, switched', () => {
  it.each([
    ['can my cut on monday be pushed to 5:30pm same day', '2026-12-07 00:00', '17:30'],
    ['could my appt on the 9th get pushed to 3', '2026-12-09 00:00', '15:00'],
    ['can my color on friday be bumped to 4pm', '2026-12-04 00:00', '16:00'],
    ['can the appt on the 9th be switched to 3', '2026-12-09 00:00', '15:00'],
    ['could my color on friday get bumped to 4', '2026-12-04 00:00', '16:00'],
  ])('%s', (text, booking, at) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(localNY(u.when?.from)?.slice(11)).toBe(at);
  });
});

describe("others' plans moved ask no move", () => {
  it.each(['my meeting might get pushed to 4 so can i book a cut at 6', 'my shift on monday may be pushed to 5, can i get a cut tues at 6'])('%s', (text) => {
    expect(read(text).intent).toBe('book');
  });
});
