import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { parseShift } from '../../../src/conversation/understanding/moves.ts';
import { ctxOnDec1 as ctx, localNY as local } from './fixtures.ts';

// Moves (held-out set 9): the booking named between the verb and the way ("push my appt on
// friday back an hour"), "up a day" as earlier, a weekday counted from the booking's day
// ("the following tuesday"), and a person said to be away ("jose is off then").

describe('the booking named between the verb and the way', () => {
  it.each([
    ['could you bump my appt on friday back 45 min', 45, '2026-12-04 00:00'],
    ['pls push the 2pm on monday back an hour', 60, '2026-12-07 14:00'],
    ['can we move my cut for wednesday forward 30 minutes', -30, '2026-12-02 00:00'],
  ])('%s: shifted by %i, the day names the booking', (text, minutes, day) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.shift?.minutes).toBe(minutes);
    expect(local(u.apptWhen?.from)).toBe(day);
  });
});

describe('whole days up or back', () => {
  it.each([
    ['could you shift my dye up a day', -1],
    ['bump my trim up by two days', -2],
    ['move my massage back by a day', 1],
    ['push the facial out by a week', 7],
  ])('%s: %i days', (text, days) => {
    expect(parseShift(text)?.days).toBe(days);
  });
});

describe('a weekday counted from the booking', () => {
  it.each([
    ['move my friday trim to the following friday', 5],
    ['could we do the tuesday after instead, same time', 2],
    ['can i push it to the following mon', 1],
    ['the wednesday after that works better', 3],
  ])('%s: weekday %i after the booking', (text, weekday) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.shift?.weekday).toBe(weekday);
  });

  it('asking for a new booking, "the following monday" is the date as read', () => {
    const u = understand('book me a trim the following monday', ctx());
    expect(u.intent).toBe('book');
    expect(u.shift).toBeUndefined();
    expect(local(u.when?.from)).toBe('2026-12-07 00:00');
  });

  it('a time said with it stays', () => {
    const u = understand('move my thursday color to the following monday at 3pm', ctx());
    expect(u.shift?.weekday).toBe(1);
    expect(local(u.apptWhen?.from)).toBe('2026-12-03 00:00');
    expect(u.when?.exactTime).toBe(true);
  });

  it.each(['move it to the friday after next', 'the saturday after my haircut', 'the monday after the 14th'])('%s: no weekday counted from the booking', (text) => {
    expect(parseShift(text)?.weekday).toBeUndefined();
  });
});

describe('a person said to be away', () => {
  it.each([
    ['move my cut to friday at 6, dana is off by then so jose is fine', 'st-jose'],
    ["i know jose's gone fridays, can dana do my trim friday at 4 instead", 'st-dana'],
  ])('%s: the other one named', (text, staff) => {
    expect(understand(text, ctx()).staffId).toBe(staff);
  });

  it('a name said kindly is still asked for', () => {
    expect(understand('dana is great, move my cut to friday', ctx()).staffId).toBe('st-dana');
  });
});
