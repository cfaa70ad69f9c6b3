import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 as ctx, localNY } from './fixtures.ts';

// "i booked a trim for thursday but can we make it friday same time": another day at the
// booking's time, said as a change of it, is a move; a new booking says so.

describe('the same time on another day, said as a change', () => {
  it.each([
    ['i have a cut on the 9th, could we switch it to monday the 14th same time?', '2026-12-14 00:00'],
    ['my color is wednesday but can you make it thursday, same time', '2026-12-03 00:00'],
  ])('%s is a move to that day', (text, day) => {
    const u = understand(text, ctx());
    expect(u.intent).toBe('reschedule');
    expect(u.shift?.sameTime).toBe(true);
    expect(localNY(u.when?.from)).toBe(day);
  });

  it.each(['can i book a color friday same time', 'same time friday for my son too'])('%s books anew', (text) => {
    expect(understand(text, ctx()).intent).toBe('book');
  });
});
