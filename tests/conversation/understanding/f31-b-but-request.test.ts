import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 31b (set 30's yf089): "cancel my cut fri at 9 but book my daughter one sat at 10 instead"
// was read as a move of the cut to Friday. "but" before a request verb opens a second request, as
// "and" does; and a booking for someone else is never one's own booking moved, "instead" or not.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('a cancel, then a booking for someone else', () => {
  it.each([
    ['cancel my cut fri at 9 but book my daughter one sat at 10 instead', '2026-12-04 09:00', 'book my daughter one sat at 10 instead'],
    ['cancel my cut fri at 9 and book my daughter one sat at 10 instead', '2026-12-04 09:00', 'book my daughter one sat at 10 instead'],
    ['cancel my haircut friday at 9 but can you book my son a cut sat at 11', '2026-12-04 09:00', 'can you book my son a cut sat at 11'],
    ['pls cancel my color on the 8th at 10 but book my husband a cut on the 9th at 2 instead', '2026-12-08 10:00', 'book my husband a cut on the 9th at 2 instead'],
    ['cancel my cut thursday at 3 but please book my mom one friday at 3 instead', '2026-12-03 15:00', 'please book my mom one friday at 3 instead'],
  ])('%s', (text, canceled, then) => {
    const u = read(text);
    expect(u.intent).toBe('cancel');
    expect(localNY(u.when?.from)).toBe(canceled);
    expect(u.then).toBe(then);
  });
});

describe('near misses', () => {
  it('"but keep monday" asks nothing more', () => expect(read('cancel friday but keep monday').then).toBeUndefined());
  it('"book me one sat instead" moves my own', () => expect(read('cancel my cut fri at 9 but book me one sat at 10 instead').then).toBeUndefined());
  it('"cancel my 3pm and book 4pm instead" is a move', () => expect(read('cancel my 3pm and book 4pm instead').intent).toBe('reschedule'));
  it('"but not too early" stays with the booking', () => expect(read('book a cut sat but not too early').then).toBeUndefined());
});
