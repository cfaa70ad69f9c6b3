import { describe, expect, it } from 'vitest';
import { ONE_RELATIVE, RELATIVES, SEVERAL_RELATIVES } from '../../../src/conversation/understanding/relatives.ts';

// The one list of relatives every reading of "my son", "my wife's color", "my mother can go"
// shares. Each reading closes the words with "\b" (some with "('?s)?\b"), so the boundary
// decides what is a relative and what only begins like one.

const word = (source: string) => new RegExp(String.raw`^(?:${source})$`);
// As the readings use it: a word of the text, a boundary on each side.
const inText = (source: string) => new RegExp(String.raw`\bmy (?:${source})\b`);

const PAIRS: [string, string][] = [
  ['son', 'sons'],
  ['daughter', 'daughters'],
  ['kid', 'kids'],
  ['child', 'children'],
  ['boy', 'boys'],
  ['girl', 'girls'],
  ['baby', 'babies'],
  ['toddler', 'toddlers'],
  ['twin', 'twins'],
  ['husband', 'husbands'],
  ['hubby', 'hubbies'],
  ['wife', 'wives'],
  ['spouse', 'spouses'],
  ['partner', 'partners'],
  ['fiance', 'fiances'],
  ['fiancee', 'fiancees'],
  ['boyfriend', 'boyfriends'],
  ['girlfriend', 'girlfriends'],
  ['bf', 'bfs'],
  ['gf', 'gfs'],
  ['friend', 'friends'],
  ['roommate', 'roommates'],
  ['mom', 'moms'],
  ['mum', 'mums'],
  ['mother', 'mothers'],
  ['dad', 'dads'],
  ['father', 'fathers'],
  ['brother', 'brothers'],
  ['sister', 'sisters'],
  ['cousin', 'cousins'],
  ['niece', 'nieces'],
  ['nephew', 'nephews'],
  ['aunt', 'aunts'],
  ['uncle', 'uncles'],
  ['grandma', 'grandmas'],
  ['grandpa', 'grandpas'],
  ['grandson', 'grandsons'],
  ['granddaughter', 'granddaughters'],
  ['grandkid', 'grandkids'],
  ['grandchild', 'grandchildren'],
];

describe('the relatives list', () => {
  it.each(PAIRS)('%s and %s are relatives, in either number', (one, several) => {
    expect(word(RELATIVES).test(one)).toBe(true);
    expect(word(RELATIVES).test(several)).toBe(true);
    expect(inText(RELATIVES).test(`can my ${one} come at 3`)).toBe(true);
    expect(inText(RELATIVES).test(`both my ${several} need cuts`)).toBe(true);
  });

  it.each(PAIRS)('%s is one relative, %s several', (one, several) => {
    expect(word(ONE_RELATIVE).test(one)).toBe(true);
    expect(word(ONE_RELATIVE).test(several)).toBe(false);
    expect(word(SEVERAL_RELATIVES).test(several)).toBe(true);
    expect(word(SEVERAL_RELATIVES).test(one)).toBe(false);
  });

  it.each([
    ["my son's cut on friday", true],
    ['my sister-in-law needs a trim', true],
    ['MY WIFE can go at 3'.toLowerCase(), true],
  ])('%s: a relative named, with what follows the word', (text, named) => {
    expect(inText(RELATIVES).test(text)).toBe(named);
  });

  // Words that only begin like a relative, or hold one inside: no person named.
  it.each([
    'my sonic game',
    'my kidney',
    'my kidding around',
    'my childish side',
    'my momentum',
    'my mumble',
    'my dadbod',
    'my boyish cut',
    'my girlish look',
    'my twinkle',
    'my friendly reminder',
    'my partnership',
    'my brotherhood',
    'my unclear text',
    'my mommy', // a pet form the list does not hold ("hubby" it does)
    'my bff',
    'my cut',
    'my appt',
  ])('%s: no relative', (text) => {
    expect(inText(RELATIVES).test(text)).toBe(false);
  });

  it('takes the whole word where a reading puts no boundary after it', () => {
    const start = new RegExp(String.raw`^(?:${RELATIVES})`);
    expect(start.exec('boyfriend at 3')?.[0]).toBe('boyfriend');
    expect(start.exec('girlfriends too')?.[0]).toBe('girlfriends');
    expect(start.exec('grandchildren')?.[0]).toBe('grandchildren');
    expect(start.exec('fiancee')?.[0]).toBe('fiancee');
  });
});
