import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { withoutKnownRemark } from '../../../src/conversation/understanding/known-remark.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 30b (set 29's yd021, yd060): "what time is my color on the 9th again? i know the cut is
// at 2" asks the time of a booking had and adds what the customer knows or guesses of it (or of
// another). The remark asks nothing; only the question is read: the customer's bookings are shown.

describe('a booking asked, then what is known of it', () => {
  it.each([
    ['what time is my color on the 9th again? i know the cut is at 2', 'svc-color'],
    ["when is my next hair appt, I think it's before new year?", undefined],
    ['whens my trim? pretty sure its thursday', 'svc-cut'],
    ['what time is my color friday, i believe the cut is at 4', 'svc-color'],
    ["what day is my appt again? i thought it was the 12th", undefined],
    ['when is our appointment? im pretty sure its in the morning', undefined],
  ])('%s', (text, service) => {
    const u = understand(text, ctxOnDec1(null));
    expect(u.intent).toBe('my_appointments');
    expect(u.serviceId).toBe(service);
  });
});

describe('near misses: the remark asks something, or nothing is asked of a booking', () => {
  it.each([
    'when is my appt? i think i need to move it',
    'what time is my cut? can i move it to 3',
    'what time is my cut on friday? i think its at 2 but can we push it to 4',
    'i think my cut is at 2, can i add a color after',
    'what times do you have friday? i think 2 works',
  ])('%s keeps its remark', (text) => {
    expect(withoutKnownRemark(text)).toBe(text);
  });

  it('a move asked after the guess is still a move', () => {
    expect(understand('what time is my cut on friday? i think its at 2 but can we push it to 4', ctxOnDec1(null)).intent).not.toBe('my_appointments');
  });
});
