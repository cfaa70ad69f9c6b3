import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctx } from './fixtures.ts';

// f24-c (set 23's zr092): "so what else do i have?" after a cancel asks for the bookings left.

describe('the bookings left asked about', () => {
  it.each([
    'so what else do i have?',
    'what else do i have',
    'what do i have left',
    'ok what have we got remaining',
    "what's left for me",
    'anything else booked for me?',
    'do i have anything else coming up',
    'which ones do i have left',
    'what do i still have',
  ])('%j: my appointments', (text) => {
    expect(understand(text, ctx()).intent).toBe('my_appointments');
  });

  it.each(['what else do you have', 'what else do i have to bring', 'what else do you have on friday', 'do you have anything else on friday'])(
    '%j: not the bookings held',
    (text) => {
      expect(understand(text, ctx()).intent).not.toBe('my_appointments');
    },
  );
});
