import { describe, expect, it } from 'vitest';
import { nextToBooking } from '../../../src/conversation/understanding/next-to-booking.ts';
import { readLengthAndSize } from '../../../src/conversation/understanding/length-and-size.ts';
import { windowNextTo } from '../../../src/conversation/providers/offline/next-to.ts';
import { NY } from './fixtures.ts';

// f24-c (set 23's zr100, zr106, zr137): the booking's words end where the customer says what they
// want; "any time ... before my cut" is a window on that side of it; a booking's own time and its
// new one after a day named are no length.
const isService = (words: string) => /\b(haircut|cut|trim|color|consult(ation)?)\b/.test(words);

describe('the booking named ends where the want starts', () => {
  it.each([
    ["after my consult on the 8th i'd like a color same day, say 11?", 'my consult on the 8th'],
    ['after my cut on friday i want a color at 2', 'my cut on friday'],
    ['right after my haircut thursday we need a trim for my son', 'my haircut thursday'],
    ["before my color on the 9th id like a consult", 'my color on the 9th'],
  ])('%j', (text, booking) => {
    expect(nextToBooking(text, isService)?.booking).toBe(booking);
  });

  it('the booking named alone keeps its words', () => {
    expect(nextToBooking('a trim right after my color on the 9th', isService)?.booking).toBe('my color on the 9th');
  });
});

describe('any time on one side of a booking', () => {
  it.each([
    'add a color on the 15th too, any time that morning before my cut',
    'a consult whenever after my color',
    'can i get a trim sometime before my color',
    'a color anytime after my haircut pls',
  ])('%j: loose', (text) => {
    expect(nextToBooking(text, isService)?.loose).toBe(true);
  });

  it.each(['a color right before my cut', 'a trim an hour after my color', 'a consult after my cut'])('%j: beside it', (text) => {
    expect(nextToBooking(text, isService)?.loose).toBeUndefined();
  });

  const appt = { service: 'Haircut', start_local: '2026-12-15T13:00', end_local: '2026-12-15T13:30' };
  const morning = { from: '2026-12-15T05:00:00.000Z', to: '2026-12-15T17:00:00.000Z', exactTime: false, earliest: false };
  it('before: from the morning said until it would end as the cut starts', () => {
    const w = windowNextTo({ zone: NY, nextTo: { edge: 'start', minutes: 0, loose: true }, appt, when: morning, minutes: 90 });
    expect([w.from, w.to, w.exactTime]).toEqual(['2026-12-15T05:00:00.000Z', '2026-12-15T16:30:00.000Z', false]);
  });

  it('after: from its end to the end of the day', () => {
    const w = windowNextTo({ zone: NY, nextTo: { edge: 'end', minutes: 0, loose: true }, appt });
    expect([w.from, w.to, w.exactTime]).toEqual(['2026-12-15T18:30:00.000Z', '2026-12-16T05:00:00.000Z', false]);
  });
});

describe("a booking's time then its new one, after a move and a day", () => {
  it.each(['can i move my fri the 11th 11am to 11:30', 'push my dec 4 appt 2pm to 3', 'could you move my thursday the 3rd 10am to 10:30'])('%j: no length', (text) => {
    expect(readLengthAndSize(text).durationMinutes).toBeUndefined();
  });

  it.each(['move my friday cut to 2-4pm', 'book a cut friday 2pm to 3pm'])('%j: a window, with its length', (text) => {
    expect(readLengthAndSize(text).durationMinutes).toBeDefined();
  });
});
