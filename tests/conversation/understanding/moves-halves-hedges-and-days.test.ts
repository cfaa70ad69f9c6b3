import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { parseShift } from '../../../src/conversation/understanding/moves.ts';
import { readLengthAndSize } from '../../../src/conversation/understanding/length-and-size.ts';
import { ctxOnDec1 as ctx, localNY } from './fixtures.ts';

// Moves (held-out set 8): a change "to" a date, a date in brackets, a keep
// wished too late before a rebooking, and shifts said as "and a half", with hedges ("a bit,
// like 30 mins") or in whole days ("3 days later").

const local = localNY;

describe('a change to a named date', () => {
  it.each([
    ['gotta change my dye to the 14th at 3', '2026-12-14 15:00'],
    ['can i change the trim to friday at 10', '2026-12-04 10:00'],
  ])('%s: a move to that date and time', (text, target) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.when?.from)).toBe(target);
  });

  it('"change my mind" is no move', () => {
    expect(understand('i might change my mind to be honest', ctx()).intent).not.toBe('reschedule');
  });

  it('a date in brackets says which weekday: "the friday after (the 11th)" is the 11th', () => {
    const u = understand('move my haircut to the friday after (the 11th), same time please', ctx());
    expect(u.intent).toBe('reschedule');
    expect(local(u.when?.from)).toBe('2026-12-11 00:00');
    expect(u.shift?.sameTime).toBe(true);
  });
});

describe('a keep wished too late, then a rebooking', () => {
  it('the rebooking counts, with its day and time', () => {
    const u = understand('ugh no i wanted to keep that one, could i rebook the trim on the 9th at 2pm', ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.serviceId).toBe('svc-cut');
    expect(local(u.when?.from)).toBe('2026-12-09 14:00');
  });

  it('a keep with nothing after it is still a no', () => {
    const u = understand('no wait, keep it', ctx('confirmation'));
    expect(u.intent).toBe('decline');
  });
});

describe('shifts', () => {
  it.each([
    ['could you push my cut back an hour and a half', 90],
    ['2 hours and a half later if possible', 150],
    ['move it up an hour and a half', -90],
    ['could we push my thursday haircut back two and a half hours', 150],
    ['push it back a bit, like 45 mins?', 45],
    ['can we push it back maybe 15 minutes', 15],
    ['bring it forward a little, about 30 min', -30],
  ])('%s: %i minutes', (text, minutes) => {
    expect(parseShift(understandText(text))?.minutes).toBe(minutes);
  });

  it.each([
    ['3 days later would be better', 3],
    ['actually two days after works', 2],
    ['2 days earlier pls', -2],
  ])('%s: %i days from the booking', (text, days) => {
    expect(parseShift(understandText(text))?.days).toBe(days);
  });

  it.each(['in 2 days', '2 days from now'])('%s: no shift, a date from today', (text) => {
    expect(parseShift(text)?.days ?? 0).toBe(0);
  });

  it('a hedged shift amount is no length of the booking', () => {
    expect(readLengthAndSize('push it back a bit? like 30 mins').durationMinutes).toBeUndefined();
    expect(readLengthAndSize('a haircut for like 30 mins').durationMinutes).toBe(30);
  });

  it('a hedged push is a move of that many minutes', () => {
    const u = understand('can you push it back a bit, maybe 20 mins', ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.shift?.minutes).toBe(20);
    expect(u.when).toBeUndefined();
  });
});

/** The text as the shift parser sees it: lower case, punctuation gone. */
function understandText(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();
}
