import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY, SERVICES } from './fixtures.ts';

// Fixer 30c (set 29's yd106): "if the consult goes well i want a cut right after, can you book it
// now for 3:30 on the 9th". Beside a bare "right after", the service named as had ("the consult",
// "my cut") is the booking it is after, and the one asked ("a cut") is booked. And "book it now"
// says when the booking is made, not its time: the time is the one said.

const services = [...SERVICES, { id: 'svc-consult', name: 'Consultation', slug: 'consult', synonyms: ['consult', 'consultation'] }];
const read = (text: string) => understand(text, { ...ctxOnDec1(), services });

describe('a service named as had beside "right after": the booking it is after', () => {
  it.each([
    ['if the consult goes well i want a cut right after, can you book it now for 3:30 on the 9th', 'svc-cut', 'svc-consult'],
    ["if the consult goes well i'd like a color right after", 'svc-color', 'svc-consult'],
    ['if my cut turns out ok, book me a color straight after at 4', 'svc-color', 'svc-cut'],
    ['assuming the consult is fine, can i get a trim right after, at 11 on the 10th', 'svc-cut', 'svc-consult'],
    ['after the consult i want a cut right after', 'svc-cut', 'svc-consult'],
  ])('%j', (text, serviceId, besideId) => {
    expect(read(text)).toMatchObject({ intent: 'book', serviceId, nextTo: { edge: 'end', serviceId: besideId } });
  });
});

describe('near misses: no service had named, the booking just made is the one after', () => {
  it.each(['a color right after, at 2 on the 9th', 'my son wants a cut right after'])('%j', (text) => {
    expect(read(text).nextTo).toMatchObject({ person: 'other' });
    expect(read(text).nextTo?.serviceId).toBeUndefined();
  });
});

describe('"book it now": the booking made now, its time the one said', () => {
  it.each([
    ['can you book it now for 3:30 on the 9th', '2026-12-09 15:30'],
    ['lock it in now for friday at 2', '2026-12-04 14:00'],
    ['reserve that one now, sat at 10', '2026-12-05 10:00'],
    ['schedule it now for the 10th at 11', '2026-12-10 11:00'],
  ])('%j', (text, from) => {
    expect(localNY(read(text).when?.from)).toBe(from);
  });

  it('"book me a cut now" still asks for now', () => {
    expect(localNY(read('book me a cut now').when?.from)).toBe('2026-12-01 09:00');
  });
  it('"book it now" with no time says none', () => {
    expect(read('book it now').when).toBeUndefined();
  });
});
