import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 31c (set 30's yf105): to times offered for a color, "oh ok, then the same day at 2 before
// my cut?" proposed a haircut: "the same day" and "at 2" kept the words beside "before my cut"
// from being read as a placement of the request on screen, so "my cut" became the service asked.
// The booking's day said again and a time said with "at" ask nothing new: the cut is where the
// color goes, and the service asked stays the one on screen.

const read = (text: string) => understand(text, ctxOnDec1('choice'));

describe('a placement by a booking, its day said again, to times on screen', () => {
  it.each([
    ['oh ok, then the same day at 2 before my cut?', 'start', 'svc-cut'],
    ['then the same day at 2 before my cut', 'start', 'svc-cut'],
    ['ok that day at 1 after my color then', 'end', 'svc-color'],
    ['hmm what about at 3 after my cut, same day', 'end', 'svc-cut'],
    ['ok then on the same day at 11 before my color', 'start', 'svc-color'],
  ])('%s', (text, edge, booked) => {
    const u = read(text);
    expect(u.intent).toBe('book');
    expect(u.serviceId).toBeUndefined();
    expect(u.nextTo).toMatchObject({ edge, serviceId: booked });
    expect(u.when?.exactTime).toBe(true);
  });
});

describe('near misses: the service named is asked', () => {
  it.each([
    ['then a trim the same day at 2 before my color', 'svc-cut'],
    ['ok can i also book a color that day at 1 after my cut', 'svc-color'],
  ])('%s', (text, asked) => expect(read(text).serviceId).toBe(asked));
  it('a time alone with the day is no placement', () => expect(read('ok the same day at 2 then').nextTo).toBeUndefined());
  it('"my cut" alone with a time is no request placed by it', () => expect(read('my cut is at 2 that day').nextTo).toBeUndefined());
});
