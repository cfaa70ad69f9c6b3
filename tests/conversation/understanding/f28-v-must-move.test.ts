import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 28v: a booking (often a relative's) said to have to move, or not to be made, named by its
// day and time, with the new time asked after it and no move verb said to the salon: "my
// daughter's cut at 10:30 sat has to move ... can she do 3pm instead", "my husband cant make his
// 2:30 on the 12th, anything for him after 4 that day?".

const read = (text: string) => understand(text, ctxOnDec1());

describe('"<booking> has to move, can she do X instead": the booking and its new time', () => {
  it.each([
    ["my son's trim on thursday at 4 needs to move, can he do 5 instead", '2026-12-03 16:00', '17:00'],
    ['her color fri at 11 has to be moved, could she come at 2 instead', '2026-12-04 11:00', '14:00'],
    ['the 3pm on the 10th has to be changed. can we do 5 instead', '2026-12-10 15:00', '17:00'],
    ["my wife's 10am tmrw needs to be rescheduled, can she do 1 instead", '2026-12-02 10:00', '13:00'],
    ['our 11:30 on friday has to move, how about 1', '2026-12-04 11:30', '13:00'],
    ["my daughter's cut at 10:30 sat has to move, she has a game. can she do 3pm instead same day", '2026-12-05 10:30', '15:00'],
  ])('%s', (text, booking, clock) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(localNY(u.when?.from)?.slice(11)).toBe(clock);
  });

  it('said alone, it is a move still to be placed, never a new booking', () => {
    expect(read("my husband's cut sat at 2 has to move").intent).toBe('reschedule');
  });
});

describe("a relative's booking not made, the new time asked without a move verb", () => {
  it.each([
    ['my husband cant make his 4:30 on friday, anything for him before 2 that day?', '2026-12-04 16:30'],
    ['my husband cant make his 2:30 on the 12th, anything for him after 4 that day? mine at 2 stays', '2026-12-12 14:30'],
    ["my son won't make his 3pm sat, can he do 5 instead", '2026-12-05 15:00'],
    ["my daughter can't come to her 10am thursday, could she come at 1 instead", '2026-12-03 10:00'],
    ['i cant make my 2:30 on the 12th, so anything after 4?', '2026-12-12 14:30'],
  ])('%s', (text, booking) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(u.when).toBeDefined();
  });
});

describe('near-misses: no booking said to move', () => {
  it.each([
    'my lease is up and we have to move, can i do 3pm',
    'the color needs to change to highlights',
    'i heard the salon has to move locations, where will you be?',
  ])('%s', (text) => {
    expect(read(text).intent).not.toBe('reschedule');
  });

  it('"cant make anything before 5" tells when the customer can come', () => {
    const u = read('i cant make anything before 5 on fridays');
    expect(u.intent).not.toBe('reschedule');
    expect(u.apptWhen).toBeUndefined();
  });
});
