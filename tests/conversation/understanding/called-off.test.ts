import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Cancels said without "cancel" (set 10's q-01, q-02): the customer will not be there,
// backs out, or no longer needs the booking.

describe('a cancel said without "cancel"', () => {
  it.each([
    ["i'm not gonna be able to make it saturday", '2026-12-05'],
    ['im not coming in tomorrow', '2026-12-02'],
    ['sorry got to back out of friday', '2026-12-04'],
    ['i have to flake on my trim wednesday', '2026-12-02'],
    ['going to have to skip thursday, sorry', '2026-12-03'],
    ["we aren't going to make it to the massage on the 9th", '2026-12-09'],
  ])('%s', (text, day) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe(day);
  });

  it('the booking no longer needed is the one canceled, the one kept is not', () => {
    const u = understand("don't need the manicure any more, keep my facial", ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(u.serviceId).toBe('svc-mani');
  });

  it.each(['is dana not coming in today?', 'can i skip the blow dry', "i don't need a color, just a trim friday", 'not coming from work until 5, anything at 6 friday?'])('%s is no cancel', (text) => {
    expect(understand(text, ctxOnDec1()).intent).not.toBe('cancel');
  });

  it('a time asked in its place still moves the booking', () => {
    const u = understand("not gonna make it thursday, could we do friday at 11 instead", ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.when?.from)).toBe('2026-12-04 11:00');
  });
});
