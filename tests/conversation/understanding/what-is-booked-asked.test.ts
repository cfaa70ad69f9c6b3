import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Questions about what is booked in other wordings than the usual ones (issue 14, set 12):
// "wut have i got booked", "what do we have with you", "did we book it for the 9th or the
// 16th?", "we still good for 11 friday?". Each lists the bookings; nothing is booked.

describe('what is booked, asked in shorthand or "with you"', () => {
  it.each(['wut have i got booked', 'wht do i have scheduled', 'what do we have with you', 'hey what have i got w y\'all'])('%s: the appointments', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('my_appointments');
  });
});

describe('which day was booked, asked back', () => {
  it('two months asked back: the window spans both whole months, in calendar order', () => {
    const u = understand('did we book it for february or was that january??', ctxOnDec1());
    expect(u.intent).toBe('my_appointments');
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe('2027-01-01');
    expect(localNY(u.when?.to)?.slice(0, 10)).toBe('2027-03-01');
  });

  it('"december or january": the month after the "or" is whole too', () => {
    const u = understand('did i book my dye for december or january? cant remember', ctxOnDec1());
    expect(u.intent).toBe('my_appointments');
    expect(localNY(u.when?.to)?.slice(0, 10)).toBe('2027-02-01');
  });

  it('a date asked back', () => {
    expect(understand('did i schedule my trim for the 9th?', ctxOnDec1()).intent).toBe('my_appointments');
  });

  it.each(['did i book for 2 people?', 'did i book for my son too'])('%s: no question about the day', (text) => {
    expect(understand(text, ctxOnDec1()).intent).not.toBe('my_appointments');
  });

  it('"that may be" names no month', () => {
    expect(understand('i think that may be wrong, what do i have', ctxOnDec1()).when).toBeUndefined();
  });
});

describe('"still on" with the time before the day', () => {
  it.each([
    ['we still good for 11 friday?', '2026-12-04'],
    ['am i still on for 3:30 tmrw', '2026-12-02'],
  ])('%s: the appointments of that day', (text, day) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('my_appointments');
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe(day);
  });

  it('the same words with a booking asked stay a booking', () => {
    expect(understand('book me a trim at 11 friday', ctxOnDec1()).intent).toBe('book');
  });
});
