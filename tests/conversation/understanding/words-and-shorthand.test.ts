import { describe, expect, it } from 'vitest';
import { parseChoice, parseWhen, parseYesNo, understand, type UnderstandContext } from '../../../src/conversation/understanding/index.ts';
import { unofferedService } from '../../../src/conversation/understanding/not-offered.ts';
import { spellOrdinalDays, spellShorthand } from '../../../src/conversation/understanding/shorthand.ts';
import { SERVICES, STAFF, at } from './fixtures.ts';

// Words and shorthand (issue 14): times and days as people text them, numbers and slang as
// answers, emoji, and services the catalog lacks, in wordings the dialogs do not use.

const NY = 'America/New_York';
// Wednesday 28 Oct 2026, 10:00 in New York.
const NOW = at('2026-10-28T10:00', NY);
const wall = (d: Date | undefined) => d && new Intl.DateTimeFormat('sv-SE', { timeZone: NY, dateStyle: 'short', timeStyle: 'short' }).format(d).replace(' ', 'T');
const SALON = [
  { id: 'h', name: 'Haircut', slug: 'haircut', synonyms: ['cut', 'trim'] },
  { id: 'c', name: 'Color', slug: 'color', synonyms: ['dye'] },
];
const ctx = (services = SALON, expecting: UnderstandContext['expecting'] = null): UnderstandContext => ({ now: NOW, timeZone: NY, services, staff: STAFF, expecting, optionCount: 4 });

describe('clock times as texted', () => {
  it.each([
    ['trim thursday half 3', '2026-10-29T15:30'],
    ['cut fri at half eleven', '2026-10-30T11:30'],
    ['haircut thurs 2p', '2026-10-29T14:00'],
    ['sat 11a please', '2026-10-31T11:00'],
    ['monday 4:30p', '2026-11-02T16:30'],
    ['cut 10/30 1400', '2026-10-30T14:00'],
    ['tomorrow 1600hrs', '2026-10-29T16:00'],
    ['fri 0930', '2026-10-30T09:30'],
    ['thursday 430', '2026-10-29T16:30'],
    ['saturday at midday', '2026-10-31T12:00'],
    ['cut at 3 thirty thursday', '2026-10-29T15:30'],
    ['fri at 4 fifteen', '2026-10-30T16:15'],
    ['cut fri 1pmish', '2026-10-30T13:00'],
  ])('%j is %s', (text, expected) => {
    const w = parseWhen(text, NOW, NY);
    expect(w?.exactTime).toBe(true);
    expect(wall(w?.from)).toBe(expected);
  });

  it.each([
    ['half an hour', 'half an hour'],
    ['half 3 hours', 'half 3 hours'],
    ['for 1400 people', 'for 1400 people'],
    ['call 555 1230', 'call 555 1230'],
    ['dec 3 2025', 'dec 3 2025'],
    ['in 2030', 'in 2030'],
    ['1400 main st', '1400 main st'],
    ['$1500', '$1500'],
    ['2 apples', '2 apples'],
  ])('%j stays as it is', (text, same) => {
    expect(spellShorthand(text)).toBe(same);
  });
});

describe('days of the month in words', () => {
  it.each([
    ['a haircut on the fourth at two thirty', '2026-11-04T14:30'],
    ['the thirtieth at 3', '2026-10-30T15:00'],
    ['friday the thirtieth at 11am', '2026-10-30T11:00'],
    ['cut second of november 10am', '2026-11-02T10:00'],
    ['color nov twenty-first at 1pm', '2026-11-21T13:00'],
    ['haircut on november the fourth at 10', '2026-11-04T10:00'],
    ['haircut tues 3 nov at 11', '2026-11-03T11:00'],
    ['cut 8th of nov 2pm', '2026-11-08T14:00'],
  ])('%j is %s', (text, expected) => {
    expect(wall(parseWhen(text, NOW, NY)?.from)).toBe(expected);
  });

  it.each(['the second one', 'the fourth option', 'first available', 'the third of those', 'wait a second'])('%j is no day', (text) => {
    expect(spellOrdinalDays(text)).toBe(text);
  });
});

describe('numbers in words pick an option', () => {
  it.each([
    ['one', 0],
    ['one please', 0],
    ['option one', 0],
    ['ok one', 0],
    ['two', 1],
    ['number three', 2],
  ])('%j picks %i', (text, index) => {
    expect(parseChoice(text, 4).index).toBe(index);
  });

  it.each(['the 3pm one', 'that one', 'which one', 'one of those at 4', '3pm on the 3rd', 'thursday the 3rd', 'the 2nd at 3'])('%j picks no number', (text) => {
    expect(parseChoice(text, 4).index).toBeUndefined();
  });
});

describe('slang and stretched answers', () => {
  it.each(['bet', 'yh', 'bet bet', 'bet thanks', 'say less', 'yessir', 'aight', 'sounds gd', 'yeahhh', 'yesss', 'okkk', 'cool', 'cool thanks man', 'sweet', '💯', '🤝', 'lets gooo', 'sure thing', 'uh huh'])(
    '%j is yes',
    (text) => {
      expect(parseYesNo(text)).toBe('yes');
    },
  );

  it.each(['naw', 'nahhh', 'hard pass', 'pass', "i'll pass thanks", 'that doesnt work', 'no thx', '🙅'])('%j is no', (text) => {
    expect(parseYesNo(text)).toBe('no');
  });

  it.each(['cool what about friday', 'bet you are busy friday', 'sweet potato', 'pass me to a person', 'word of mouth'])('%j is no answer', (text) => {
    expect(parseYesNo(text)).toBeUndefined();
  });
});

describe('emoji for a service', () => {
  it.each(['✂️ thurs 2?', '💇‍♀️ friday at 10', '💈 sat'])('%j asks for a haircut', (text) => {
    expect(understand(text, ctx()).serviceId).toBe('h');
  });
});

describe('services the catalog lacks', () => {
  it.each([
    ['do u do nails? manicure tmrw at 2', 'manicure'],
    ['need my lashes done sat', 'lashes'],
    ['💅 friday', 'manicure'],
    ['any massage slots friday', 'massage'],
    ['eyebrow wax sat morning', 'eyebrow'],
    ['can i get a blowout tmrw', 'blowout'],
  ])('%j names %j as not offered', (text, what) => {
    expect(understand(text, ctx())).toMatchObject({ intent: 'book', notOffered: true, notOfferedName: what });
  });

  it.each(['can we nail down a time friday', 'trim thursday at 3', 'i want to book'])('%j names nothing missing', (text) => {
    expect(unofferedService(text, SALON)).toBeUndefined();
  });

  it('a catalog with any word of a family offers it ("nails" when Manicure is on the menu)', () => {
    expect(unofferedService('do you do nails', SERVICES)).toBeUndefined();
    expect(unofferedService('gel nails friday', SERVICES)).toBeUndefined();
    expect(unofferedService('can i get my brows done', SERVICES)).toBe('brows');
  });

  it('says nothing of a catalog without services', () => {
    expect(unofferedService('a massage please', [])).toBeUndefined();
  });
});
