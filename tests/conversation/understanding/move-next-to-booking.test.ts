import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { spellNewHours } from '../../../src/conversation/understanding/new-hour.ts';
import { ctx } from './fixtures.ts';

describe('a move placed next to another booking (f14d)', () => {
  it.each([
    ['could you push my color to friday right before my haircut', { edge: 'start', minutes: 0, serviceId: 'svc-cut' }],
    ['reschedule the wed one to sat, just after mine', { edge: 'end', minutes: 0, person: 'self' }],
    ['move my daughters trim to the 12th 30 min after my massage', { edge: 'end', minutes: 30, serviceId: 'svc-massage' }],
  ])('%j', (text, nextTo) => {
    expect(understand(text, ctx())).toMatchObject({ intent: 'reschedule', nextTo });
  });

  it('a move to a time of its own places nothing', () => {
    expect(understand('move my cut to friday at 3', ctx()).nextTo).toBeUndefined();
  });
});

describe('a number counting things is no hour (f14d)', () => {
  it.each(['so i only make 2 trips', 'can we do 2 visits', 'we only do 1 stop'])('%j', (text) => {
    expect(spellNewHours(text, { expecting: null, optionCount: 4 })).toBe(text);
  });
  it('"can we do 3" stays an hour', () => {
    expect(spellNewHours('can we do 3', { expecting: null, optionCount: 4 })).toBe('can we do at 3');
  });
});
