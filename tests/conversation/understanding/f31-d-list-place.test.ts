import { describe, expect, it } from 'vitest';
import { parseChoice } from '../../../src/conversation/understanding/choice.ts';

// Fixer 31d (set 30's ye072): "top one" at a list of openings read as nothing. A place in the list
// as it is shown ("top", "bottom") picks the first or the last option, said with a word for the
// option or as "the one at the top"; "top" elsewhere ("a trim on top", "top notch") picks nothing.

describe('the top or bottom of the list', () => {
  it.each([
    ['top one', 0],
    ['the top one pls', 0],
    ['top option works', 0],
    ['ill take the top slot', 0],
    ['the one at the top', 0],
    ['bottom one', 3],
    ['the one at the bottom of the list', 3],
  ])('%s', (text, index) => expect(parseChoice(text, 4).index).toBe(index));
});

describe('near misses: "top" that is no place in the list', () => {
  it.each(['a trim on top', 'top notch', 'on top of that can i add a color', 'bottom line i need it short'])('%s', (text) => expect(parseChoice(text, 4).index).toBeUndefined());
});
