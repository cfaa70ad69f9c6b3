import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { withoutBothListed } from '../../../src/conversation/understanding/both-listed.ts';
import { ctxOnDec1 } from './fixtures.ts';

// f24-c (set 22's zp093, zp095): every booking moved by one amount, with the bookings listed in
// brackets or said "push both"; and a move asked after a booking counts "the following saturday"
// from its own booking, not from the booking asked first.

describe('both moved by an amount', () => {
  it.each([
    ['can you move both my appts (thurs 10am and fri 2pm) an hour later each?', 60],
    ['push both my appts (thurs 10am + fri 2pm) back an hour', 60],
    ['push both of my appointments back an hour', 60],
    ['push both back 30 min', 30],
    ['push all my bookings back an hour', 60],
    ['could u bump both my cuts (mon & wed) 2 hours later', 120],
  ])('%j: every booking, later by %i min', (text, minutes) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(u.allBookings).toBe(true);
    expect(u.shift?.minutes).toBe(minutes);
    expect(u.apptWhen).toBeUndefined();
  });

  it.each([
    'cancel both my cuts (wed + fri)',
    'move my cut (the one on thursday) to friday',
    'move both my appts (sorry!) an hour later',
  ])('%j: no list of bookings to drop', (text) => {
    expect(withoutBothListed(text)).toBe(text);
  });
});

describe('a move after a booking counts from its own booking', () => {
  it.each([
    'Could you book me a cut Friday at 4:30, and push my Saturday one to the following Saturday, same time?',
    'book a color thursday at 10 and move my saturday cut to the saturday after, same time',
  ])('%j: the move keeps its words', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.then).toMatch(/(following saturday|saturday after)/i);
  });

  it('a booking after a cancel still has its day spelled from the first', () => {
    expect(understand('cancel my dec 10 color and book a trim the following day at 2', ctxOnDec1()).then).toBe('book a trim on december 11 at 2');
  });
});
