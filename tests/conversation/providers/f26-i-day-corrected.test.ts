import { describe, expect, it } from 'vitest';
import { correctsDayOfExactTime } from '../../../src/conversation/providers/offline/direct.ts';
import type { ProviderView } from '../../../src/conversation/providers/types.ts';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from '../understanding/fixtures.ts';

// "can i get a cut on nov 30 at 2" is told the day has passed; "lol sorry i meant dec 30" corrects
// the day, and the time said before stands, so it is proposed at once (set 25's zu096).

const zone = 'America/New_York';
const nothingOnScreen = { timeZone: zone, offers: [], expecting: null } as unknown as ProviderView;
const offersOnScreen = { timeZone: zone, offers: [{ id: 'o1', start: '2026-12-30T19:00:00Z', local: '2026-12-30T14:00' }], expecting: 'choice' } as unknown as ProviderView;
// The time asked, already carried onto the new day by the provider's memory.
const at2On = (day: string) => ({ from: `${day}T19:00:00.000Z`, to: `${day}T19:01:00.000Z`, exactTime: true, earliest: false });
const corrects = (text: string, view = nothingOnScreen, day = '2026-12-30') => correctsDayOfExactTime(view, understand(text, ctxOnDec1()), at2On(day));

describe('a day said alone after the day asked was refused keeps the time', () => {
  it.each(['lol sorry i meant dec 30', 'oops, dec 30th', 'i meant the 30th sorry', 'sorry meant wed dec 30', 'ugh typo, december 30'])('%s', (text) => {
    expect(corrects(text)).toBe(true);
  });
  it('a weekday alone too', () => expect(corrects('oh i meant friday', nothingOnScreen, '2026-12-04')).toBe(true));
});

describe('near misses keep the list', () => {
  it('a month alone names no day', () => expect(corrects('ill text again in january', nothingOnScreen, '2027-01-01')).toBe(false));
  it('another time said with the day', () => expect(corrects('sorry i meant dec 30 at 4')).toBe(false));
  it('a part of the day said with it', () => expect(corrects('dec 30 in the morning then')).toBe(false));
  it('offers on screen are answered elsewhere', () => expect(corrects('lol sorry i meant dec 30', offersOnScreen)).toBe(false));
  it('a day other than the one remembered', () => expect(corrects('lol sorry i meant dec 29')).toBe(false));
});
