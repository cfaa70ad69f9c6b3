import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// f29-b (set 28's yb047): "between 12 and 2 instead": the hour closing a window is no bare new
// hour said "instead"; the window is searched from its start.

describe('a window asked instead', () => {
  it.each([
    ['could I come on wed the 9th sometime between 12 and 2 instead?', '2026-12-09 12:00', '2026-12-09 14:00'],
    ['can we do friday from 1 to 3 instead', '2026-12-04 13:00', '2026-12-04 15:00'],
    ['thursday between 10 and 12 is better', '2026-12-03 10:00', '2026-12-03 12:00'],
    ['move it to the 10th between 11 and 1 if possible', '2026-12-10 11:00', '2026-12-10 13:00'],
    ['wed between 2 and 4 would be better', '2026-12-02 14:00', '2026-12-02 16:00'],
  ])('%j: the whole window', (text, from, to) => {
    const u = understand(text, ctxOnDec1());
    expect(u.when?.exactTime).toBe(false);
    expect(localNY(u.when?.from)).toBe(from);
    expect(localNY(u.when?.to)).toBe(to);
  });

  it.each([
    ['can we do 3 instead', '2026-12-01 15:00'],
    ['no sorry 12 is better', '2026-12-01 12:00'],
  ])('%j: a bare hour instead is still that hour', (text, from) => {
    const u = understand(text, ctxOnDec1());
    expect(u.when?.exactTime).toBe(true);
    expect(localNY(u.when?.from)).toBe(from);
  });

  it.each([
    ['pls move my color on the 8th from 9 to 11', '2026-12-08 09:00', '11:00'],
    ['push my color on the 9th from 10 to 11', '2026-12-09 10:00', '11:00'],
    ['shift my cut on friday from 2 to 4 instead', '2026-12-04 14:00', '16:00'],
  ])('%j: after a move verb, "from" names the booking and the hour after "to" is the new time', (text, booking, clock) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(u.when?.exactTime).toBe(true);
    expect(localNY(u.when?.from)?.slice(11)).toBe(clock);
  });
});
