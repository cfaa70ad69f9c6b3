import { describe, expect, it } from 'vitest';
import { spellNewHours } from '../../../src/conversation/understanding/new-hour.ts';

// A change of mind back to an earlier hour ("10 was fine", "go back to 10") or to an hour
// wished for if it is free ("11 if you've got it") names that hour as the new time.

const atSummary = { expecting: 'confirmation' as const, optionCount: 4 };

describe('an hour taken back or wished for', () => {
  it.each([
    ['sorry, 10 was fine after all', 'sorry, at 10 was fine after all'],
    ['can we switch back to 11', 'can we switch back to at 11'],
    ['hmm later, 5 if u got it', 'hmm later, at 5 if u got it'],
  ])('%j → %j', (text, spelled) => {
    expect(spellNewHours(text, atSummary)).toBe(spelled);
  });

  it('"3 was my old time" is no wish for 3', () => {
    expect(spellNewHours('3 was my old time', atSummary)).toBe('3 was my old time');
  });
});
