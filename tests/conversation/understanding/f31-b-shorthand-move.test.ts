import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { spellTwoAsTo } from '../../../src/conversation/understanding/text.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 31b (set 30's yf144): "yo can u mv my appt frm wed the 9th 2 thu the 10th same time thx":
// "mv" and "frm" typed without vowels, and "2" for "to" between the booking's day and the new one,
// read the move as a list of bookings. The shorthand is spelled out, and a "2" after "from <day>"
// before another day is "to".

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('a move typed in shorthand', () => {
  it.each([
    ['yo can u mv my appt frm wed the 9th 2 thu the 10th same time thx', '2026-12-09', '2026-12-10'],
    ['mv my cut frm fri 2 sat', '2026-12-04', '2026-12-05'],
    ['pls mv my appt from the 9th 2 the 12th', '2026-12-09', '2026-12-12'],
    ['can u move my color frm the 16th 2 the 18th', '2026-12-16', '2026-12-18'],
    ['mv my appt from thursday the 10th 2 friday the 11th same time', '2026-12-10', '2026-12-11'],
  ])('%s', (text, booking, target) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)?.slice(0, 10)).toBe(booking);
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe(target);
  });
});

describe('near misses: a "2" that is a clock time stays one', () => {
  it('"from wed at 2" is 2 o\'clock', () => {
    const u = read('move my appt from wed at 2 thu');
    expect(u.intent).toBe('reschedule');
    expect(u.when?.exactTime || u.apptWhen?.exactTime).toBe(true);
  });
  it('"book a cut fri 2 pm" is 2 pm', () => expect(localNY(read('book a cut fri 2 pm').when?.from)).toBe('2026-12-04 14:00'));
  it('"can i come in from 2 to 4 on sat" is a window, no move', () => expect(read('can i come in from 2 to 4 on sat').intent).not.toBe('reschedule'));
  it.each(['a cut on the 9th 2 people', 'from the 9th 2 weeks later', 'free from 10 2 the 12th?', 'move it from wed at 2 thu'])('"2" kept in "%s"', (text) =>
    expect(spellTwoAsTo(text)).toBe(text));
});
