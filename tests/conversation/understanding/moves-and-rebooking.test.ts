import { describe, expect, it } from 'vitest';
import { parseShift } from '../../../src/conversation/understanding/moves.ts';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 as ctx, NY } from './fixtures.ts';

// Moves said relative to the booking, a move that keeps part of it, a cancel with a
// "rebook later", "rebook" after a cancel, "the same thing again", and taking back a booking.

const localDay = (d: Date | undefined) => (d ? new Intl.DateTimeFormat('en-CA', { timeZone: NY }).format(d) : undefined);

describe('a push by whole weeks or days', () => {
  it.each([
    ['push it two weeks pls, same time', 14],
    ['can you bump my haircut back a week', 7],
    ['move it out 3 days', 3],
    ['delay it by a week', 7],
    ['push my appt 2 weeks', 14],
    ['bring it forward a day please', -1],
    ['could we move it up a week', -7],
  ])('%s: %i days from the booking', (text, days) => {
    expect(parseShift(text)?.days).toBe(days);
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.shift?.days).toBe(days);
    // The amount is the shift's, never a date counted from today.
    expect(u.when).toBeUndefined();
  });

  it('"two weeks from now" is a date, not a push', () => {
    expect(parseShift('move it two weeks from now')?.days ?? 0).toBe(0);
  });
});

describe('a move that keeps part of the booking', () => {
  it.each([
    ['move me to monday next week, keep the 11:30', '2026-12-07'],
    ['move us to the 9th, keep it at 2', '2026-12-09'],
    ['pls move me to friday, keep the 2pm', '2026-12-04'],
  ])('%s: a move to that day', (text, day) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(localDay(u.when?.from)).toBe(day);
    expect(u.apptWhen).toBeUndefined();
  });

  it('"keep my time" is the same time', () => {
    expect(understand('move me to wednesday next week, keep my time', ctx()).shift?.sameTime).toBe(true);
  });

  it.each(['actually keep it', 'no keep my appointment', 'leave it as is'])('%s: the whole booking stays', (text) => {
    expect(understand(text, ctx()).intent).toBe('decline');
  });
});

describe('a move said with other verbs', () => {
  it.each(['can the color go to wednesday at 4', 'could my color be moved to monday at 4:45', 'can my appointment go to friday', 'move me to friday at 1'])(
    '%s: a move',
    (text) => {
      expect(understand(text, ctx()).intent).toBe('reschedule');
    },
  );

  it('another person going to a time is no move of mine', () => {
    expect(understand('can my son go to the 3pm too', ctx()).intent).not.toBe('reschedule');
  });
});

describe('cancel now, book again later', () => {
  it.each(["ugh actually just cancel it, i'll rebook later", 'cancel please, will reschedule when i know my schedule', "cancel, i'll call to reschedule"])(
    '%s: a cancel',
    (text) => {
      expect(understand(text, ctx()).intent).toBe('cancel');
    },
  );

  it.each(['can i rebook the haircut for sunday', "i'd like to rebook the color for tuesday the 8th at 10"])('%s: a move of a booking there is, else a new one', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.changesBooked).toBe(true);
  });
});

describe('the same thing again', () => {
  it.each(['ok book the same thing for thursday the 10th instead', 'same again next friday please', 'can i get the same as last time on the 12th', 'book me the same for monday'])(
    '%s: the booking before, on a new day',
    (text) => {
      const u = understand(text, ctx());
      expect(u.sameAsBefore).toBe(true);
      expect(u.when).toBeDefined();
    },
  );

  it('"same time" alone is a shift, not the same thing', () => {
    expect(understand('same time next week', ctx()).sameAsBefore).toBeUndefined();
  });
});

describe('taking a booking back', () => {
  it.each(['actually nvm, dont book anything', 'ok dont book it then', "i changed my mind, don't book", 'sorry i changed my mind'])('%s: nothing is booked', (text) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('decline');
    expect(u.abandons).toBe(true);
  });

  it('a constraint after "don\'t book" is no take-back', () => {
    expect(understand("don't book me before 10", ctx()).abandons).toBeUndefined();
  });
});
