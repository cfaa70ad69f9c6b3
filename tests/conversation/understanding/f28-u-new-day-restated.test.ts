import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 28u (set 27's zz020): a move's new day said again by its date after a comma is one new
// time, not a second move of a booking on that date.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('the new day restated by its date', () => {
  it.each([
    ['hi i need to push my saturday appt to the following sat, the 12th, same time 11am', '2026-12-12 11:00'],
    ['move my cut to friday, the 11th at 2', '2026-12-11 14:00'],
    ['can i move my thurs appt to the following thursday, the 10th, at 3pm', '2026-12-10 15:00'],
    ['push my color on the 4th to monday, dec 7, 10am', '2026-12-07 10:00'],
  ])('%s', (text, at) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(u.then).toBeUndefined();
    expect(localNY(u.when?.from)).toBe(at);
  });
});

describe('a second booking named after the comma is a second move', () => {
  it.each([
    ['move my cut on the 17th to friday, the 18th one to monday', 'move the 18th one to monday'],
    ['move my cut on the 17th to 11, and my color on the 18th to 12', 'move my color on the 18th to 12'],
  ])('%s', (text, then) => {
    expect(read(text).then).toBe(then);
  });
});
