import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../../src/conversation/understanding/index.ts';
import { at } from './fixtures.ts';

// "today" in how the customer feels dates the mood, not the visit; "today" as availability stays a day.

const NY = 'America/New_York';
// Wednesday 28 Oct 2026, 10:00 in New York.
const NOW = at('2026-10-28T10:00', NY);
const wall = (d: Date | undefined) => d && new Intl.DateTimeFormat('sv-SE', { timeZone: NY, dateStyle: 'short', timeStyle: 'short' }).format(d).replace(' ', 'T');

describe('a mood said with today', () => {
  it.each([
    ['massage friday 3pm, sorry im exhausted today', '2026-10-30T15:00'],
    ['mani mon at 11 no wait 11:30 soz my mind is foggy today', '2026-11-02T11:30'],
    ['rough day today haha, facial on the 5th at noon?', '2026-11-05T12:00'],
    ['nails thurs 4 ugh i feel like a mess today', '2026-10-29T16:00'],
  ])('"%s" starts %s', (text, start) => {
    expect(wall(parseWhen(text, NOW, NY)?.from)).toBe(start);
  });

  it('availability today is still today', () => {
    expect(wall(parseWhen('im free today at 3', NOW, NY)?.from)).toBe('2026-10-28T15:00');
  });
});

describe('small talk about today before a named day', () => {
  it.each([
    ['its freezing out today lol, color thurs at 2?', '2026-10-29T14:00'],
    ['beautiful day today! massage on the 5th at 3', '2026-11-05T15:00'],
    ['so rainy here today. nails fri at 10 pls', '2026-10-30T10:00'],
    ['today has been a lot haha anyways can i get a facial monday at 11', '2026-11-02T11:00'],
    ['crazy week, kids home today, btw do you have nov 4 at 1', '2026-11-04T13:00'],
  ])('"%s" starts %s', (text, start) => {
    expect(wall(parseWhen(text, NOW, NY)?.from)).toBe(start);
  });

  it('"today anyway" with no other day is still today', () => {
    expect(wall(parseWhen('im in town today anyway, could i come at 3', NOW, NY)?.from)).toBe('2026-10-28T15:00');
  });
});

describe('so many days or weeks from a day', () => {
  it.each([
    ['2 wks from today at 11am', '2026-11-11T11:00'],
    ['10 days from now at 2', '2026-11-07T14:00'],
    ['three wks from friday at 4', '2026-11-20T16:00'],
    ['in 2 wks at 11', '2026-11-11T11:00'],
  ])('"%s" starts %s', (text, start) => {
    expect(wall(parseWhen(text, NOW, NY)?.from)).toBe(start);
  });
});

