import { describe, expect, it } from 'vitest';
import { parseWhen, understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY, NY } from './fixtures.ts';

// Dates said three more ways: a month and a day joined by a dash that could be hours
// ("on 1-8"), a loose day restated exactly with its time ("in a week, so tues the 8th at 4"),
// and the day next to a named date ("the day before christmas eve").

const NOW = ctxOnDec1().now;
const start = (text: string) => localNY(parseWhen(text, NOW, NY)?.from);

describe('a dashed month and day after "on" or "for"', () => {
  it.each([
    ['color on 1-8 at 2pm', '2027-01-08 14:00'],
    ['can i come for 12-9, 11am', '2026-12-09 11:00'],
    ['on 12-11 around 3 for a trim', '2026-12-11 15:00'],
  ])('"%s" starts %s', (text, at) => {
    expect(start(text)).toBe(at);
  });

  it('"10-12" alone, or after a weekday, stays a span of hours', () => {
    expect(start('can you do 10-12 tomorrow')?.slice(0, 10)).toBe('2026-12-02');
    expect(start('fri 1-3 pm')).toBe('2026-12-04 13:00');
  });
});

describe('a loose day restated exactly with its time', () => {
  it.each([
    ['a week from today so tues the 8th at 4pm', '2026-12-08 16:00'],
    ['two weeks from friday, that is friday the 18th at 10', '2026-12-18 10:00'],
  ])('"%s" starts %s', (text, at) => {
    expect(start(text)).toBe(at);
  });

  it('a different day after the first is no restatement', () => {
    expect(start('tomorrow or friday at 2')?.slice(0, 10)).toBe('2026-12-02');
  });
});

describe('the day after or before a named date', () => {
  it.each([
    ['the day before xmas for a color at 10', '2026-12-24 10:00'],
    ['day after new years, a trim at 2', '2027-01-02 14:00'],
    ['cut the day after dec 12 at 3', '2026-12-13 15:00'],
    ['color the day before new years eve at 11', '2026-12-30 11:00'],
  ])('"%s" starts %s', (text, at) => {
    expect(start(text)).toBe(at);
  });

  it('is a new booking, not a shift of one', () => {
    const u = understand('the day before christmas eve, noon, color for me', ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.shift).toBeUndefined();
    expect(localNY(u.when?.from)).toBe('2026-12-23 12:00');
  });

  it('"the day after" with no date stays a shift of a booking', () => {
    expect(understand('can i come the day after instead', ctxOnDec1()).shift?.days).toBe(1);
  });
});
