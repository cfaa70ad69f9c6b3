import { describe, expect, it } from 'vitest';
import { parseYesNo, understand } from '../../../src/conversation/understanding/index.ts';
import { onFirstDay } from '../../../src/conversation/understanding/on-first-day.ts';
import { NY, at, ctxOnDec1 } from './fixtures.ts';

// Two requests in one text, each done on its own offers and yes: a booking then another with
// a time of its own (its day said from the first's spelled as a date, since it is read later
// on its own), a booking beside a question about what is booked, several cancels with one
// kept, and the yes to the second proposal when it comes.

describe('a booking and then another in one text', () => {
  it.each([
    ['get me a trim on the 8th at 2 and a colour the day after at 10', 'svc-cut', 'book a colour on december 9 at 10'],
    ['can i book a color friday at 11, then a haircut the following monday at 3', 'svc-color', 'book a haircut on december 7 at 3'],
    ['cut on the 9th at 1 and a dye that afternoon at 4', 'svc-cut', 'book a dye on december 9 in the afternoon at 4'],
    ['schedule a haircut thursday at 10 and a colour right after', 'svc-cut', 'book a colour right after'],
  ])('%j: the first now, the second after', (text, serviceId, then) => {
    expect(understand(text, ctxOnDec1())).toMatchObject({ intent: 'book', serviceId, then });
  });

  it.each([
    "i've got a color on friday at 9, can i also get a haircut at 1 that day",
    'a color at 9 and a haircut',
  ])('%j is no booking then another', (text) => {
    expect(understand(text, ctxOnDec1()).then).toBeUndefined();
  });

  it('a change then a booking on its day: the day is spelled from the change', () => {
    expect(understand('move my cut on the 10th to 4 and book a dye that morning at 9', ctxOnDec1()).then).toBe('book a dye on december 10 in the morning at 9');
  });

  it('words with no day of the first are left as they are', () => {
    const first = { from: at('2026-12-10T00:00', NY), to: at('2026-12-11T00:00', NY), exactTime: false, dayNamed: true, description: 'december 10' };
    expect(onFirstDay('a color friday at 9', first, NY)).toBe('a color friday at 9');
    expect(onFirstDay('a color the next friday', first, NY)).toBe('a color on december 11');
  });
});

describe('a booking beside a question about what is booked', () => {
  it.each([
    ['whens my color? also get me a cut friday at 2', 'svc-cut'],
    ['can u schedule me a trim on the 9th at 11, and what time is my colour', 'svc-cut'],
    ['book me a colour dec 14 at 10 and remind me when my haircut is', 'svc-color'],
  ])('%j: the question answered first, then the booking', (text, serviceId) => {
    const u = understand(text, ctxOnDec1());
    expect(u).toMatchObject({ intent: 'book', serviceId, also: { intent: 'my_appointments' } });
  });
});

describe('several cancels with one kept', () => {
  it.each([
    ['cancel the 4th and the 11th but keep the 18th', [4, 11]],
    ['pls cancel the 3rd and the 10th but i still want the 17th', [3, 10]],
  ])('%j cancels each date named before the keep', (text, days) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(u.targets?.map((t) => t.when?.description)).toEqual(days.map((d) => `December ${d}`));
  });
});

describe('the yes to the second proposal of a text', () => {
  it.each(['and yes to the other', 'and the last one yes', 'also yes', 'the other one too, yes please', 'and her too yes', 'ok and yes'])('%j is a yes', (text) => {
    expect(parseYesNo(text)).toBe('yes');
  });

  it.each(['and no to the other', 'the other one no thanks'])('%j is a no', (text) => {
    expect(parseYesNo(text)).toBe('no');
  });

  it.each(['and the color on monday too', 'the other one on friday'])('%j is no answer', (text) => {
    expect(parseYesNo(text)).toBeUndefined();
  });
});
