import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 30d (earlier notes): "cut at 2 the 17th" was read as 2 December 2017: "the 17th" is
// written as a calendar date for the date reader, and right after a bare number that date read
// as day-month-year. A day of the month said after a clock time is that day at that time.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('a clock time, then the day of the month', () => {
  it.each([
    ['cut at 2 the 17th', '2026-12-17 14:00'],
    ['color at 10 the 9th', '2026-12-09 10:00'],
    ['can i get a cut at 11:30 the 10th', '2026-12-10 11:30'],
    ['at 2 the 17th works', '2026-12-17 14:00'],
    ['trim @ 3 the 22nd pls', '2026-12-22 15:00'],
  ])('%s', (text, at) => {
    const u = read(text);
    expect(u.when?.exactTime).toBe(true);
    expect(localNY(u.when?.from)).toBe(at);
  });
});

describe('near misses: the date said first, or no clock before it', () => {
  it('"color the 9th at 10" is unchanged', () => expect(localNY(read('color the 9th at 10').when?.from)).toBe('2026-12-09 10:00'));
  it('"a cut on the 17th" is the whole day', () => {
    const u = read('a cut on the 17th');
    expect(u.when?.exactTime).toBe(false);
    expect(localNY(u.when?.from)).toBe('2026-12-17 00:00');
  });
  it('"my dec 17 appt" keeps its month and day', () => expect(localNY(read('cancel my dec 17 appt').when?.from)).toBe('2026-12-17 00:00'));
});
