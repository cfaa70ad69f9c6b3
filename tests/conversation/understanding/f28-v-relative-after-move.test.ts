import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 28v: a move, then a relative's booking said by what is done to them ("can u move my thurs
// cut to 5pm and then do my son right after at 5:30"): two requests, the booking once the move is done.
// (Fixer 30c: its time said alone is on the moved booking's day, "that day", so the words keep it.)

const read = (text: string) => understand(text, ctxOnDec1());

describe('move, then "do my son" / "take my daughter": the booking follows', () => {
  it.each([
    ['can u move my thurs cut to 5pm and then do my son right after at 5:30', 'do my son right after at 5:30 that day'],
    ['move my wed color to 1 and then do my daughter at 3', 'do my daughter at 3 that day'],
    ['can you push my fri cut to 4 and take my son at 4:30', 'take my son at 4:30 that day'],
    ['move my sat cut to 11 and then do my wife right after', 'do my wife right after'],
  ])('%s', (text, then) => {
    const u = read(text);
    expect(u.intent).toBe('reschedule');
    expect(u.then).toBe(then);
  });
});

describe('near-misses: no relative booked', () => {
  it.each(['move my cut to 5 and do my hair after', 'move my cut to 5pm and then do a color'])('%s', (text) => {
    expect(read(text).then).toBeUndefined();
  });
});
