import { describe, expect, it } from 'vitest';
import { nextToBooking } from '../../../src/conversation/understanding/next-to-booking.ts';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 as ctx } from './fixtures.ts';

// A new booking copied at one's clock time: "same time as mine but on thursday" puts the
// copy on the day said (that day names no booking), and "keep my tuesday one, and book another
// at the same time next week" keeps the booking and places the new one a week on from it.

const isService = (words: string) => /\b(haircut|cut|trim|color|colour|consult(ation)?)\b/.test(words);

describe('the same time as the customer\'s own, on another day', () => {
  it.each(['my son needs a trim, same time as mine but on thursday', 'same time as me but wednesday for my partner please'])('%j: the day said is the copy\'s', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('book');
    expect(u.nextTo).toMatchObject({ edge: 'same', person: 'self' });
    expect(u.nextTo?.day).toBeUndefined();
    expect(u.when?.dayNamed).toBe(true);
  });
});

describe('a booking kept, and another at its time weeks on', () => {
  it.each([
    ['keep my tuesday one, and also add a trim at the same time next week', 7],
    ['please keep my color on the 9th but book another color same time two weeks later', 14],
  ])('%j', (text, days) => {
    expect(nextToBooking(text, isService)).toMatchObject({ edge: 'same', days });
    const u = understand(text, ctx());
    expect(u.intent).toBe('book');
    expect(u.answer).toBeUndefined();
  });

  it('a keep alone keeps, and places nothing', () => {
    expect(nextToBooking('keep my friday one thanks', isService)).toBeUndefined();
    expect(understand('no keep my friday one', ctx()).intent).toBe('decline');
  });
});
