import { describe, expect, it } from 'vitest';
import { parseWhen, parseYesNo, understand } from '../../../src/conversation/understanding/index.ts';
import { spellCatalogShorthand } from '../../../src/conversation/understanding/catalog-shorthand.ts';
import { ctxOnDec1, localNY, NY, SERVICES, STAFF } from './fixtures.ts';

// Messy texts and salon words: a trim said as "ends cleaned up"; catalog words glued to a day
// or typed without vowels; a yes after an exclamation or as "k"; an exact day and time beside
// a week-level phrase that only gives context; a price asked beside another question.

const NOW = ctxOnDec1().now;

describe('a trim in other words', () => {
  it.each(['can someone dust my ends friday at 2', 'want to clean up my ends thursday', 'need my hair tidied up sat at 11', 'ends trimmed up tmrw pls'])('"%s" is a haircut', (text) => {
    expect(understand(text, ctxOnDec1()).serviceId).toBe('svc-cut');
  });
});

describe('catalog words glued or without vowels', () => {
  it.each([
    ['trimfri 3pm', 'trim fri 3pm'],
    ['tmrwmassage at 4', 'tmrw massage at 4'],
    ['clr w dana', 'color w dana'],
  ])('"%s" reads as "%s"', (text, spelled) => {
    expect(spellCatalogShorthand(text, SERVICES, STAFF)).toBe(spelled);
  });

  it('ordinary words ending in a day, or without vowels, stay', () => {
    expect(spellCatalogShorthand('i followed the link, thx, brb', SERVICES, STAFF)).toBe('i followed the link, thx, brb');
  });

  it('"mssg thurs 4pm" books the massage then', () => {
    const u = understand('mssg thurs 4pm', ctxOnDec1());
    expect(u.serviceId).toBe('svc-massage');
    expect(localNY(u.when?.from)).toBe('2026-12-03 16:00');
  });
});

describe('a yes after an exclamation, or "k"', () => {
  it.each(['omg yes thank you', 'ahh ok perfect', 'wow perfect thx', 'k ty', 'kk thanks'])('"%s" is yes', (text) => {
    expect(parseYesNo(text)).toBe('yes');
  });
  it.each(['oh no, my plans changed again', 'omg no way'])('"%s" is no yes', (text) => {
    expect(parseYesNo(text)).not.toBe('yes');
  });
});

describe('an exact day and time beside a week-level phrase', () => {
  it.each([
    ['my sister is visiting this weekend so i need a trim thurs at 5', '2026-12-03 17:00'],
    ['sometime next month, say jan 12 at 10', '2027-01-12 10:00'],
  ])('"%s" starts %s', (text, at) => {
    expect(localNY(parseWhen(text, NOW, NY)?.from)).toBe(at);
  });

  it('without an exact time the week stays the window', () => {
    expect(parseWhen('next week at 3', NOW, NY)?.exactTime).toBe(false);
    expect(parseWhen('anything this weekend?', NOW, NY)?.exactTime).toBe(false);
  });
});

describe('a price asked beside another question', () => {
  it('"where are you located and how much is a trim" answers both', () => {
    const u = understand('where are you located and how much is a trim', ctxOnDec1());
    expect(u.infoTopic).toBe('address');
    expect(u.alsoPrice).toBe(true);
  });
});
