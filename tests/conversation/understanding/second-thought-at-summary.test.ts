import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// At a summary proposed at once (its offers looked at, never shown), "hmm or maybe 3?" is
// another hour; a bare "3" or "the third one" still picks among those offers.

const atSummary = (offersUnseen: boolean) => ({ ...ctxOnDec1('confirmation'), optionCount: 4, offersUnseen });

describe('a second thought at a summary with no list behind it', () => {
  it.each(['hmm or maybe 3?', 'or maybe 3', 'ugh or 3?'])('%s is 3 PM', (text) => {
    const u = understand(text, atSummary(true));
    expect(u.when?.exactTime).toBe(true);
    expect(localNY(u.when?.from)?.slice(11)).toBe('15:00');
  });

  it('with the list shown, the same words name option 3', () => {
    expect(understand('hmm or maybe 3?', atSummary(false)).when).toBeUndefined();
  });

  it('a bare number is left to the picks', () => {
    expect(understand('3', atSummary(true)).when).toBeUndefined();
  });
});
