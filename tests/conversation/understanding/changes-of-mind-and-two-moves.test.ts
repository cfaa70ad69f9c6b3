import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// f14c: changes of mind and two changes in one text (set 12's u074, ...).

describe('a cancel refused for a move', () => {
  it.each([
    ["no wait don't cancel it, move it to thursday at 3 instead", '2026-12-03 15:00'],
    ['hmm dont cancel, can u reschedule it to the 14th at 10', '2026-12-14 10:00'],
    ['do not cancel pls, just push it to fri at 1', '2026-12-04 13:00'],
  ])('%j is a move of the same booking, the cancel refused', (text, at) => {
    const u = understand(text, ctxOnDec1('confirmation'));
    expect(u.intent).toBe('reschedule');
    expect(u.answer).toBe('no');
    expect(localNY(u.when?.from)).toBe(at);
  });

  it('a refusal with no new request stays a no', () => {
    const u = understand("actually no dont cancel, i'll be there", ctxOnDec1('confirmation'));
    expect(u.intent).not.toBe('reschedule');
    expect(u.intent).not.toBe('cancel');
  });
});

describe('a booking named by its weekday, switched to a time', () => {
  it.each([
    ['could i change thursday to 2pm', '2026-12-03', '14:00'],
    ['switch fri to 10am pls', '2026-12-04', '10:00'],
    ['can we shift weds to 4:30', '2026-12-02', '16:30'],
  ])('%j moves that day to the time', (text, day, time) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)?.slice(0, 10)).toBe(day);
    expect(localNY(u.when?.from)?.slice(11)).toBe(time);
    expect(u.when?.dayNamed).toBe(false);
  });

  it('a switch to a person names no booking', () => {
    expect(understand('can i switch to will', ctxOnDec1()).apptWhen).toBeUndefined();
  });
});
