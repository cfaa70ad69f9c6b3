import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { pickedBesideKept } from '../../../src/conversation/providers/offline/kept-at-menu.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 31a (set 30's yf020): "the colour, keep the trim" to "which one would you like to
// cancel?" (a color and a haircut the same Friday) was read as a no. At a menu of bookings a
// keep names the ones that stay: the entry the other words name, else the only one not kept, is picked.

const MENU = ['svc-color', 'svc-cut'];
const entryNamed = (words: string) => {
  const i = MENU.indexOf(understand(words, ctxOnDec1(null)).serviceId ?? '');
  return i < 0 ? undefined : i;
};
const pick = (text: string) => pickedBesideKept(text, MENU.length, entryNamed);

describe('a keep beside the booking picked', () => {
  it.each([
    ['the colour, keep the trim', 0],
    ['the color. keeping the haircut', 0],
    ['the haircut, keep the color', 1],
    ['keep the haircut', 0],
    ['the cut but leave my color', 1],
  ])('%s', (text, index) => expect(pick(text)).toBe(index));
});

describe('near misses: no pick', () => {
  it.each([
    'keep it',
    'leave it as is',
    'no keep both',
    'the color, keep the color',
    'nevermind, keep the trim',
  ])('%s', (text) => expect(pick(text)).toBeUndefined());
});
