import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Fixer 27r: a move's new time typed as bare digits after "to" ("move my sat appt to 430"): the
// digits are the clock time on the booking's day, and the day before "to" still names the booking.

const read = (text: string) => understand(text, ctxOnDec1());

describe('"to 430" after a booking named: its new clock time', () => {
  it.each([
    ['heyy can i mvoe my sat apt to 430 pls', '2026-12-05 00:00', '16:30'],
    ['can u moev my thurs appt to 515', '2026-12-03 00:00', '17:15'],
    ['resched my fri cut to 1045?', '2026-12-04 00:00', '10:45'],
    ['could we chnage my 3pm to 345', '2026-12-01 15:00', '15:45'],
    ['reshedule my wed one to 930 please', '2026-12-02 00:00', '09:30'],
  ])('%s', (text, booking, clock) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(localNY(u.when?.from)?.slice(11)).toBe(clock);
  });

  it.each([
    ['can u mve my fri appt to 2', '2026-12-04 00:00', '14:00'],
    ['rescedule my thurs one to 4', '2026-12-03 00:00', '16:00'],
    ['need to swtich my wed cut to 530', '2026-12-02 00:00', '17:30'],
    ['cn i chagne my fri appt to 11', '2026-12-04 00:00', '11:00'],
  ])('move verb typed fast: %s', (text, booking, clock) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe(booking);
    expect(localNY(u.when?.from)?.slice(11)).toBe(clock);
  });

  it('"move it to 430": the time alone', () => {
    expect(localNY(read('can u move it to 430').when?.from)?.slice(11)).toBe('16:30');
  });
});

describe('near-misses: digits after "to" that are no time', () => {
  it.each([
    'do you have room for 3 to 430 people',
    'how much is it, $100 to 150?',
  ])('%s', (text) => {
    expect(read(text).when?.exactTime).not.toBe(true);
  });

  it('"from 2 to 430" stays a window', () => {
    const u = read('anything tmrw from 2 to 430');
    expect(u.when?.exactTime).toBe(false);
    expect(localNY(u.when?.to)?.slice(11)).toBe('16:30');
  });
});
