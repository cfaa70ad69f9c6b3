import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 28v: whether a relative has a booking, asked ("did my husband book his cut for thursday?
// he used his own phone"): a look at what is booked, never a request for openings that would
// show which times another customer holds.

const read = (text: string) => understand(text, ctxOnDec1());

describe('"did my husband book ...?": a question about what is booked', () => {
  it.each([
    'did my husband book his cut for thursday? he used his own phone',
    'is my wife booked for friday?',
    'does my husband have an appt thursday',
    'did my son get booked in for sat',
    'does my wife have anything on saturday',
    'are my kids booked for sat?',
    'was my son scheduled for the 9th',
  ])('%s', (text) => {
    const u = read(text);
    expect(u.intent).toBe('my_appointments');
    expect(u.othersBooking).toBe(true);
  });
});

describe('near-misses: a booking for a relative still asked', () => {
  it.each([
    'can my son get booked for friday at 3',
    'my husband booked a cut for thursday, can i get one right after',
    'did my son like his cut? book him again fri at 3',
  ])('%s', (text) => {
    expect(read(text).intent).toBe('book');
  });
});
