import { describe, expect, it } from 'vitest';
import { claimsBookingOutcome } from '../../src/conversation/turn/booking-claims.ts';

// Which of a model's sentences count as claiming a booking outcome (and are withheld from
// the customer, see openai-provider-claims.test.ts), and which ordinary answers pass.

describe('what counts as a booking claim', () => {
  it.each([
    'Done, booked at 3am.',
    "You're booked!",
    'Great, you are confirmed!',
    'Your appointment has been cancelled.',
    'I have canceled it for you',
    "I\u2019ve rescheduled your haircut to Friday.",
    "It's moved to 2pm.",
    "You're all set for tomorrow.",
    'See you Thursday at 10!',
    'Your spot is reserved.',
    'Booked.',
    'All set!',
    "OK, that's taken care of.",
    'Your visit is locked in for Friday',
  ])('flags %j', (text) => {
    expect(claimsBookingOutcome(text)).toBe(true);
  });

  it.each([
    'Which time would you like?',
    'I can book that for you. Which of the times works?',
    'Would you like me to cancel it?',
    'Please give 24 hours notice to change or cancel.',
    'Appointments canceled with less than a day of notice may be charged by the salon.',
    'We are open Monday to Friday, 9 to 5.',
    'Our address is 12 Main St, New York.',
  ])('lets %j through', (text) => {
    expect(claimsBookingOutcome(text)).toBe(false);
  });
});
