import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { nextToBooking } from '../../../src/conversation/understanding/next-to-booking.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 31c (set 30's yf104): "could i squeeze in a color before my 11 on friday? like 9:30"
// proposed the color at 11: "my 11" (a booking named by a bare hour) was not read as a booking,
// so its hour became the new one's. A bare hour after "my", alone or with only its day after it,
// names the booking; the time said elsewhere is the new booking's.

const read = (text: string) => understand(text, ctxOnDec1(null));
/** "2026-12-04 15:30" → "03:30": the clock said, whichever half of the day it was read in. */
const onTwelveHourClock = (local: string | undefined) => {
  const [hour, minute] = (local ?? '').slice(-5).split(':').map(Number);
  return `${String(hour! % 12).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
};
const isService = (w: string) => /\b(?:cut|trim|color|haircut)\b/.test(w);

describe('a booking named by its bare hour', () => {
  it.each([
    ['could i squeeze in a color before my 11 on friday? like 9:30', 'start', 'svc-color', '09:30'],
    ['can i get a trim after my 2 tmrw, at 3:30?', 'end', 'svc-cut', '03:30'],
    ['after my 3 on sat could i add a color at 4', 'end', 'svc-color', '04:00'],
    ['can i fit a color in before my 4 on the 8th? 1:30', 'start', 'svc-color', '01:30'],
    ['a trim right after my 10 on thursday, at 11:30', 'end', 'svc-cut', '11:30'],
  ])('%s', (text, edge, asked, clock) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBe(asked);
    expect(u.nextTo?.edge).toBe(edge);
    expect(u.when?.exactTime).toBe(true);
    expect(onTwelveHourClock(localNY(u.when?.from))).toBe(clock);
  });

  it('the bare hour is the booking\'s, not the new time', () => {
    expect(nextToBooking('could i squeeze in a color before my 11 on friday? like 9:30', isService)?.booking).toBe('my 11 on friday');
  });
});

describe('near misses: a number after "my" that names no booking', () => {
  it.each([
    'could i get a color before my 2 kids get home',
    'a trim after my 3 meetings on friday',
    'can i book a color for my 2 daughters',
  ])('%s', (text) => expect(nextToBooking(text.toLowerCase(), isService)).toBeUndefined());
});
