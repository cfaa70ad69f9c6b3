import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Once the bot said what is booked, "ok great, could we do 3 instead" changes it (issue 14,
// set 12): with nothing on screen the "ok" only acknowledges, and "bring it forward to 10"
// names an hour. A day corrected at a move's summary keeps the time asked ("same time").

describe('an acknowledgment, then a new time', () => {
  it.each([
    ['ok great, could we do 3 instead', '15:00'],
  ])('%s: a change of the booked time, at %s', (text, time) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.changesBooked).toBe(true);
    expect(localNY(u.when?.from)?.slice(11)).toBe(time);
  });

  it('cool thanks. can it be 10:30 instead of 9: a move of the booking at 9, to 10:30', () => {
    const u = understand('cool thanks. can it be 10:30 instead of 9', ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)?.slice(11)).toBe('09:00');
    expect(localNY(u.when?.from)?.slice(11)).toBe('10:30');
  });

  it('with times on screen, the same words pick', () => {
    expect(understand('ok great, could we do 3 instead', ctxOnDec1('choice')).intent).toBe('choose');
  });
});

describe('an hour after "bring it forward", "pull it back"', () => {
  it.each([
    ['could we bring it forward to 10?', '10:00'],
    ['can you bring my appt forward to 2', '14:00'],
  ])('%s: %s', (text, time) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.when?.from)?.slice(11)).toBe(time);
  });
});

describe('a day corrected at a move\'s summary', () => {
  it('names the day and "same time", nothing else', () => {
    const u = understand('oops no i meant monday not tuesday, same time', ctxOnDec1('confirmation'));
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe('2026-12-07');
    expect(u.when?.exactTime).toBe(false);
    expect(u.shift).toMatchObject({ sameTime: true, minutes: 0, days: 0 });
  });
});
