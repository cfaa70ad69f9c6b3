import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctx } from './fixtures.ts';

// Questions about a booking the customer has (or thinks they have), which name a service and
// a day and so once read as a request for openings: whether it is on a day, and when the
// family's bookings are. Each is answered with the bookings; nothing is offered or booked.

describe('whether the own booking is on a day', () => {
  it.each([
    'is my haircut tmrw?',
    'is my appt on friday?',
    'my cut is thursday right?',
    'was my color on the 10th',
    'is my hair cut tmr',
    'so is my trim at 2?',
    'my appt is on sat right',
    "my appt's at 2 yeah",
  ])('"%s" asks for the bookings', (text) => {
    expect(understand(text, ctx()).intent).toBe('my_appointments');
  });
});

describe('when the family bookings are', () => {
  it.each([
    "what time are the kids' haircuts saturday again?",
    "when is my son's appt",
    'wat time r my kids cuts sat',
    'what time is my daughters trim tmrw',
    'when are our boys haircuts on friday',
  ])('"%s" asks for the bookings', (text) => {
    expect(understand(text, ctx()).intent).toBe('my_appointments');
  });
});

describe('near-misses keep their reading', () => {
  it.each([
    'can i get a cut tmrw?',
    'is lee free tmrw for a cut',
    'is my stylist in on friday? id like a trim',
    'can my son get a haircut saturday',
    'what time is open saturday for a cut',
  ])('"%s" is not a question about the bookings', (text) => {
    expect(understand(text, ctx()).intent).not.toBe('my_appointments');
  });
});
