import { describe, expect, it } from 'vitest';
import { nextToBooking } from '../../../src/conversation/understanding/next-to-booking.ts';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 as ctx } from './fixtures.ts';

// "a trim for my daughter the same day as me": the customer's own booking named by the
// customer alone gives the day, as "the same day as my cut" does; "earlier in the day" after
// it is on that day, never a day of its own.

const isService = (words: string) => /\b(haircut|cut|trim|color|colour|consult(ation)?)\b/.test(words);

describe('the same day as the customer\'s own booking', () => {
  it.each([
    ['can my husband get a cut the same day as me', 'me'],
    ['a colour for my sister on the same day as mine please', 'mine'],
    ['book the kids in same day as us', 'us'],
  ])('%j is on that booking\'s day', (text, booking) => {
    expect(nextToBooking(text, isService)).toMatchObject({ edge: 'day', booking, person: 'self' });
  });

  it('"later in the day" after it names no day of its own', () => {
    const u = understand('any chance of a trim for my roommate same day as mine but later in the day', ctx());
    expect(u.intent).toBe('book');
    expect(u.nextTo).toMatchObject({ edge: 'day', person: 'self' });
    expect(u.nextTo?.day).toBeUndefined();
  });

  it('a clock time with it stays the request\'s own', () => {
    const u = understand('book my son a trim the same day as me at 11', ctx());
    expect(u.nextTo).toMatchObject({ edge: 'day', person: 'self' });
    expect(u.when?.exactTime).toBe(true);
  });
});
