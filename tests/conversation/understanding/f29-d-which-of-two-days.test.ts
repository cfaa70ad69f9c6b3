import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 29d (set 28's yb058): "which day was my haircut, the 15th or 16th?" asks when the booking is,
// the question word first and the two days after; it was read as a request for openings on the 15th.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('which of two days or times the booking is', () => {
  it.each([
    'what day is my appt, the 9th or the 10th?',
    'when is my cut again, friday or saturday?',
    'which date was my color, the 3rd or 4th',
    "what time's my trim again, 2 or 3?",
    'when was my appointment, tues or wed??',
  ])('%s', (text) => {
    const u = read(text);
    expect(u.intent).toBe('my_appointments');
    expect(u.when).toBeUndefined();
  });
});

describe('near misses keep their reading', () => {
  it('"which day works better for a cut, the 15th or 16th?" asks for openings', () => {
    expect(read('which day works better for a cut, the 15th or 16th?').intent).toBe('book');
  });
  it('"what time is open on the 15th, 2 or 3?" asks no booking had', () => {
    expect(read('what time is open on the 15th, 2 or 3?').intent).not.toBe('my_appointments');
  });
});
