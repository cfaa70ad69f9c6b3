import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 28t (set 26's zx105): "since im already coming in the 16th for my cut, could i book a
// consult at 5pm that day too": the booking told of by its day before what it is for places
// the new one, as "i'm coming in for my cut on the 16th" does.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring'] },
  { id: 'svc-consult', name: 'Consultation', slug: 'consult', synonyms: ['consult'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('a booking told of by its day, then what it is for, places the new one', () => {
  it.each([
    ['since im already coming in the 16th for my cut, could i book a consult at 5pm that day too', 'svc-consult', 'svc-cut'],
    ['im coming in friday for my color, can i get a cut right after', 'svc-cut', 'svc-color'],
    ["i'm in tmrw for my cut, could i add a consult at 3 that day", 'svc-consult', 'svc-cut'],
    ['im booked the 18th for my color, can i get a trim after it', 'svc-cut', 'svc-color'],
    ['as im already coming in on the 10th for my color, a trim at 2 that day?', 'svc-cut', 'svc-color'],
  ])('%s', (text, asked, booked) => {
    const u = read(text);
    expect(u.serviceId).toBe(asked);
    expect(u.nextTo?.serviceId).toBe(booked);
  });
});

describe('near misses', () => {
  it('"for a cut and a consult" asks for both', () => {
    const u = read('im coming in the 16th for a cut and a consult at 5pm');
    expect(u.nextTo).toBeUndefined();
    expect(u.serviceId).toBe('svc-cut');
  });
  it('a plain request by day is no telling', () => expect(read('can i come in the 16th for a cut at 2').nextTo).toBeUndefined());
});
