import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { anotherOfSame } from '../../../src/conversation/understanding/another-of-same.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 30c (set 29's yc138, yd093): "a cut at 2 on sat dec 5 and another one right after for my
// son at 2:30" is two bookings; the second, "another (one)", "one more", "a second one", names no
// service of its own and is one more of the first's. It is asked once the first is booked.

describe('"another one" after a booking: one more of its service', () => {
  it.each([
    ['can i book a cut at 2 on sat dec 5 and another one right after for my son at 2:30', 'svc-cut', /another haircut .*on december 5/],
    ['book me a trim fri the 11th at 9 and another on fri the 18th at 9', 'svc-cut', /another haircut on fri the 18th at 9/],
    ['i need a color on the 8th at 10 and one more on the 22nd at 10', 'svc-color', /another hair color on the 22nd at 10/],
    ['get me a manicure thursday at 1, then a second one next thursday at 1', 'svc-mani', /another manicure next thursday at 1/],
    ['book a massage monday at 3 and another one for my wife at 4', 'svc-massage', /another deep tissue massage for my wife at 4 on december 7/],
  ])('%j', (text, serviceId, then) => {
    const u = understand(text, ctxOnDec1());
    expect(u).toMatchObject({ intent: 'book', serviceId });
    expect(u.then).toMatch(then);
    expect(understand(u.then!, ctxOnDec1())).toMatchObject({ intent: 'book', serviceId });
  });
});

describe('near misses: no second booking of the same service', () => {
  it.each([
    ['book me a cut friday at 9 and a color saturday at 10', /^book a color saturday at 10$/],
    ['a cut friday at 9, and another day works too if not', undefined],
    ['haircuts for myself and my two sons on dec 16, one after another starting at 3', undefined],
  ])('%j', (text, then) => {
    const u = understand(text, ctxOnDec1());
    if (then) expect(u.then).toMatch(then);
    else expect(u.then).toBeUndefined();
  });

  it.each(['another day', 'another time', 'another stylist', 'another week'])('"%s" asks no booking of the service', (words) => {
    expect(anotherOfSame(`can we do ${words}`, 'Haircut')).toBe(`can we do ${words}`);
  });

  it('a service named keeps its own', () => {
    expect(anotherOfSame('and a color the 12th', 'Haircut')).toBe('and a color the 12th');
  });
});

describe('"both with lee" at the end: the person of both bookings', () => {
  it.each([
    ['i need a trim wed the 9th at 2 and one more on wed the 16th at 2, both with lee', 'st-will'],
    ['book me a trim fri the 11th at 9 and another on fri the 18th at 9, both with dana', 'st-dana'],
  ])('%j', (text, staffId) => {
    expect(understand(text.replace('lee', 'will'), ctxOnDec1())).toMatchObject({ staffId });
  });

  it('said for the second alone, it stays the second\'s', () => {
    expect(understand('book me a trim fri the 11th at 9 and another on fri the 18th at 9 with dana', ctxOnDec1()).staffId).toBeUndefined();
  });
});
