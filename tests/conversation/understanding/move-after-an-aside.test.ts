import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 as ctx, localNY } from './fixtures.ts';

// A move said after an aside whose "to" opens a verb ("i'll swing by to pick up some gel,
// and can you move my trim on the 9th to 3"): that "to" is before the move's own verb, so it
// never splits the booking from its new time.

describe('a "to" before the move verb', () => {
  it.each([
    ["i'll swing by to pick up some gel later, and can you move my trim on the 9th to 3", '2026-12-09 00:00', '15:00'],
    ['going to try to come earlier, could you move my cut on friday to 11', '2026-12-04 00:00', '11:00'],
  ])('%s: the booking is the one named after the verb', (text, booking, hour) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(localNY(u.when?.from)?.slice(11)).toBe(hour);
  });

  it('a "to" after the verb still splits: "i need to move my color on the 10th to 2"', () => {
    const u = understand('i need to move my color on the 10th to 2', ctx());
    expect(localNY(u.apptWhen?.from)).toBe('2026-12-10 00:00');
    expect(localNY(u.when?.from)?.slice(11)).toBe('14:00');
  });
});
