import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 31a (set 30's yf056): "how many appts do i have in december? lost track" asked which
// service. One's bookings counted is a question about them: they are listed, of the span said.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('one\'s bookings counted', () => {
  it.each([
    ['how many appts do i have in december? lost track', '2026-12-01'],
    ['how many appointments do we have next week', '2026-12-07'],
    ['how many visits do i have this month', '2026-12-01'],
    ['how many appts have i got left', undefined],
    ['how many bookings do we have', undefined],
  ])('%s', (text, from) => {
    const u = read(text);
    expect(u.intent).toBe('my_appointments');
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe(from);
  });
});

describe('near misses: not one\'s own bookings', () => {
  it.each(['how many cuts do u do a day', 'how many people can you fit', 'how many stylists do you have'])('%s', (text) =>
    expect(read(text).intent).not.toBe('my_appointments'));
});
