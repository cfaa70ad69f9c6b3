import { describe, expect, it } from 'vitest';
import { spellNewHours } from '../../../src/conversation/understanding/new-hour.ts';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// "oops sorry i meant 1, the 9am" at the summary of option 2 (set 11's r072): the number is
// the option, said with the time it shows; it is not the hour 1 PM. The time said picks it.

const atSummary = { expecting: 'confirmation' as const, optionCount: 4 };

describe('a number said with its own clock time', () => {
  it.each(['i meant 1, the 9am', 'sorry i meant 3 - the 11:30am one', 'no wait, do 2 (10am)', 'i meant 4 the 12pm'])('%j keeps the number as said', (text) => {
    expect(spellNewHours(text, atSummary)).toBe(text);
  });

  it.each([
    ['oops meant 1, the 9am', '09:00'],
    ['sorry i meant 3 - the 11:30am one', '11:30'],
  ])('%j asks for %s', (text, clock) => {
    const u = understand(text, { ...ctxOnDec1('confirmation'), optionCount: 4 });
    const picked = u.choiceTime && `${String(u.choiceTime.hour).padStart(2, '0')}:${String(u.choiceTime.minute).padStart(2, '0')}`;
    expect(localNY(u.when?.from)?.slice(11) ?? picked).toBe(clock);
  });

  it('a number alone is still the new hour', () => {
    expect(spellNewHours('i meant 1', atSummary)).toBe('i meant at 1');
    expect(spellNewHours('i meant 3, sorry', atSummary)).toBe('i meant at 3, sorry');
  });
});
