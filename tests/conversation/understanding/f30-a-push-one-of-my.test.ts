import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 30a (set 29's yd018): "hey need to push one of my appts back" read as a question about the
// bookings, so "the monday color" after the list booked a new color. Push, bump and postpone
// ask a change of a booking as move and switch do: the customer is asked which one and to when.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('a booking pushed or bumped, before saying which', () => {
  it.each([
    'hey need to push one of my appts back',
    'can i bump one of my bookings',
    'need to postpone one of my appointments',
    'could i push my appointment back a bit',
    'gotta bump one of my appts',
  ])('%s', (text) => expect(read(text).intent).toBe('reschedule'));
});

describe('near misses', () => {
  it('"what are my appts" asks what is booked', () => expect(read('what are my appts').intent).toBe('my_appointments'));
  it('"can you list my bookings" asks what is booked', () => expect(read('can you list my bookings').intent).toBe('my_appointments'));
  it('"cancel one of my appts" is a cancel', () => expect(read('cancel one of my appts').intent).toBe('cancel'));
});
