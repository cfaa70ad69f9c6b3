import { describe, expect, it } from 'vitest';
import { readChoice } from '../../../src/conversation/understanding/choice.ts';
import { parseChoice, parseWhen, understand, type UnderstandContext } from '../../../src/conversation/understanding/index.ts';
import { SERVICES, STAFF, at } from './fixtures.ts';

// How phones mangle times, dates and answers: a semicolon for the colon, a letter held down,
// a month and day joined by a dash, "yes" with two letters swapped; and a number alone at a
// list, which can be an hour as well as an option.

const NY = 'America/New_York';
// Wednesday 28 Oct 2026, 10:00 in New York.
const NOW = at('2026-10-28T10:00', NY);
const ctx = (expecting: UnderstandContext['expecting'] = null): UnderstandContext => ({ now: NOW, timeZone: NY, services: SERVICES, staff: STAFF, expecting, optionCount: 4 });
const wall = (d: Date | undefined) => d && new Intl.DateTimeFormat('sv-SE', { timeZone: NY, dateStyle: 'short', timeStyle: 'short' }).format(d).replace(' ', 'T');

describe('times and dates typed sloppily', () => {
  it.each([
    ['massage fri 2;45pm', '2026-10-30T14:45'],
    ['mani on tuuuuesday at 10;15', '2026-11-03T10:15'],
    ['facial 11-19 at noon', '2026-11-19T12:00'],
    ['could i come 1-14 at 3pm', '2027-01-14T15:00'],
  ])('"%s" starts %s', (text, start) => {
    expect(wall(parseWhen(text, NOW, NY)?.from)).toBe(start);
  });

  it('a dash between hours stays a span of time', () => {
    const w = parseWhen('tomorrow 10-12', NOW, NY);
    expect(wall(w?.from)?.slice(0, 10)).toBe('2026-10-29');
  });
});

describe('words with a letter held down', () => {
  it.each([
    ['dyeeee on monday', 'svc-color'],
    ['massageeee pls', 'svc-massage'],
    ['nailsss thursday', 'svc-mani'],
  ])('"%s" names %s', (text, id) => {
    expect(understand(text, ctx()).serviceId).toBe(id);
  });
});

describe('a yes with its letters swapped', () => {
  it('"yse" at a summary is a yes', () => {
    expect(understand('yse', ctx('confirmation')).intent).toBe('confirm');
  });
});

describe('a number alone at a list may be an hour', () => {
  it.each([['2'], ['2 sounds great'], ['two']])('"%s" may be the 2 o\'clock offer', (text) => {
    expect(readChoice(text, 4)).toMatchObject({ index: 1, bare: true });
  });
  it.each([['option 2'], ['#2'], ['the second one']])('"%s" is only the option', (text) => {
    expect(readChoice(text, 4).bare).toBeUndefined();
  });
});

describe('staff and days said in other words', () => {
  it('"would prefer not to get will" asks for someone else', () => {
    expect(understand('would prefer not to get will, manicure sat', ctx()).staffId).not.toBe('st-will');
  });
  it('"are u open saturdays" asks about Saturday', () => {
    const u = understand('are u open saturdays', ctx());
    expect(u.infoTopic).toBe('hours');
    expect(wall(u.when?.from)).toBe('2026-10-31T00:00');
  });
});

describe('a pick wrapped in pleasantries', () => {
  it.each([['12:30 would be ideal', 12], ['10 is awesome thx', 10]])('"%s" is the %s o\'clock offer', (text, hour) => {
    expect(parseChoice(text, 4).time?.hour).toBe(hour);
  });
});
