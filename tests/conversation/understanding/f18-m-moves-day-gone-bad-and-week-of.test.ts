import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { goneBadAfterAsk } from '../../../src/conversation/understanding/which-booking.ts';
import { ctxOnDec1 as ctx, localNY as local } from './fixtures.ts';

// f18-m (set 17's zf027, zf042, zf043, zf044): a clause after a move's new time saying a day
// went bad names the booking moved; "the week of" a day is that whole week.

describe('a day gone bad after the new time of a move', () => {
  it.each([
    ['could you shift my cut to wed at 3? thursday got too busy', '2026-12-03', '2026-12-02 15:00'],
    ['reschedule me to the 12th at 1pm. the 8th isnt working for me anymore', '2026-12-08', '2026-12-12 13:00'],
    ['move my color to sat at 11, fri is no good now', '2026-12-04', '2026-12-05 11:00'],
  ])('%s: the bad day is the booking, the rest the new time', (text, booking, target) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.apptWhen?.from)?.slice(0, 10)).toBe(booking);
    expect(local(u.when?.from)).toBe(target);
  });

  it('a move into a week keeps that week once the booked day is dropped', () => {
    const u = understand('can we move my cut to next week, the 3rd is bad now', ctx());
    expect(local(u.apptWhen?.from)?.slice(0, 10)).toBe('2026-12-03');
    expect(local(u.when?.from)?.slice(0, 10)).toBe('2026-12-07');
    expect(local(u.when?.to)?.slice(0, 10)).toBe('2026-12-14');
  });

  it.each(['the 10th is bad now, move me to friday', 'friday got crazy'])('%s: no request before the bad day, nothing split', (text) => {
    expect(goneBadAfterAsk(text)).toBeUndefined();
  });

  it('a new booking beside a busy day names no booking had', () => {
    const u = understand('book me a cut monday at 9, friday is too busy', ctx());
    expect(u.apptWhen).toBeUndefined();
    expect(local(u.when?.from)).toBe('2026-12-07 09:00');
  });
});

describe('the week of a day', () => {
  it.each([
    ['move it to the week of the 21st', '2026-12-21', '2026-12-28'],
    ['any time the week of dec 16 works', '2026-12-14', '2026-12-21'],
    ['week of the 3rd please', '2026-12-01', '2026-12-07'],
  ])('%s: Monday to Sunday around it, from today on', (text, from, to) => {
    const u = understand(text, ctx());
    expect(local(u.when?.from)?.slice(0, 10)).toBe(from);
    expect(local(u.when?.to)?.slice(0, 10)).toBe(to);
    expect(u.when?.exactTime).toBe(false);
  });
});
