import { describe, expect, it } from 'vitest';
import { readQuantity } from '../../../src/conversation/intake-answers/quantity.ts';

const INCHES = 'Roughly how long is your hair, in inches?';

describe('readQuantity: a number in words or with a unit', () => {
  it.each([
    ['8', 8], ['about 12', 12], ['six', 6], ['like twelve inches', 12], ['twenty-five inches', 25], ['6 inches', 6], ['like 10in', 10],
    ['12"', 12], ['about a foot', 12], ['2 ft', 24], ['1.5 ft', 18], ['a foot and a half', 18], ['half a foot', 6], ['30cm', 11.8],
    ['shoulder length, maybe 10', 10], ['its about 14 inches thanks', 14], ['10ish', 10],
  ])('%j → %d inches', (text, want) => {
    expect(readQuantity(text, INCHES)).toBe(want);
  });

  it.each(['really long lol', 'medium', '5-6', '10 or 11', 'maybe 3 hours', ''])('%j gives no number (asked again)', (text) => {
    expect(readQuantity(text, INCHES)).toBeUndefined();
  });

  it('keeps the number as said when the question names no unit', () => {
    expect(readQuantity('2 ft', 'How long is your hair?')).toBe(2);
    expect(readQuantity('four people', 'How many guests?')).toBe(4);
    expect(readQuantity('an hour and a half', 'How many minutes do you need?')).toBe(90);
  });

  it('does not read a clock time as an amount', () => {
    expect(readQuantity('at 3pm', INCHES)).toBeUndefined();
    expect(readQuantity('10:30', INCHES)).toBeUndefined();
  });

  it.each([
    ['6 inches, actually 8', 8],
    ['like 14 sorry i mean 16', 16],
    ['about 10 no wait, a foot', 12],
    ['5 oops make that 7', 7],
  ])('%j takes the amount put in place of the first', (text, inches) => {
    expect(readQuantity(text, INCHES)).toBe(inches);
  });
});

describe('an amount the customer disowns is set aside (issue 17)', () => {
  it.each([
    ['14. ignore the 4 i almost sent, 14', 14],
    ['10 not 100', 10],
    ['the 2 was a typo, 20 inches', 20],
    ['18 sorry i accidentally typed 8', 18],
    ['9 inches (i mistakenly put 19 before)', 9],
  ])('%j → %d', (text, inches) => {
    expect(readQuantity(text, INCHES)).toBe(inches);
  });

  it('two amounts both owned are still no answer', () => {
    expect(readQuantity('maybe 10, maybe 14', INCHES)).toBeUndefined();
  });
});
