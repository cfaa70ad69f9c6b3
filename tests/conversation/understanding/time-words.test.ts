import { describe, expect, it } from 'vitest';
import { parseWhen, understand } from '../../../src/conversation/understanding/index.ts';
import { at, ctxOnDec1, NY } from './fixtures.ts';

// Time words behind set 8's new-booking failures (issue 14), in other wordings: a weekday
// with a bare day of the month, "sharp", the hour a customer is busy until, a past visit
// told as a story, "asap" beside a day and time, and an alternative after "if not".

// Tuesday 1 December 2026, 9:00 in New York (the dialogs' now).
const NOW = at('2026-12-01T09:00', NY);
const wall = (d: Date | undefined) => d && new Intl.DateTimeFormat('sv-SE', { timeZone: NY, dateStyle: 'short', timeStyle: 'short' }).format(d).replace(' ', 'T');
const exact = (text: string) => {
  const w = parseWhen(text, NOW, NY);
  return w?.exactTime ? wall(w.from) : `not exact: ${wall(w?.from)}–${wall(w?.to)}`;
};

describe('a weekday, a bare day of the month, then a clock time', () => {
  it.each([
    ['cut fri 11 at 3', '2026-12-11T15:00'],
    ['color tues 15 10:30', '2026-12-15T10:30'],
    ['sat 12 11am please', '2026-12-12T11:00'],
    ['mon 21, 2pm', '2026-12-21T14:00'],
  ])('%s → %s', (text, want) => expect(exact(text)).toBe(want));

  it.each([
    // The weekday does not fall on that day: the number is the hour.
    ['friday 10', '2026-12-04T10:00'],
    // No clock time after it: "wed 9" stays nine o'clock on Wednesday.
    ['wed 9', '2026-12-02T09:00'],
  ])('%s stays a time: %s', (text, want) => expect(exact(text)).toBe(want));
});

describe('"sharp" and "on the dot"', () => {
  it.each([
    ['thursday 11 sharp', '2026-12-03T11:00'],
    ['trim tomorrow, 2 on the dot', '2026-12-02T14:00'],
    ['friday 10:30 sharp for a color', '2026-12-04T10:30'],
  ])('%s → %s', (text, want) => expect(exact(text)).toBe(want));
});

describe('the hour a customer is busy until', () => {
  it('alone, it is the earliest they can come', () => {
    const w = parseWhen('anything thursday? i finish work at 4', NOW, NY);
    expect([wall(w?.from), w?.exactTime]).toEqual(['2026-12-03T16:00', false]);
    expect(wall(parseWhen("can i come in friday, i'm out of school at 3", NOW, NY)?.from)).toBe('2026-12-04T15:00');
  });

  it('beside a time asked for, it is only the reason', () => {
    expect(exact('wednesday at 5:30 since i get off work at 5')).toBe('2026-12-02T17:30');
  });
});

describe('a past visit told as a story', () => {
  it.each([
    ['my friend came in a couple weeks ago and i want friday at 11', '2026-12-04T11:00'],
    ['i was there yesterday for a cut, can i book a color monday at 10', '2026-12-07T10:00'],
    ['same as last time, thursday 2pm', '2026-12-03T14:00'],
  ])('%s → %s', (text, want) => expect(exact(text)).toBe(want));
});

describe('asap beside a day and a time', () => {
  it('the day and time said are the request', () => {
    expect(exact('need a trim asap!! is friday at 2 ok')).toBe('2026-12-04T14:00');
  });
  it('asap alone still looks at the next two weeks', () => {
    expect(parseWhen('cut asap', NOW, NY)?.earliest).toBe(true);
  });
});

describe('an alternative after "if not"', () => {
  it('a day and time after it wins over a habit or a day before it', () => {
    expect(exact('are you open sundays? if not monday 14th at 10')).toBe('2026-12-14T10:00');
    expect(exact('can dana do weekends, if not thursday at 4')).toBe('2026-12-03T16:00');
  });
  it('an exact time before it stays the request', () => {
    expect(exact('wednesday at 3? if not thursday at 4')).toBe('2026-12-02T15:00');
  });
  it('"if not" is no refusal of the day after it', () => {
    expect(understand('color on sundays? if not friday at 1', ctxOnDec1()).when?.dayNamed).toBe(true);
  });
});
