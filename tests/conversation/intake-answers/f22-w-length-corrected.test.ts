import { describe, expect, it } from 'vitest';
import { matchOption } from '../../../src/conversation/intake-answers/choice-option.ts';
import { readQuantity } from '../../../src/conversation/intake-answers/quantity.ts';
import { splitCorrection } from '../../../src/conversation/understanding/text.ts';

// f22-w (set 19's zi076): "10? no more like 12": a bare "no" before "more like", "closer to"
// and the number put instead corrects the first number.
const prompt = 'Roughly how long is your hair, in inches?';

describe('a length corrected with a bare no', () => {
  it.each([
    ['10? no more like 12', 12],
    ['about 10, no closer to 14', 14],
    ['8 no prob 9', 9],
    ['10 no 12', 12],
  ])('%j is %i', (text, inches) => {
    expect(readQuantity(text, prompt)).toBe(inches);
  });

  it.each(['no idea, 10?', 'no more than 10'])('%j corrects nothing', (text) => {
    expect(splitCorrection(text)).toBeUndefined();
  });
});

// f22-w (set 19's zi076): "online - wait no, my friend told me about u actually": the option put instead.
describe('an option corrected', () => {
  const options = ['Friend', 'Online', 'Walk-by'];
  it.each([
    ['online - wait no, my friend told me about u actually', 0],
    ['friend. no wait online', 1],
    ['walk by, actually i mean my cousin sent me', 0],
  ])('%j is option %i', (text, index) => {
    expect(matchOption(text, options)).toEqual({ index });
  });

  it('"online i think, thanks" stays online', () => {
    expect(matchOption('online i think, thanks', options)).toEqual({ index: 1 });
  });
});
