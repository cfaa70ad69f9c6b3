import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 30c (earlier notes): "push my fri cut to 4 and take my son for a cut at 4:30": the
// second request says a clock time and no day; it is on the first's day (the moved booking's),
// so its words, read once the first is done, keep that day.

describe('a second request with a time alone: on the first request\'s day', () => {
  it.each([
    ['push my fri cut to 4 and take my son for a cut at 4:30', 'take my son for a cut at 4:30 that day'],
    ['move my haircut on the 10th to 2 and book my daughter a cut at 3', 'book my daughter a cut at 3 on december 10'],
    ['can i move my thursday color to 11 and add a manicure at 1', 'add a manicure at 1 that day'],
    ['book a cut sat dec 5 at 10 and a manicure at noon', 'book a manicure at noon on december 5'],
    ['i want a color on the 9th at 1 and then a trim at 4', 'book a trim at 4 on december 9'],
  ])('%j', (text, then) => {
    expect(understand(text, ctxOnDec1()).then).toBe(then);
  });
});

describe('near misses: the second says its own day, or no time', () => {
  it.each([
    ['push my fri cut to 4 and take my son for a cut sat at 4:30', 'take my son for a cut sat at 4:30'],
    ['book a cut sat dec 5 at 10 and a manicure on the 9th at noon', 'book a manicure on the 9th at noon'],
    ['move my cut on the 10th to 2 and book a color that day at 4', 'book a color on december 10 at 4'],
  ])('%j', (text, then) => {
    expect(understand(text, ctxOnDec1()).then).toBe(then);
  });
});

describe("near misses: a time said after a request with none of its own is that request's", () => {
  it.each([
    'looking to book a massage for thu dec 3, 2pm? my back is killing me',
    'can i get a manicure on the 8th too, after my cut? like 11',
    'a trim on friday, around 3 if u can',
  ])('%j', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.then).toBeUndefined();
    expect(u.intent).toBe('book');
  });
});
