import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { withoutLateRemark } from '../../../src/conversation/understanding/late-remark.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 28w (set 27's zz072): "omw but running behind for my 2 oclock! while i have u, can i
// book another trim sat the 19th at 11am": the lateness told of the booking had asks nothing;
// the new booking after it is read on its own words.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('a new booking after a running-late remark is read on its own words', () => {
  it.each([
    ['running 10 late today sorry, also can i get a color next fri at 2', 'svc-color', '2026-12-11 14:00'],
    ['on my way, 5 min behind - oh and book me a cut dec 18 at 3', 'svc-cut', '2026-12-18 15:00'],
    ['running late for my 2pm! btw can i add a color on the 12th at 10', 'svc-color', '2026-12-12 10:00'],
    ['stuck in traffic, gonna be a bit late. also want to book a trim sat the 19th at 11am', 'svc-cut', '2026-12-19 11:00'],
    ['omw, few min behind for my 4 oclock!! while i have you can i schedule a color jan 8 at 1pm', 'svc-color', '2027-01-08 13:00'],
  ])('%s', (text, service, at) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe(service);
    expect(localNY(u.when?.from)).toBe(at);
  });
});

describe('the remark is kept where it names the booking or nothing follows it', () => {
  it.each([
    'running 10 late sorry!',
    'running late, be there in 20 min!! so sorry',
    'im gonna be running behind that day, can u push it back 30 min',
    'running late, can u cancel my color on the 10th',
    'omw but running like 10 min behind, still ok??',
  ])('%s', (text) => expect(withoutLateRemark(text)).toBeUndefined());
  it('a move after the remark stays a move of that booking', () => {
    expect(read('im gonna be running behind that day, can u push it back 30 min').intent).toBe('reschedule');
  });
});
