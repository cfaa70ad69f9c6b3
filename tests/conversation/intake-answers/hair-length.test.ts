import { describe, expect, it } from 'vitest';
import { asksHairLength, hairLengthInches } from '../../../src/conversation/intake-answers/hair-length.ts';
import { readQuantity } from '../../../src/conversation/intake-answers/quantity.ts';

const INCHES = 'About how long is your hair (inches)?';

describe('hair length in words', () => {
  it.each([
    ['its a pixie', 2], ['crew cut', 0.5], ['shaved', 0.5], ['down past my shoulders', 12], ['bob', 6], ['jaw-length', 6],
    ['to my collarbone', 14], ['mid back', 20], ['almost to my hips', 34], ['it touches my ears', 4], ['really short', 2],
  ])('%j → %d inches', (text, want) => {
    expect(readQuantity(text, INCHES)).toBe(want);
  });

  it('a number said with the words is the customer’s own measure and wins', () => {
    expect(readQuantity('a bob, about 7', INCHES)).toBe(7);
    expect(readQuantity('mid back so 22 inches', INCHES)).toBe(22);
  });

  it('converts to the unit the question asks in', () => {
    expect(readQuantity('shoulder length', 'How long is your hair in cm?')).toBe(30.5);
  });

  it.each(['long', 'medium length', 'kinda short', 'somewhere between my chin and my shoulders', 'no idea'])('%j names no one length (asked again)', (text) => {
    expect(readQuantity(text, INCHES)).toBeUndefined();
  });

  it('only for a question about hair length', () => {
    expect(asksHairLength('Hair length in inches?')).toBe(true);
    expect(asksHairLength('How many inches is the frame?')).toBe(false);
    expect(readQuantity('shoulder height', 'How tall is the frame, in inches?')).toBeUndefined();
    expect(hairLengthInches('waist')).toBe(28);
  });
});
