import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 29c (set 28's yb091): "move my cut on the 10th to 3pm, and since i'll be there anyway add
// a color at 1 that day" read its second part as a check of the bookings ("i'll be there") and
// lost the color. "I'll be there" said as why a request suits ("since", "as", "anyway") checks nothing.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring'] },
  { id: 'svc-consult', name: 'Consultation', slug: 'consult', synonyms: ['consult'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('"i\'ll be there" as a reason beside a request', () => {
  it.each([
    ['since i\'ll be there add a color at 1 on dec 10', 'svc-color'],
    ['i\'ll be there anyway so can i get a color at 1 on dec 10', 'svc-color'],
    ['as we\'ll be there anyway, a consult at 2 on the 12th?', 'svc-consult'],
    ['because ill be there anyways, add a trim at 4 on dec 9', 'svc-cut'],
  ])('%s', (text, service) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe(service);
  });

  it('a move, then a booking said with the reason, keeps both', () => {
    const u = read("move my cut on the 10th to 3pm, and since i'll be there anyway add a color at 1 that day");
    expect(u.intent).toBe('reschedule');
    expect(u.then).toMatch(/color/);
    expect(u.also).toBeUndefined();
  });
});

describe('near misses: saying one is coming still checks the booking', () => {
  it.each([["i'll be there"], ["see you thursday, i'll be there"], ["yep we'll still be there"]])('%s', (text) => expect(read(text).intent).toBe('my_appointments'));
});
