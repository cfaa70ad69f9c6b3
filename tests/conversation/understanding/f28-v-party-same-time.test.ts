import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 28v: others booked together with their time said ("can my 2 boys both get cuts fri at 3pm?
// same time if possible"): the same time is theirs with each other, never a booking's time kept.

const read = (text: string) => understand(text, ctxOnDec1());

describe('"same time" of several others booked at a time said: no shift from a booking', () => {
  it.each([
    ['both my girls need cuts sat at 11, same time pls', 2, '2026-12-05 11:00'],
    ['my twins need trims fri at 2 at the same time', 2, '2026-12-04 14:00'],
    ['can my 3 kids all get cuts tmrw at 4, same time if you can', 3, '2026-12-02 16:00'],
    ['book both my boys haircuts thursday 3pm together same time', 2, '2026-12-03 15:00'],
    ['can my 2 boys both get cuts on fri the 11th at 3pm? same time if possible', 2, '2026-12-11 15:00'],
  ])('%s', (text, size, at) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.party).toEqual({ size, together: true });
    expect(u.shift).toBeUndefined();
    expect(localNY(u.when?.from)).toBe(at);
  });
});

describe('near-misses: a shift that stays', () => {
  it('one after the other, "same time as last time" still places by a booking', () => {
    const u = read('both my kids need cuts back to back sat at 11, same time as last time');
    expect(u.party?.together).toBe(false);
    expect(u.shift?.sameTime).toBe(true);
  });

  it('one person, "same time next week" shifts by the week', () => {
    const u = read('can i get a cut same time next week');
    expect(u.shift?.days).toBe(7);
  });
});
