import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 28w (set 27's zz096): "when is my color again? also want to add a trim the same day
// right after it": a question about a booking had and a new booking placed right next to it.
// Both are answered: the booking asked is told (`also`), the new one is placed by it.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('a booking right next to the booking asked about, with the question answered', () => {
  it.each([
    ['whens my cut? can i add a color right after', 'svc-color', 'end', 'svc-cut'],
    ["when's my color appt? want to add a cut right after it", 'svc-cut', 'end', 'svc-color'],
    ['what time is my cut on friday? and can i get a color right before it', 'svc-color', 'start', 'svc-cut'],
    ['what day is my color again? i also want a trim straight after that', 'svc-cut', 'end', 'svc-color'],
    ['when is my haircut. also need a color just before it', 'svc-color', 'start', 'svc-cut'],
  ])('%s', (text, service, edge, by) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe(service);
    expect(u.nextTo?.edge).toBe(edge);
    expect(u.nextTo?.serviceId).toBe(by);
    expect(u.also?.intent).toBe('my_appointments');
  });
});

describe('what does not place the booking right next to the one asked', () => {
  it('"come back after it" next week is no booking beside it', () => {
    const u = read('when is my color? i want to come back after it for a cut next week');
    expect(u.serviceId).toBe('svc-cut');
    expect(u.nextTo?.serviceId).not.toBe('svc-color');
  });
  it('a booking right after the color, asked alone, has no question beside it', () => {
    const u = read('can i add a trim right after my color');
    expect(u.nextTo?.serviceId).toBe('svc-color');
    expect(u.also).toBeUndefined();
  });
});
