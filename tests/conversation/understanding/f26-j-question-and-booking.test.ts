import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

const services = [
  { id: 'svc-cut', name: 'Haircut', slug: 'haircut', synonyms: ['trim', 'cut'] },
  { id: 'svc-color', name: 'Color', slug: 'color', synonyms: ['dye', 'highlights'] },
  { id: 'svc-consult', name: 'Consultation', slug: 'consult', synonyms: ['consultation', 'consult'] },
];
const staff = [
  { id: 'st-dana', name: 'Dana' },
  { id: 'st-lee', name: 'Lee' },
];
const ctx = () => ({ ...ctxOnDec1(), services, staff });

describe('a question about the own booking and a new booking in one text', () => {
  it('"what time\'s my cut on the 10th? and i\'d like a consult w lee that same day at 11" answers, then books the consult on the 10th', () => {
    const u = understand("what time's my cut on the 10th? and i'd like a consult w lee that same day at 11", ctx());
    expect(u).toMatchObject({ intent: 'book', serviceId: 'svc-consult', staffId: 'st-lee', also: { intent: 'my_appointments', serviceId: 'svc-cut' } });
    expect(localNY(u.when?.from)).toBe('2026-12-10 11:00');
  });

  it.each([
    'when is my color on the 9th? i want a trim that day at 4',
    'what day is my appt, can i get a color fri at 9 too',
    'whens my cut the 12th?? id love a consult same day at 2',
    'what time am i in on the 10th, and i would like a color that day at 1',
  ])('%j answers the booking and asks the new one', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('book');
    expect(u.also?.intent).toBe('my_appointments');
    expect(u.when?.exactTime).toBe(true);
  });

  // Near-misses: no new booking, only the wish to know; a booking with no day of its own.
  it('"when is my cut? i\'d like to know" only asks', () => {
    expect(understand("when is my cut? i'd like to know", ctx()).intent).toBe('my_appointments');
  });

  it('"whens my cut, i want to change it" is no new booking', () => {
    expect(understand('whens my cut, i want to change it', ctx()).intent).not.toBe('book');
  });
});
