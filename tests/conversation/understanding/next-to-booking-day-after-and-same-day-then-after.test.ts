import { describe, expect, it } from 'vitest';
import { nextToBooking } from '../../../src/conversation/understanding/next-to-booking.ts';

// A new booking placed by one the customer has: "the day after my color" (one day on, at
// the time the request says), and "the same day as my color, right after it" (the day,
// then the place on it).
const isService = (words: string) => /\b(haircut|cut|trim|color|consult(ation)?)\b/.test(words);

describe('the day or week after or before a booking', () => {
  it.each([
    ['need a trim the day after my color, at noon', { edge: 'day', days: 1, booking: 'my color' }],
    ['can i book a consult the day before my haircut at 2', { edge: 'day', days: -1, booking: 'my haircut at 2' }],
    ['a cut the week after my color, same time', { edge: 'same', days: 7, booking: 'my color' }],
  ])('%s', (text, want) => {
    expect(nextToBooking(text, isService)).toMatchObject(want);
  });
});

describe('the same day as a booking, then right after it', () => {
  it.each([
    ['can i also get a trim w lee the same day as my color, right after it', 'can i also get a trim w lee'],
    ['book a consult on the day of my cut, right after that', 'book a consult'],
    ['a color the same day as my haircut, just after it please', 'a color please'],
  ])('%s', (text, rest) => {
    expect(nextToBooking(text, isService)).toMatchObject({ edge: 'end', minutes: 0, rest });
  });

  it('an hour after it counts from the end', () => {
    expect(nextToBooking('a trim the same day as my color, an hour after it', isService)).toMatchObject({ edge: 'end', minutes: 60 });
  });
});

describe("right after the customer's own booking, as the whole reply to the times offered", () => {
  it.each(['right after mine then', 'ok how about right after me', 'can we do right after mine'])('%s', (text) => {
    expect(nextToBooking(text, isService)).toMatchObject({ edge: 'end', minutes: 0, person: 'self' });
  });

  it('a reason beside it is no placement of the request on screen', () => {
    expect(nextToBooking('i get off work right after mine', isService)).toBeUndefined();
  });
});
