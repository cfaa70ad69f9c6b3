import { describe, expect, it } from 'vitest';
import { parseWhen, understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY, NY } from './fixtures.ts';

// Days said by their weekday (set 11's r018, r102, r135): "monday after next", a weekday
// restated as a date that falls on it ("friday then, the 11th at 3"), a correction inside a
// correction ("the 10th wait no the 11th sorry, still 1pm"), and whether a weekday was said
// alone, with no date or "this"/"next" (the provider then reads it as the day on screen).

const NOW = ctxOnDec1().now; // Tuesday Dec 1 2026
const start = (text: string) => localNY(parseWhen(text, NOW, NY)?.from);

describe('a weekday "after next": a week past "next <weekday>"', () => {
  it.each([
    ['can i get a trim tues after next at 11', '2026-12-15 11:00'],
    ['the thursday after next, 2pm', '2026-12-17 14:00'],
    ['sat after next for a cut at 10', '2026-12-19 10:00'],
    ['wednesday after next week at 9:30', '2026-12-16 09:30'],
  ])('"%s" starts %s', (text, at) => {
    expect(start(text)).toBe(at);
  });

  it('"next monday" itself stays next week\'s', () => {
    expect(start('next monday at 10')).toBe('2026-12-07 10:00');
  });
});

describe('a weekday restated as a date on that weekday', () => {
  it.each([
    ['fine, thursday then, the 17th at 4', '2026-12-17 16:00'],
    ['the final monday of the month, dec 28 at 2', '2026-12-28 14:00'],
    ['last monday before xmas so dec 21 at 2', '2026-12-21 14:00'],
    ['wednesday, i mean wed the 23rd, at 10', '2026-12-23 10:00'],
  ])('"%s" starts %s', (text, at) => {
    expect(start(text)).toBe(at);
  });

  it('a date on another weekday does not restate it', () => {
    expect(start('friday at 2 or the 12th')).toBe('2026-12-04 14:00');
  });
});

describe('a correction after a correction', () => {
  it.each([
    ['cut on the 9th at 3 no wait the 10th, sorry, still 3pm', '2026-12-10 15:00'],
    ['thursday at 2 actually friday, sorry i mean 4', '2026-12-04 16:00'],
  ])('"%s" starts %s', (text, at) => {
    expect(start(text)).toBe(at);
  });
});

describe('a weekday said alone', () => {
  const alone = (text: string) => Boolean(understand(text, ctxOnDec1('choice')).when?.weekdayOnly);

  it.each(['ok 3:30 thursday then', 'monday at 4 pls', 'fri morning'])('"%s" is', (text) => {
    expect(alone(text)).toBe(true);
  });

  it.each(['next monday at 4', 'this friday', 'thurs the 10th at 2', 'monday dec 14', 'mon 12/14 at 3', 'tomorrow at 2'])('"%s" is not', (text) => {
    expect(alone(text)).toBe(false);
  });
});
