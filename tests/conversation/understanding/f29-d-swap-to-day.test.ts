import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 29d (set 28's yb043): "monday at 11 is rough w my job, could i swap to this friday after 5?":
// "swap/switch/change to <a day or time>" moves the booking the customer has, as "move to" does; the
// booking's own day was taken for the new one.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('a booking swapped to another day', () => {
  it.each([
    ['tuesday at 2 doesnt work anymore, can i switch to thursday at 4?', '2026-12-03 16:00'],
    ['my monday 11am is rough, could i swap to friday after 5', '2026-12-04 17:00'],
    ['wed is bad for me now, can we change to the 10th', '2026-12-10 00:00'],
    ['the 3rd is bad now, could i switch over to next monday instead', '2026-12-07 00:00'],
  ])('%s', (text, to) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.when?.from)).toBe(to);
  });
});

describe('near misses keep their reading', () => {
  it('"can i switch to a color" names a service', () => {
    expect(read('can i switch to a color').intent).not.toBe('reschedule');
  });
  it('"can i swap to lee" names a person', () => {
    expect(read('can i swap to lee').intent).not.toBe('reschedule');
  });
  it('"switch to the other stylist" moves nothing', () => {
    expect(read('switch to the other stylist').intent).not.toBe('reschedule');
  });
});
