import { describe, expect, it } from 'vitest';
import { understand, type UnderstandContext } from '../../../src/conversation/understanding/index.ts';
import { leavesForNow } from '../../../src/conversation/understanding/leaves-for-now.ts';
import { SERVICES, STAFF, at } from './fixtures.ts';

// A request left for now ("let me ask my partner first, i'll message you tomorrow"): a no
// that keeps nothing held, with no new request in it.

const NY = 'America/New_York';
const ctx = (expecting: UnderstandContext['expecting']): UnderstandContext => ({ now: at('2026-10-28T10:00', NY), timeZone: NY, services: SERVICES, staff: STAFF, expecting });

describe('a request left for now', () => {
  it.each([
    'hmm i have to ask my partner before, will message you tomorrow',
    'gotta look at my shifts first',
    "lemme think it over and i'll get back to you",
    'i should confirm with the babysitter first',
    "ok i'll circle back later this week",
  ])('%s: dropped, at the summary and at the offers', (text) => {
    expect(leavesForNow(text.toLowerCase().replace(/[^a-z0-9' ]+/g, ' '))).toBe(true);
    for (const expecting of ['confirmation', 'choice'] as const) {
      const u = understand(text, ctx(expecting));
      expect(u.intent).toBe('decline');
      expect(u.abandons).toBe(true);
      expect(u.when).toBeUndefined();
    }
  });

  it.each(['can you check if friday is free first', 'i will take the first one', 'first i want to know the price'])('%s: not a walk-away', (text) => {
    expect(leavesForNow(text)).toBe(false);
  });
});
