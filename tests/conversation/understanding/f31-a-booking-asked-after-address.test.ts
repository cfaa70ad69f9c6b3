import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 31a (set 30's yf057): "whats the address for my friday appt and what time was it" gave
// only the address. The second question's "it" is the booking the first named: both are
// answered, the booking of the day said.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('the address, then the time of the booking it was asked for', () => {
  it.each([
    ['whats the address for my friday appt and what time was it', '2026-12-04'],
    ["what's the addy for my sat appt, and what time was that", '2026-12-05'],
    ['where do i go for my monday appt and what time is it', '2026-12-07'],
    ['where do i park for my thursday appt, and when is it again', '2026-12-03'],
    ['whats the address for my appt tomorrow and when is it again', '2026-12-02'],
  ])('%s', (text, day) => {
    const u = read(text);
    expect(u.intent).toBe('my_appointments');
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe(day);
  });
});

describe('near misses', () => {
  it('the address and the hours are two business questions', () => {
    const u = read('whats the address and what time do you close');
    expect(u.intent).toBe('business_info');
  });
  it('"what time was it" alone asks the booking, of no day', () => {
    const u = read('what time was it');
    expect(u.intent).toBe('my_appointments');
    expect(u.when).toBeUndefined();
  });
  it('a second question with no "it" keeps no day of the first', () => {
    const u = read('whats the address for my friday appt and when is my next color');
    expect(u.when).toBeUndefined();
  });
});
