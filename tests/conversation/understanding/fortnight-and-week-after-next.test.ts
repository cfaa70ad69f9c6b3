import { describe, expect, it } from 'vitest';
import { parseShift } from '../../../src/conversation/understanding/moves.ts';
import { parseWhen, understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY, NY } from './fixtures.ts';

// Two weeks said the British way ("a fortnight today", "in a fortnight"), "the week after
// next" as a week of its own (not a week past a booking), and a weekday said again after a
// date on it ("in 2 weeks, tuesday at 10"), said on Tuesday Dec 1 2026.

const NOW = ctxOnDec1().now;
const start = (text: string) => localNY(parseWhen(text, NOW, NY)?.from);

describe('a fortnight', () => {
  it.each([
    ['cut a fortnight today at 3', '2026-12-15 15:00'],
    ['colour a fortnight on friday, 11am', '2026-12-18 11:00'],
    ['in a fortnight, tuesday at 2pm', '2026-12-15 14:00'],
    ['fortnight tomorrow at 10 for a trim', '2026-12-16 10:00'],
  ])('"%s" starts %s', (text, at) => {
    expect(start(text)).toBe(at);
  });
});

describe('the week after next', () => {
  it('is the week from Mon Dec 14, for a new booking', () => {
    const u = understand('any haircuts the week after next?', ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(localNY(u.when?.from)).toBe('2026-12-14 00:00');
    expect(localNY(u.when?.to)).toBe('2026-12-21 00:00');
  });

  it.each([
    ['the week after next on wednesday at 4', '2026-12-16 16:00'],
    ['thurs of the week after next, 10am', '2026-12-17 10:00'],
  ])('"%s" starts %s', (text, at) => {
    expect(start(text)).toBe(at);
  });

  it('"the week after" is still a week past the booking; "the week after next" is no such shift', () => {
    expect(parseShift('can we do the week after')?.days).toBe(7);
    expect(parseShift('can we do the week after next')).toBeUndefined();
  });
});
