import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

const intent = (text: string) => understand(text, ctxOnDec1()).intent;

describe('the own bookings asked without "my appointment"', () => {
  it.each([
    'pretty sure we have an appt thursday',
    'i think i have a cut with lee next week, can you check',
    'could u see whether i have anything on the 9th',
    'read me back all the bookings we have',
    'everything i have on the books?',
    'was the color w lee or dana',
    'is the trim on friday with dana or lee',
  ])('%j lists the bookings', (text) => {
    expect(intent(text)).toBe('my_appointments');
  });

  it.each(['i think i have a meeting at 3 so can i come at 5', 'pretty sure i have a cut friday, can i book a color too'])('%j books', (text) => {
    expect(intent(text)).toBe('book');
  });
});

describe('a change only supposed asks the policy', () => {
  it.each([
    'if we cancel tomorrow do we still have to pay',
    'if i needed to reschedule last minute is there a fee',
    'would u need more notice to move it',
    'can i cancel within 12 hours of my appt',
    'not cancelling just yet, only asking if theres a fee',
  ])('%j asks the policy', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('business_info');
    expect(u.infoTopic).toBe('policies');
  });

  it.each(['cancel friday', 'move my cut to friday please'])('%j still changes', (text) => {
    expect(intent(text)).not.toBe('business_info');
  });
});

describe('cancels said without "cancel"', () => {
  it.each([
    'please take it off the calendar',
    'can u remove me from the schedule for thursday',
    "we're not going to need the color anymore",
    'wont need fridays cut any more',
    'need to drop one of my bookings next week',
  ])('%j cancels', (text) => {
    expect(intent(text)).toBe('cancel');
  });
});
