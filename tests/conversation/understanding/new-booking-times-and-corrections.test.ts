import { describe, expect, it } from 'vitest';
import { parseChoice, parseWhen, understand } from '../../../src/conversation/understanding/index.ts';
import { readChoice } from '../../../src/conversation/understanding/choice.ts';
import { spellNewHours } from '../../../src/conversation/understanding/new-hour.ts';
import { at, ctxOnDec1, localNY, NY } from './fixtures.ts';

// New bookings said the many ways customers text them: tomorrow typed loosely, an hour with its
// part of day after it, "for now" as a hedge, a time corrected inside the same text, a new hour
// at a summary closed with an apology, a pick said before its reason, a part of day across a
// week, and a list picked by "the later one". Read on Tuesday 1 Dec 2026, 9:00 in New York.

const NOW = at('2026-12-01T09:00', NY);
const start = (text: string) => localNY(parseWhen(text, NOW, NY)?.from);

describe('tomorrow typed loosely', () => {
  it.each(['tmorow at 11am', 'tommorow 11am', 'tomoro at 11am', '2morow 11am', 'tmrrw at 11am', 'tomorw at 11am', 'tommorrow @ 11am'])('"%s" is Wed Dec 2, 11:00', (text) => {
    expect(start(text)).toBe('2026-12-02 11:00');
  });

  it('a name shaped like it is kept when it is the business\'s own', () => {
    expect(understand('book with tomo', { ...ctxOnDec1(), staff: [{ id: 'st-tomo', name: 'Tomo' }] }).staffId).toBe('st-tomo');
  });
});

describe('an hour with its part of day after it', () => {
  it.each([
    ['cut on the 2nd of january, three in the afternoon', '2027-01-02 15:00'],
    ['trim friday 10 in the morning pls', '2026-12-04 10:00'],
    ['color thurs quarter past 1 in the afternoon', '2026-12-03 13:15'],
    ['could i come sat 5 in the evening', '2026-12-05 17:00'],
    ['tmrw 4 this afternoon?', '2026-12-02 16:00'],
  ])('"%s" starts %s', (text, expected) => {
    expect(start(text)).toBe(expected);
  });
});

describe('"for now" is a hedge, not this minute', () => {
  it.each([
    ["just the trim for now. fri the 11th at 2?", '2026-12-11 14:00'],
    ["that's all i need for the time being, wed 9th 10am", '2026-12-09 10:00'],
    ['only a cut for now, monday 14th at 3', '2026-12-14 15:00'],
  ])('"%s" starts %s', (text, expected) => {
    expect(start(text)).toBe(expected);
  });
});

describe('a time corrected inside one text takes the last value', () => {
  it.each([
    ['cut thurs at 2 no wait 3 sorry', '2026-12-03 15:00'],
    ['trim fri at 10 sorry i meant 11', '2026-12-04 11:00'],
    ['haircut tmrw at 2 no 3', '2026-12-02 15:00'],
    ['cut the 9th at 10 - no, 11', '2026-12-09 11:00'],
    ['color wed 3 oops i meant 4 thanks', '2026-12-02 16:00'],
    ['cut on the 7th no the 8th at 2', '2026-12-08 14:00'],
  ])('"%s" starts %s', (text, expected) => {
    expect(start(text)).toBe(expected);
  });

  it('an apology closing a text corrects nothing', () => {
    expect(start('cut friday at 2 sorry')).toBe('2026-12-04 14:00');
  });
});

describe('a bare new hour at a summary, closed with courtesy', () => {
  const atSummary = { expecting: 'confirmation' as const, optionCount: 1 };
  it.each([
    ['ugh actually 10, sorry!!', 'ugh actually at 10, sorry!!'],
    ['oops 11 thanks', 'oops at 11 thanks'],
    ['hmm 12 then lol', 'hmm at 12 then lol'],
    ['no wait, 10 thx', 'no wait, at 10 thx'],
    ['actually can it be 10 sorry', 'actually can it be at 10 sorry'],
  ])('%j → %j', (text, spelled) => {
    expect(spellNewHours(text, atSummary)).toBe(spelled);
  });
});

describe('an hour after a month is its day', () => {
  it('"december 11 in the morning at 10" is the 11th at 10', () => {
    expect(start('a color on december 11 in the morning at 10')).toBe('2026-12-11 10:00');
  });
});

describe('a pick said before its reason', () => {
  it.each([
    ['ok 9 then, cant do later', { time: { hour: 9, minute: 0 } }],
    ['fine 10 then. nothing later works', { time: { hour: 10, minute: 0 } }],
    ['the second one, i work till 3 tho', undefined],
    ['2 pls, i have to pick up my kid after', { index: 1 }],
  ])('%j with four offers', (text, expected) => {
    if (expected) expect(parseChoice(text, 4)).toMatchObject(expected);
    else expect(parseChoice(text, 4).index).toBe(1);
  });

  it('a second number after the pick is no reason: "2, the 10am" keeps its time', () => {
    expect(parseChoice('2, the 10am', 4).time).toEqual({ hour: 10, minute: 0 });
  });
});

describe('a part of day across a week', () => {
  it.each([
    ['any morning next week for a trim', '2026-12-07 00:00', '2026-12-07 12:00'],
    ['afternoons next week work', '2026-12-07 12:00', '2026-12-07 17:00'],
    ['sometime this week in the afternoon', '2026-12-01 12:00', '2026-12-01 17:00'],
  ])('"%s" is %s to %s', (text, from, to) => {
    const w = parseWhen(text, NOW, NY);
    expect([localNY(w?.from), localNY(w?.to)]).toEqual([from, to]);
  });

  it('"the earliest next week" is next week, from its start', () => {
    const w = understand('whats the earliest u have next week for color', ctxOnDec1()).when;
    expect([localNY(w?.from), w?.earliest]).toEqual(['2026-12-07 00:00', true]);
  });
});

describe('the end of the day with a lower bound', () => {
  it('"anything after 4" says where the end of the day starts: its openings in order', () => {
    const w = parseWhen('end of the day sat? anything after 4', NOW, NY);
    expect([localNY(w?.from), w?.latest]).toEqual(['2026-12-05 16:00', undefined]);
  });

  it('"the latest before 3" still leads with the last', () => {
    expect(parseWhen('latest you have friday before 3', NOW, NY)?.latest).toBe(true);
  });
});

describe('"the latest" picks by time', () => {
  it.each([
    ['the latest one', 'latest'],
    ['latest pls', 'latest'],
    ['the earliest works', 'earliest'],
    ['soonest one i guess', 'earliest'],
  ])('%j is the %s time listed', (text, byTime) => {
    expect(readChoice(text, 4).byTime).toBe(byTime);
  });

  it.each([
    ['the last one', { index: 3 }],
    ['the later one', { index: 3 }],
    ['eh the earlier one', { index: 0 }],
  ])('%j is a place in the list', (text, pick) => {
    expect(readChoice(text, 4)).toEqual(pick);
  });
});
