import { describe, expect, it } from 'vitest';
import { parseShift, sameDayWay, withoutSameDay } from '../../../src/conversation/understanding/moves.ts';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 as ctx, localNY } from './fixtures.ts';

// Moves of a booking (branch f-moves3): which booking and which new time when both are named
// ("move thursday's dye to monday at 1", "change my booking friday to 4", "i have to
// reschedule thursday. is monday morning ok?"), the person a move asks for ("with will
// rather than dana"), a time said before its day ("4pm instead on thursday"), another time
// on the booking's own day ("anything later that same day?"), a return to an earlier time
// ("can we go back to wednesday at 2"), and a move asked beside a price question.

const local = localNY;

describe('a move naming the booking and the new time', () => {
  it.each([
    ["could u move thursday's dye to monday at 1", '2026-12-03 00:00', '2026-12-07 13:00'],
    ["pls move friday's trim over to the 9th at 11am", '2026-12-04 00:00', '2026-12-09 11:00'],
  ])('%s: the first day is the booking, the second the new time', (text, booking, target) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.apptWhen?.from)).toBe(booking);
    expect(local(u.when?.from)).toBe(target);
  });

  it.each([
    ['could you change my booking friday to 4', '2026-12-04 00:00', 16],
    ['switch my thursday one to 11 pls', '2026-12-03 00:00', 11],
  ])('%s: a bare hour after "to" is the new time on the booking\'s day', (text, booking, hour) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.apptWhen?.from)).toBe(booking);
    expect(u.when?.exactTime).toBe(true);
    expect(u.when?.dayNamed).toBe(false);
    expect(Number(local(u.when?.from)!.slice(11, 13))).toBe(hour);
  });

  it('"change it to 2 people" is no hour', () => {
    expect(understand('can i change it to 2 people', ctx()).when).toBeUndefined();
  });

  it('a sentence end separates the booking from the new time', () => {
    const u = understand('i have to reschedule thursday. is monday morning ok?', ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.apptWhen?.from)).toBe('2026-12-03 00:00');
    expect(local(u.when?.from)?.slice(0, 10)).toBe('2026-12-07');
  });

  it("a cancel's next sentence is what stays, never a new time", () => {
    const u = understand('cancel the one on the 9th please. the 4th stays', ctx());
    expect(u.intent).toBe('cancel');
    expect(local(u.when?.from)?.slice(0, 10)).toBe('2026-12-09');
  });
});

describe('the person a move asks for', () => {
  it.each([
    ['can i have jose rather than dana', 'st-jose'],
    ['move it to friday 3pm with jose instead of will', 'st-jose'],
  ])('%s', (text, staffId) => {
    expect(understand(text, ctx()).staffId).toBe(staffId);
  });

  it('one person ruled out among three, no other named: anyone', () => {
    const u = understand('anyone instead of dana is fine', ctx());
    expect(u.staffId).toBeUndefined();
    expect(u.anyStaff).toBe(true);
  });
});

describe('a time said before its day', () => {
  it.each([
    ['could i do 4pm instead on thursday', '2026-12-03 16:00'],
    ['is 10:30 possible on monday', '2026-12-07 10:30'],
  ])('%s', (text, target) => {
    expect(local(understand(text, ctx()).when?.from)).toBe(target);
  });

  it('"at 10 or monday" sets the day against the time: no day joined', () => {
    expect(understand('at 10 or monday', ctx()).when?.dayNamed).toBe(false);
  });
});

describe("another time on the booking's own day", () => {
  it.each([
    ['anything later that same day?', 'later'],
    ['could i come in earlier in the day', 'earlier'],
    ['same day but sooner if u can', 'earlier'],
    ['a later spot on the same day would be great', 'later'],
  ])('%s: %s', (text, way) => {
    expect(sameDayWay(text)).toBe(way);
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.shift?.sameDay).toBe(way);
    // "in the day" is no day of its own.
    expect(u.when).toBeUndefined();
  });

  it('with a time: that time, no day of its own ("earlier in the day, say 9")', () => {
    const u = understand('could i come earlier in the day, say 9am?', ctx());
    expect(u.shift?.sameDay).toBe('earlier');
    expect(u.when?.dayNamed).toBe(false);
    expect(local(u.when?.from)?.slice(11)).toBe('09:00');
  });

  it('"later" alone, or "two hours later", is no same-day window', () => {
    expect(sameDayWay('later works better')).toBeUndefined();
    expect(parseShift('two hours later pls')?.sameDay).toBeUndefined();
    expect(withoutSameDay('later in the day after 4').trim()).toBe('after 4');
  });

  it('with times on screen, "later that day" asks for other offers, no move', () => {
    expect(understand('got anything later that day?', ctx('choice')).intent).not.toBe('reschedule');
  });
});

describe('a move said beside a question', () => {
  it('"can we go back to wednesday at 2" changes a booked time', () => {
    const u = understand('ugh my plans changed again, can we go back to wednesday at 2?', ctx());
    expect(u.changesBooked).toBe(true);
    expect(local(u.when?.from)).toBe('2026-12-02 14:00');
  });

  it('"11 instead on monday? and how much is a dye": the price, then a move', () => {
    const u = understand('could we make it 11 instead on monday? and how much is a dye', ctx());
    expect(u.intent).toBe('business_info');
    expect(u.alsoBooks).toBe(true);
    expect(u.changesBooked).toBe(true);
    expect(local(u.when?.from)).toBe('2026-12-07 11:00');
  });

  it('a new booking beside a price question stays a booking', () => {
    const u = understand('trim on monday at 11, and how much is it', ctx());
    expect(u.alsoBooks).toBe(true);
    expect(u.changesBooked).toBeUndefined();
  });
});
