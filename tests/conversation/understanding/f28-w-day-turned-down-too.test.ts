import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 28w (set 26's zx082): right after a move, "friday's bad too, can we do saturday at 2
// instead": the "too" turns down a second day, it asks no second booking; the time "instead"
// is a change of what is booked (`changesBooked`), so the booking just moved moves again.

const read = (text: string) => understand(text, ctxOnDec1(null));

describe('a day turned down "too" before a time instead changes the booking', () => {
  it.each([
    "ugh sorry, just checked and friday's bad too. can we do saturday at 2 instead",
    'friday doesnt work either, can we do saturday at 2 instead',
    "that one's no good too, monday at 11 instead?",
    'hmm wednesday is busy too, could we do thursday at 3 instead',
    "sorry the 10th won't work too, the 11th at 4 instead?",
  ])('%s', (text) => {
    const u = read(text);
    expect(u.changesBooked).toBe(true);
  });
});

describe('a second booking said with "too" stays one', () => {
  it.each(['can i book a cut sat at 2 too', 'me too, saturday at 2 instead', 'i want a color as well friday at 3'])('%s', (text) => {
    expect(read(text).changesBooked).toBeUndefined();
  });
});
