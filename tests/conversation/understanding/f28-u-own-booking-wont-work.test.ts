import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 28u (set 27's zz038): a booking of one's own said not to work (at its time), then an ask
// for another time, is a move of that booking with no move verb; "anything after 5" asks in its place.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim', 'hair cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring', 'dye', 'highlights'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe("one's own booking won't work, another time asked", () => {
  it.each([
    ['my fri the 11th appt isnt gonna work at 2, anything after 4 that same day?', '2026-12-11 14:00', '16:00'],
    ['our booking on the 10th isnt going to work at 9, anything after 1 that day?', '2026-12-10 09:00', '13:00'],
    ['my 11am on wed wont work, any time after 3 that day?', '2026-12-02 11:00', '15:00'],
    ['cant do my 11am on the 9th, anything after 5?', '2026-12-09 11:00', '17:00'],
    ['my appt on the 9th wont work, what about after 5 that day', '2026-12-09 00:00', '17:00'],
  ])('%s', (text, booking, from) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(localNY(u.when?.from)?.slice(11)).toBe(from);
  });
});

describe('what names no booking of theirs stays as it was', () => {
  it('"my kids wont work at 11" names no booking', () => {
    const u = read('my kids wont work at 11, anything after 5 on the 9th?');
    expect(u.intent).toBe('book');
    expect(u.apptWhen).toBeUndefined();
  });
  it('"my schedule wont work" names no booking', () => {
    const u = read('my schedule wont work, anything after 5 tmrw?');
    expect(u.intent).toBe('book');
    expect(u.apptWhen).toBeUndefined();
  });
});
