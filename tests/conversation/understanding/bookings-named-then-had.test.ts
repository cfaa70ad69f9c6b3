import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// "remind me what appts i have": the bookings asked for with the noun first and no "do".

describe('bookings named, then had', () => {
  it.each([
    'remind me what appointments i have',
    'can you tell me which bookings we have',
    'pls list what appts ive got coming up',
    'what reservations we have with you again?',
  ])('%s: the customer\'s bookings', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('my_appointments');
  });

  it.each(['what times do you have friday', 'what appointments do you have open tomorrow'])('%s: openings, not bookings', (text) => {
    expect(understand(text, ctxOnDec1()).intent).not.toBe('my_appointments');
  });
});
