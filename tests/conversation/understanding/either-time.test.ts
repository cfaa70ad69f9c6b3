import { describe, expect, it } from 'vitest';
import { saysEitherTime } from '../../../src/conversation/understanding/either-time.ts';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctx } from './fixtures.ts';

// Two clock times offered as alternatives: no one time was asked, so the list shows both.

describe('two times as alternatives', () => {
  it.each(['color fri 9 or 9:30?', 'could do 3pm or 4pm', 'noon or 1 on monday', 'trim at 11:15 or else 12', 'thurs at 5 or maybe 5:30'])('"%s" offers two times', (text) => {
    expect(saysEitherTime(text)).toBe(true);
    expect(understand(text, ctx()).eitherTime).toBe(true);
  });

  it.each(['color fri at 9:30', 'haircut 11/12 at 3', 'either thursday or friday', 'cut at 4, or whenever dana is free', '2:30-3'])('"%s" does not', (text) => {
    expect(saysEitherTime(text)).toBe(false);
  });
});

// Readings the exact-time proposal leans on: a question about what is booked that names a
// time is no booking request, and "X would be better" during intake changes the request.
describe('a time in a question about what is booked', () => {
  it.each(['did we have a color on friday at 10?', 'do i already have a trim tmrw at 3'])('"%s" asks what is booked', (text) => {
    expect(understand(text, ctx()).intent).toBe('my_appointments');
  });

  it('"can i have a trim friday at 10" still books', () => {
    expect(understand('can i have a trim friday at 10', ctx()).intent).toBe('book');
  });
});
