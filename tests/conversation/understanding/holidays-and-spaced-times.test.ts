import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../../src/conversation/understanding/index.ts';
import { at } from './fixtures.ts';

// Dates said as a holiday's name, a day of the month said before its month with "the",
// and clock times typed with a space for the colon or without it before "-ish".

const NY = 'America/New_York';
// Wednesday 28 Oct 2026, 10:00 in New York.
const NOW = at('2026-10-28T10:00', NY);
const wall = (d: Date | undefined) => d && new Intl.DateTimeFormat('sv-SE', { timeZone: NY, dateStyle: 'short', timeStyle: 'short' }).format(d).replace(' ', 'T');

describe('a holiday named for its date', () => {
  it.each([
    ['christmas eve at 10am for a trim', '2026-12-24T10:00'],
    ['color on xmas eve around 2', '2026-12-24T14:00'],
    ["new years eve 11am", '2026-12-31T11:00'],
    ['nye at 3 with lee', '2026-12-31T15:00'],
    ["valentine's day at 1pm", '2027-02-14T13:00'],
    ['halloween morning at 9', '2026-10-31T09:00'],
  ])('"%s" starts %s', (text, start) => {
    expect(wall(parseWhen(text, NOW, NY)?.from)).toBe(start);
  });

  it('"before christmas" is no day of its own', () => {
    expect(wall(parseWhen('sometime before christmas', NOW, NY)?.from)?.slice(0, 10)).not.toBe('2026-12-25');
  });
});

describe('"the 5th of feb" after a weekday', () => {
  it.each([
    ['friday the 5th of feb at 10', '2027-02-05T10:00'],
    ['tues the 3rd of november at 4', '2026-11-03T16:00'],
  ])('"%s" starts %s', (text, start) => {
    expect(wall(parseWhen(text, NOW, NY)?.from)).toBe(start);
  });
});

describe('a clock time with a space for its colon, or its digits before -ish', () => {
  it.each([
    ['cut friday 11 45', '2026-10-30T11:45'],
    ['tmrw 4 15 pls', '2026-10-29T16:15'],
    ['monday like 1030ish', '2026-11-02T10:30'],
    ['sat around 145-ish', '2026-10-31T13:45'],
  ])('"%s" starts %s', (text, start) => {
    expect(wall(parseWhen(text, NOW, NY)?.from)).toBe(start);
  });

  it('"2 30 minute slots" counts minutes and is no 2:30', () => {
    expect(wall(parseWhen('tomorrow 2 30 minute slots', NOW, NY)?.from)).not.toBe('2026-10-29T14:30');
  });
});
