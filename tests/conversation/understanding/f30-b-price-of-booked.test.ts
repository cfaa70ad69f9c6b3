import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 30b (set 29's yd057): "how much is the color i have on the 16th, and how much is the cut
// after it?" asks the prices of services the customer has booked; the day and "after it" say
// which bookings, not a new booking beside them. Asking a booking too stays a booking.

describe('the price of a booked service', () => {
  it.each([
    // Two services asked: either may lead the reading; the answer gives the price of each booking shown.
    ['how much is the color i have on the 16th, and how much is the cut after it?', ['svc-color', 'svc-cut']],
    ['how much will my cut on friday be?', 'svc-cut'],
    ["what's the price of the color i'm booked for on the 9th", 'svc-color'],
    ['how much is the trim i have thursday', 'svc-cut'],
    ['how much is my color on the 16th and the cut after it?', ['svc-color', 'svc-cut']],
  ])('%s', (text, service) => {
    const u = understand(text, ctxOnDec1(null));
    expect(u.intent).toBe('business_info');
    expect([service].flat()).toContain(u.serviceId);
    expect(u.alsoBooks).toBeUndefined();
    expect(u.nextTo).toBeUndefined();
  });
});

describe('near misses: a booking asked beside the price', () => {
  it.each([
    'how much is a color, can i book one fri',
    'how much is my color and can i add a cut after it on the 16th',
    'book me a cut after my color on the 16th',
    'how much is a cut? i want one friday at 2',
  ])('%s', (text) => {
    const u = understand(text, ctxOnDec1(null));
    expect(u.intent === 'book' || u.alsoBooks === true).toBe(true);
  });
});
