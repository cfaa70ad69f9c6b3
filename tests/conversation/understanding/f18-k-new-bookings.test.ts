import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { readLengthAndSize } from '../../../src/conversation/understanding/length-and-size.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// New bookings (issue 14, set 17's failures by class): sighs around a pick, an hour set right
// against another, the edge of a window said with a hedge, "noon-ish", "4" texted for "for",
// a second choice of person, and a guess of how long the job takes.

describe('a sigh or hesitation around a pick changes nothing', () => {
  it.each([
    ['hmm fine, 3 then', 2],
    ['ughhh 4', 3],
    ['umm ok 6 then', 5],
    ['meh, 2', 1],
  ])('%s: the number said', (text, index) => {
    const u = understand(text, ctxOnDec1('choice'));
    expect(u.intent).toBe('choose');
    expect(u.choiceIndex).toBe(index);
  });
});

describe('an hour set against the one it replaces', () => {
  it.each([
    ['oops, 1 not 11', '13:00'],
    ['wait 4 not 3', '16:00'],
    ['no sorry, 10 not 9', '10:00'],
    ['11, not 10:30', '11:00'],
  ])('%s at a proposal: the first hour is the new time', (text, clock) => {
    const u = understand(text, ctxOnDec1('confirmation'));
    expect(u.when?.exactTime).toBe(true);
    expect(localNY(u.when?.from)?.slice(11)).toBe(clock);
  });

  it('a count set right is no hour', () => {
    expect(understand('sorry 2 not 3 people', ctxOnDec1('confirmation')).when).toBeUndefined();
  });
});

describe('the edge of a window said with a hedge stays a window', () => {
  it.each([
    ['cut on the 10th, after 4 if you can', '2026-12-10 16:00'],
    ['trim thurs before 10 if possible', '2026-12-03 00:00'],
    ['color mon after 1, if that works', '2026-12-07 13:00'],
  ])('%s', (text, from) => {
    const u = understand(text, ctxOnDec1());
    expect(u.when?.exactTime).toBe(false);
    expect(localNY(u.when?.from)).toBe(from);
  });

  it('an hour alone with the hedge is still that hour', () => {
    const u = understand('can we do 3 if possible', ctxOnDec1('confirmation'));
    expect(u.when?.exactTime).toBe(true);
    expect(localNY(u.when?.from)?.slice(11)).toBe('15:00');
  });
});

describe('noon said with -ish is noon', () => {
  it.each(['trim fri noonish', 'trim fri noon-ish', 'trim fri noon ish', 'trim fri middayish'])('%s', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(localNY(u.when?.from)).toBe('2026-12-04 12:00');
    expect(u.when?.exactTime).toBe(true);
  });
});

describe('"4" texted for "for"', () => {
  it.each([
    ['got time 4 my trim tmrw at 3?', '2026-12-02 15:00'],
    ['any space 4 a cut sat @ 11', '2026-12-05 11:00'],
    ['can u book me 4 a haircut mon at 10', '2026-12-07 10:00'],
  ])('%s: the time said, not 4 am', (text, at) => {
    const u = understand(text, ctxOnDec1());
    expect(u.serviceId).toBe('svc-cut');
    expect(localNY(u.when?.from)).toBe(at);
  });

  it('"at 4" stays the hour', () => {
    expect(localNY(understand('cut fri at 4 pls', ctxOnDec1()).when?.from)).toBe('2026-12-04 16:00');
  });
});

describe('a second choice of person', () => {
  it.each([
    'cut with dana fri at 2, or will if shes busy',
    'trim w dana thurs 11? will works if not',
    'if dana is booked will is fine, cut fri at 2',
    'cut with dana fri 2, otherwise will',
  ])('%s: Dana asked for, Will the fallback', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.staffId).toBe('st-dana');
    expect(u.fallbackStaffId).toBe('st-will');
  });

  it('the second choice said first in the catalog is still second', () => {
    const u = understand('haircut w will sat at 1, otherwise dana', ctxOnDec1());
    expect(u.staffId).toBe('st-will');
    expect(u.fallbackStaffId).toBe('st-dana');
  });

  it.each(['cut with dana fri at 2', 'dana or will fri at 2', 'cut with will, not dana'])('%s: no fallback', (text) => {
    expect(understand(text, ctxOnDec1()).fallbackStaffId).toBeUndefined();
  });
});

describe('a guess of how long the job takes is no length asked', () => {
  it.each(['quick trim, should only take 15 mins, fri at 2', 'bang trim, prob a 10 min job', 'a quick 20 minute thing tmrw', "won't take 10 minutes, thurs at 9"])(
    '%s',
    (text) => {
      const read = readLengthAndSize(text);
      expect(read.durationMinutes).toBeUndefined();
      expect(read.text).not.toMatch(/min/);
    },
  );

  it.each([['haircut for 45 minutes fri', 45], ['massage 90 min thursday', 90]])('%s: a length asked for', (text, minutes) => {
    expect(readLengthAndSize(text).durationMinutes).toBe(minutes);
  });
});
