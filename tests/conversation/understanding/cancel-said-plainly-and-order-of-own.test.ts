import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Cancels said as "remove my friday appt", "get rid of the 2nd one" or a reminder's letter with
// "for the one ..."; and bookings picked by order with "of my ..." or "whichever appt of mine".

describe('cancel said with remove, get rid of, or the letter C', () => {
  it.each([
    ['could u remove my thursday cut appt pls', '2026-12-03'],
    ['pls get rid of my appointment on the 11th', '2026-12-11'],
    ['c for my friday one', '2026-12-04'],
    ['C for the appt on dec 10', '2026-12-10'],
  ])('%s', (text, day) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe(day);
  });

  it('"R for the one on friday" asks for a move', () => {
    expect(understand('R for the one on friday', ctxOnDec1()).intent).toBe('reschedule');
  });

  it('"remove" of something else is no cancel', () => {
    expect(understand('can u remove the gray from my hair, color friday?', ctxOnDec1()).intent).not.toBe('cancel');
  });
});

describe('a booking picked by order among the own', () => {
  it.each([
    ['please get rid of the earlier of my two fridays', 0],
    ['the later of my thursday appointments has to go, cancel it', -1],
    ['push whichever booking of mine is later back an hour', -1],
    ['move whichever appt of mine comes first to the same time next week', 0],
  ])('%s', (text, order) => {
    expect(understand(text, ctxOnDec1()).order).toBe(order);
  });
});
