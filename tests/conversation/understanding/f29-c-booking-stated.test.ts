import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import type { ServiceCatalogEntry } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY as local } from './fixtures.ts';

// Fixer 29c (set 28's yb107): "my cut is thurs the 17th at 2:30, any consult openings after 3
// that day?" booked a haircut at 2:30. A booking stated first ("my cut is ...") is context; the
// request after it, placed on "that day", asks for another service on the booking's day.

const CATALOG: ServiceCatalogEntry[] = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['coloring'] },
  { id: 'svc-consult', name: 'Consultation', slug: 'consult', synonyms: ['consult'] },
];
const read = (text: string) => understand(text, { ...ctxOnDec1(null), services: CATALOG });

describe('a booking stated, then another service that day', () => {
  it.each([
    ['my cut is thurs the 17th at 2:30, any consult openings after 3 that day?', 'svc-consult', 'svc-cut', '2026-12-17'],
    ['my color is fri at 10, can i get a trim at 1 the same day', 'svc-cut', 'svc-color', '2026-12-04'],
    ['my cut is on the 17th at 2:30. what consult times do u have after 3 that day', 'svc-consult', 'svc-cut', '2026-12-17'],
    ['my color is at 10 on the 9th, is there a consult at 2 that same day?', 'svc-consult', 'svc-color', '2026-12-09'],
    ["i'm in for a color on the 9th at 10, any consult openings at 2 that day?", 'svc-consult', 'svc-color', '2026-12-09'],
  ])('%s', (text, asked, booked, day) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe(asked);
    expect(u.nextTo?.serviceId).toBe(booked);
    expect(local(u.nextTo?.day?.from)?.slice(0, 10)).toBe(day);
    expect(u.then).toBeUndefined();
  });
});

describe('near misses', () => {
  it('a booking asked, then another on its day, is two bookings', () => {
    const u = read('a cut thurs the 17th at 2:30 and a consult at 4 that day');
    expect(u.serviceId).toBe('svc-cut');
    expect(u.nextTo).toBeUndefined();
  });
  it('a stated booking with a request naming no service places nothing', () => expect(read('my cut is fri at 10, can i come at 1 that day instead').nextTo).toBeUndefined());
});
