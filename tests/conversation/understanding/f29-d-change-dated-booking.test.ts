import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 29d (set 28's yb069): "change/swap/switch my <service> on <its day> to <a day or time>" moves
// that booking; read as a new booking, "the 9th to the 16th" was a window of days.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('a booking named by its day, changed to another day', () => {
  it.each([
    ['can i change my haircut for the 12th to the 19th', '2026-12-12 00:00', '2026-12-19 00:00'],
    ['switch my trim on the 3rd to 12/10', '2026-12-03 00:00', '2026-12-10 00:00'],
    ['i need to swap my color on the 9th to the 16th pls', '2026-12-09 00:00', '2026-12-16 00:00'],
    ['changing my cut on friday to monday if thats ok', '2026-12-04 00:00', '2026-12-07 00:00'],
    ['need to change my color on the 9th to the 16th same time, is that enough notice?', '2026-12-09 00:00', '2026-12-16 00:00'],
  ])('%s', (text, booked, to) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booked);
    expect(localNY(u.when?.from)).toBe(to);
  });
});

describe('near misses keep their reading', () => {
  it('"change my color on the 9th to blonde" names no new time', () => {
    expect(read('change my color on the 9th to blonde').intent).not.toBe('reschedule');
  });
  it('"change my cut on the 9th to a color" swaps the service', () => {
    expect(read('change my cut on the 9th to a color').replacedBy).toBe('svc-color');
  });
  it('"a color from the 9th to the 16th, any day" is a window for a new booking', () => {
    expect(read('any openings for a color from the 9th to the 16th?').intent).toBe('book');
  });
});
