import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { withoutKept } from '../../../src/conversation/understanding/which-booking.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 29d (set 28's yb021): "can this friday's cut go to 3pm same day? the one on the 11th doesnt
// change": a clause saying a booking does not change names the one NOT moved, and "this friday's cut
// go to 3pm" is a move of the cut said by "this" and its day.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('the booking moved is not the one said to stay', () => {
  it.each([
    "can this friday's cut go to 3pm? the one on the 11th doesnt change",
    "could this friday's trim be moved to 3pm, the 11th won't change",
    "move this friday's cut to 3pm. the 11th stays the same",
    "can this friday's cut go to 3pm? leave the 11th alone",
    "the one on the 11th shouldnt change, can this friday's go to 3pm",
  ])('%s', (text) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe('2026-12-04 00:00');
  });
});

describe('near misses keep their reading', () => {
  it('a clause that changes something is never dropped as kept', () => {
    expect(withoutKept('move the 11th to 4, dont change the color', { moving: true })).toContain('the 11th');
  });
  it('"i changed my mind" keeps no booking', () => {
    expect(withoutKept('i changed my mind, move friday to 3', { moving: true })).toContain('changed my mind');
  });
  it('"that thursday works, can i book it" is no move', () => {
    expect(read('that thursday works, can i book a cut').intent).toBe('book');
  });
});
