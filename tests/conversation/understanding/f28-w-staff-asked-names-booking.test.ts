import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 28w (set 26's zx059): "do i have anything with lee coming up?" then "cancel that": the
// person the question names is read with it, so the list remembers the one booking with them
// (provider.ts withStaffAsked) and "that" means it. A question naming nobody names no booking.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('a question about what is booked keeps the person it names', () => {
  it.each([
    'do i have anything with dana coming up?',
    'am i booked with dana at all',
    'when am i seeing dana next',
    'whats on the books with dana',
    'do i have something w will turner this month',
  ])('%s', (text) => {
    const u = read(text);
    expect(u.intent).toBe('my_appointments');
    expect(u.staffId).toMatch(/^st-(dana|will)$/);
  });
});

describe('near misses', () => {
  it('a question naming nobody has no person', () => {
    const u = read('do i have anything coming up');
    expect(u.intent).toBe('my_appointments');
    expect(u.staffId).toBeUndefined();
  });
  it('a booking with the person is no question about what is booked', () => {
    expect(read('can i book a cut with dana friday at 2').intent).toBe('book');
  });
  it('"cancel that" after the list is a cancel of what was shown', () => {
    const u = read('ok can u cancel that, dont need it anymore');
    expect(u.intent).toBe('cancel');
    expect(u.refersToShown).toBe(true);
  });
});
