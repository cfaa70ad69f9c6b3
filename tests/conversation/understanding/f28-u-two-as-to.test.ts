import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { spellTwoAsTo } from '../../../src/conversation/understanding/text.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 28u (set 27's zz142): "2" typed for "to" between a word that wants a verb and the verb,
// or between what moves and its new day, is "to", never a choice number or a date's year.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('"2" for "to" in a move', () => {
  it.each([
    ['need 2 move my appt 2 friday', '2026-12-04 00:00'],
    ['can u change it 2 next week pls', '2026-12-07 00:00'],
    ['im trying 2 reschedule my cut 2 the 9th', '2026-12-09 00:00'],
    ['want 2 push my color 2 monday', '2026-12-07 00:00'],
    ['r u able 2 push my appt 2 the 17th same time thx', '2026-12-17 00:00'],
  ])('%s', (text, day) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(u.number).toBeUndefined();
    expect(localNY(u.when?.from)).toBe(day);
  });
});

describe('"2" that is a number or a clock time stays one', () => {
  it.each(['cut at 2 the 17th', 'is 2 the earliest you have', 'push it 2 hours later', 'book a cut 2 thurs', 'table for 2 the 12th'])('%s', (text) => {
    expect(spellTwoAsTo(text)).toBe(text);
  });
  it('"push it 2 hours later" still moves by two hours', () => {
    expect(read('push it 2 hours later').shift?.minutes).toBe(120);
  });
});
