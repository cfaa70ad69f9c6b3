import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 28u (set 27's zz048): "slide", "scoot", "nudge" said of a booking move it; said of the
// customer with "in" they squeeze a new booking in.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('a booking slid, scooted or nudged is moved', () => {
  it.each([
    ['can you scoot my appt on the 10th to after 2', '14:00'],
    ['could u nudge my friday cut to 3pm', '15:00'],
    ['slide it to 4 pls', '16:00'],
    ['can u slide my appt on the 18th to after 4? same day', '16:00'],
  ])('%s', (text, from) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.when?.from)?.slice(11)).toBe(from);
  });
  it('"nudge my cut back an hour" moves it an hour', () => {
    expect(read('nudge my cut back an hour').shift?.minutes).toBe(60);
  });
});

describe('squeezed in, a new booking', () => {
  it.each(['can u slide me in tmrw at 2', 'can you scoot us in friday'])('%s', (text) => {
    expect(read(text).intent).toBe('book');
  });
});
