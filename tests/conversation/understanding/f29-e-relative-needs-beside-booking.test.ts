import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { withBookingBesides } from '../../../src/conversation/understanding/booking-besides.ts';
import { ctxOnDec1 as ctx, localNY as local } from './fixtures.ts';

// f29-e (set 28's yb119): a booking named beside a new one, the new one said as what a relative
// needs or wants ("separate from my appt on the 12th, my daughter needs a trim this sat
// morning") is a new booking on its own day, not a look at the sender's bookings.

describe('a relative needs a booking beside the sender\'s own', () => {
  it.each([
    ["separate from my appt on the 12th, my daughter needs a trim this sat morning, whatever's earliest", '2026-12-05'],
    ['besides my color on the 10th, my son needs a cut fri at 4', '2026-12-04 16:00'],
    ['apart from my cut on the 9th, my husband wants a color next tues at 10', '2026-12-08 10:00'],
    ['on top of my color on the 10th, my wife needs a haircut on the 11th at 2', '2026-12-11 14:00'],
  ])('%j: a new booking on its own day', (text, when) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('book');
    expect(local(u.when?.from)).toContain(when);
    expect(u.othersBooking).toBe(true);
  });

  it.each([
    'other than my appt on the 12th my daughter needs nothing',
    'besides my color on the 10th, my son says hi',
  ])('%j: nothing asked beside the booking, nothing set apart', (text) => {
    expect(withBookingBesides(text)).toBeUndefined();
  });

  it('the sender asking still reads as before', () => {
    expect(withBookingBesides('besides my color on the 10th, can i get a haircut sat the 12th at 3')).toBe('can i get a haircut sat the 12th at 3');
  });
});
