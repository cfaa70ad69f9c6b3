import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 30d (set 29's yd047): "can i move my cut to my lunch break the next day instead? fri 18th
// between 12 and 2": "the next day" (or "the following day/week") counted from the booking, said
// beside a day named by its date, only led to that date; the date and its window are the new
// time, as with "the day before instead, fri the 18th". Without a date beside it, or with the
// date naming the booking, it stays a shift from the booking.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('a relative day restated by its date: the date and its window are the new time', () => {
  it.each([
    ['can i move my cut to my lunch break the next day instead? fri 18th between 12 and 2', '2026-12-18 12:00', '2026-12-18 14:00'],
    ['move my cut to the next day, fri 18th between 12 and 2', '2026-12-18 12:00', '2026-12-18 14:00'],
    ['could you move it to the following day instead, the 18th after 3', '2026-12-18 15:00', '2026-12-19 00:00'],
    ['move my color to the following week, tues the 15th in the morning', '2026-12-15 00:00', '2026-12-15 12:00'],
    ['push my appt to the next day - dec 18 around 1', '2026-12-18 13:00', '2026-12-18 13:01'],
  ])('%s', (text, from, to) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(u.shift).toBeUndefined();
    expect([localNY(u.when?.from), localNY(u.when?.to)]).toEqual([from, to]);
  });
});

describe('near misses: the shift stands', () => {
  it('"move it to the next day": a day on from the booking', () => {
    expect(read('move it to the next day').shift).toMatchObject({ days: 1, minutes: 0 });
  });
  it('"push my thursday cut to the next day pls": the weekday names the booking', () => {
    const u = read('push my thursday cut to the next day pls');
    expect(u.shift).toMatchObject({ days: 1 });
    expect(localNY(u.apptWhen?.from)).toBe('2026-12-03 00:00');
  });
  it.each(['move my dec 17 appt to the next day', 'move my appt on the 17th to the next day'])('%s: the date names the booking', (text) => {
    const u = read(text);
    expect(u.shift).toMatchObject({ days: 1 });
    expect(localNY(u.apptWhen?.from)).toBe('2026-12-17 00:00');
  });
});
