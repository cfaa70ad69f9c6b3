import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { saysThatDay } from '../../../src/conversation/understanding/that-day.ts';
import { ctxOnDec1 } from './fixtures.ts';

// f22-w (set 13's v029, set 19's zi127): "put me down for 9", "pencil me in for 10", "go ahead,
// 4 is fine": asking to be booked into a time of the list is a pick of that time.

const atList = (text: string) => understand(text, { ...ctxOnDec1('choice'), optionCount: 4 });

describe('asked to be booked into a time of the list', () => {
  it.each([
    ['ok put me down for 9 then', 9, 0],
    ['put me down for 11:30', 11, 30],
    ['pencil me in for 10', 10, 0],
    ['sign me up for the 10:30', 10, 30],
    ['can you squeeze me in at 2', 14, 0],
    ['grab me the 12 pls', 12, 0],
  ])('%j picks %i:%i', (text, hour, minute) => {
    const u = atList(text);
    expect(u.intent).toBe('choose');
    expect(u.choiceTime).toEqual({ hour, minute });
  });

  it('"actually ya go ahead, 4 is fine" picks by its number, which the provider reads as the hour when no list was shown', () => {
    const u = atList('actually ya go ahead, 4 is fine');
    expect(u.intent).toBe('choose');
    expect(u.number).toBe(4);
  });

  it.each(['put me down for friday instead', 'none of those, sign me up for next week'])('%j picks no offer', (text) => {
    expect(atList(text).choiceIndex).toBeUndefined();
    expect(atList(text).choiceTime).toBeUndefined();
  });
});

// f22-w (set 10's p099): "what about 3:30 that day" places the time on the day asked about.
describe('a time for that day', () => {
  it.each(['ok what about 3:30 that day', 'same day at 2?', 'can i do 11 on that day then', 'that same day at noon'])('%j says that day', (text) => {
    expect(saysThatDay(text)).toBe(true);
  });

  it.each(['the same day as my color at 2', 'on the day of my cut', 'thursday at 3:30', 'whats open today'])('%j does not', (text) => {
    expect(saysThatDay(text)).toBe(false);
  });

  it('is read into the understanding with its time', () => {
    const u = atList('ok what about 3:30 that day');
    expect(u.thatDay).toBe(true);
    expect(u.choiceTime).toEqual({ hour: 15, minute: 30 });
  });
});
