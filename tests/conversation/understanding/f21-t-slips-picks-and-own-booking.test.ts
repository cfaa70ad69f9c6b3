import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Round 21, fixer t: words a customer slips in that the bot read as something else.

describe('"am"/"pm" beside "before"/"after" is a clock, not "a minute" earlier', () => {
  it.each([
    ['can i get a cut monday 9 am before work', '2026-12-07 09:00'],
    ['trim tmrw 10 am before school drop off', '2026-12-02 10:00'],
    ['color friday at 9 am before my shift starts at noon', '2026-12-04 09:00'],
  ])('%s', (text, at) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.shift).toBeUndefined();
    expect(localNY(u.when?.from)).toBe(at);
  });

  it.each([['push it back an hour', 60], ['can u move it 30 min earlier', -30], ['bring it forward a hour', -60]])('%s still shifts', (text, minutes) => {
    expect(understand(text, ctxOnDec1()).shift?.minutes).toBe(minutes);
  });
});

describe('a bare "no" between two days takes the first back', () => {
  it.each([
    ['can i get a cut wed.. no thurs sorry, at 11am', '2026-12-03 11:00'],
    ['cut wednesday no tuesday at 4', '2026-12-08 16:00'],
    ['trim friday, no saturday at noon', '2026-12-05 12:00'],
    ['color tmrw.. no today at 3', '2026-12-01 15:00'],
  ])('%s', (text, at) => {
    expect(localNY(understand(text, ctxOnDec1()).when?.from)).toBe(at);
  });

  it.each(['cut wed or fri at 3, no thursday', 'cut wed or fri at 3, no thursdays'])('%s: a day refused after a time keeps the first day', (text) => {
    expect(localNY(understand(text, ctxOnDec1()).when?.from)?.slice(0, 10)).toBe('2026-12-02');
  });
});

describe('a pick by a shortened word, and "first" that is no pick', () => {
  it.each([['opt 1 pls', 0], ['optn 2', 1], ['opt 3 thx', 2], ['nmbr 4', 3]])('%s', (text, index) => {
    const u = understand(text, { ...ctxOnDec1('choice'), optionCount: 4 });
    expect(u.intent).toBe('choose');
    expect(u.choiceIndex).toBe(index);
  });

  it.each(['ugh ok saturday 1pm like i first said', 'fine, friday at 2 like i first asked', 'ok back to what i first wanted, sat 1pm'])('%s picks no first offer', (text) => {
    const u = understand(text, { ...ctxOnDec1('choice'), optionCount: 4 });
    expect(u.choiceIndex).toBeUndefined();
  });

  it.each(['the first', 'first one pls', "i'll take the first"])('%s still picks the first', (text) => {
    expect(understand(text, { ...ctxOnDec1('choice'), optionCount: 4 }).choiceIndex).toBe(0);
  });
});

describe('anyone-will-do with its "is" run on', () => {
  it.each(['ugh ok whoevers free at 5:30 is fine then', "whoever's around at 3 works", 'anyones fine, 4pm'])('%s', (text) => {
    expect(understand(text, ctxOnDec1()).anyStaff).toBe(true);
  });
});

describe("the customer's own booking placed by time is not the service asked for", () => {
  it.each([
    'son needs a trim, can he go at 10:30 fri the 11th when i finish my color?',
    'can my daughter get a cut while im at my color on the 11th at 10',
    'my son wants a trim during my massage wed at 12:30',
    'need a trim for my husband at 2 friday, when im finished with my highlights',
  ])('%s', (text) => {
    expect(understand(text, ctxOnDec1()).serviceId).toBe('svc-cut');
  });

  it.each([['can i get my color friday at 2', 'svc-color'], ['i want my massage thursday at 4', 'svc-massage']])('%s: the booking asked for itself', (text, svc) => {
    expect(understand(text, ctxOnDec1()).serviceId).toBe(svc);
  });
});

describe('a booking placed before another whose end is said again', () => {
  it.each([
    'ok add a color before my massage on the 11th, so it ends right when the massage starts',
    'color before my massage on friday so im done when the massage starts',
  ])('%s', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.serviceId).toBe('svc-color');
    expect(u.nextTo?.edge).toBe('start');
  });
});
