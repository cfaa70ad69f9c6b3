import { describe, expect, it } from 'vitest';
import { nextToBooking } from '../../../src/conversation/understanding/next-to-booking.ts';

// "my cut on the 9th finishes at 3 yeah? a color 30 min after that": the booking told by
// when it ends, its day in its own words, then a new one placed by it.

const isService = (words: string) => /\b(haircut|cut|trim|color|colour|consult(ation)?)\b/.test(words);

describe('a booking stated by its end, then one placed by it', () => {
  it.each([
    ['my cut on the 9th finishes at 3 yeah? could i add a color 30 min after that', { edge: 'end', minutes: 30 }],
    ['my colour ends at 2 right, can my daughter get a trim right after it', { edge: 'end', minutes: 0 }],
    ['our consult on friday is done at 4? a haircut an hour after that pls', { edge: 'end', minutes: 60 }],
  ])('%j', (text, want) => {
    const n = nextToBooking(text, isService);
    expect(n).toMatchObject(want);
    expect(isService(n!.rest)).toBe(true);
  });

  it('an end stated with no request placed by it places nothing', () => {
    expect(nextToBooking('my cut ends at 3 right?', isService)).toBeUndefined();
  });
});
