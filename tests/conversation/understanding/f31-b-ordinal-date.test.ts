import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { bookingByOrder } from '../../../src/conversation/understanding/which-booking.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 31b (set 30's yf096): "can u move my thurs the 3rd appt to 11 and cancel the one on the 10th":
// "the 3rd appt" was read as the third booking, and with two booked it asked which. An ordinal
// right after a weekday or a month is that day of the month: the booking named by its date.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('an ordinal after a weekday or month is a date', () => {
  it.each([
    ['can u move my thurs the 3rd appt to 11 and cancel the one on the 10th', '2026-12-03'],
    ['move my thursday the 3rd appointment to 2pm', '2026-12-03'],
    ['cancel my wed the 2nd appt', '2026-12-02'],
    ['can i move my thu the 3rd booking to friday', '2026-12-03'],
    ['i need to cancel my wednesday the 2nd booking', '2026-12-02'],
  ])('%s', (text, day) => {
    const u = read(text);
    expect(u.order).toBeUndefined();
    const said = u.intent === 'cancel' ? u.when : u.apptWhen;
    expect(localNY(said?.from)?.slice(0, 10)).toBe(day);
  });
});

describe('near misses: an ordinal said alone orders the bookings', () => {
  it.each([
    ['cancel the 3rd appt', 2],
    ['move my 2nd appointment to friday', 1],
    ['cancel friday the later one', -1],
    ['move the first one to sat', 0],
    ['cancel the 2nd one', 1],
  ])('%s', (text, order) => expect(bookingByOrder(text.replace('2nd one', 'second one'))).toBe(order));
});
