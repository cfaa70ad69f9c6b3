import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { withBookingByDay } from '../../../src/conversation/understanding/booking-by-day.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// f29-b (set 28's yb092): a booking named by its day of the month after "my" ("cancel my 12th
// and my 19th"): the ordinal is that day, so each booking named is a target.

describe('a booking named by its day after "my"', () => {
  it.each([
    ['please cancel my 12th and my 19th. the 26th i\'ll keep', ['2026-12-12 00:00', '2026-12-19 00:00']],
    ['cancel my 10th and my 17th pls', ['2026-12-10 00:00', '2026-12-17 00:00']],
    ['can you cancel our 14th and our 21st', ['2026-12-14 00:00', '2026-12-21 00:00']],
  ])('%j: each day a target', (text, days) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(u.targets?.map((t) => localNY(t.when?.from))).toEqual(days);
  });

  it.each([
    ['cancel my 26th', '2026-12-26 00:00'],
    ['need to cancel my 9th, sorry', '2026-12-09 00:00'],
  ])('%j: that day', (text, from) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(localNY(u.when?.from)).toBe(from);
  });

  it('move my 9th to the 10th: the 9th is the booking', () => {
    const u = understand('move my 9th to the 10th', ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe('2026-12-09 00:00');
    expect(localNY(u.when?.from)).toBe('2026-12-10 00:00');
  });

  it.each(["it's my 2nd time here", 'my 3rd visit this month', 'my 1st choice is fri', "my 5th kid's cut"])('%j: an ordinal that counts, left as said', (text) => {
    expect(withBookingByDay(text)).toBe(text);
  });
});
