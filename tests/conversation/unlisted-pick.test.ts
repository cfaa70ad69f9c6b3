import { describe, expect, it } from 'vitest';
import { parseState } from '../../src/conversation/state.ts';
import { picksTheOnlyOption, readAsOnlyOption } from '../../src/conversation/turn/unlisted-pick.ts';
import { SERVICES, STAFF } from './understanding/fixtures.ts';

// A summary proposed at once (no list behind it) is the one option on screen: a first pick
// is a yes to it; another number, a time, a person it is not with or a no is not.

const NOW = new Date('2026-12-01T14:00:00Z');
const ZONE = 'America/New_York';

function proposal(kind: 'book' | 'cancel' = 'book') {
  const state = parseState({
    proposal: { id: 'P1', kind, awaiting: 'confirmation', serviceId: 'svc-cut', summary: 'Book?', createdAt: NOW.toISOString(), start: '2026-12-03T20:00:00.000Z', resourceIds: ['st-will'] },
  });
  return state.proposal!;
}

const picks = (text: string, kind: 'book' | 'cancel' = 'book') =>
  picksTheOnlyOption(readAsOnlyOption(text, { now: NOW, timeZone: ZONE, services: SERVICES, staff: STAFF }), proposal(kind));

describe('a first pick at a summary with no list', () => {
  it.each(['1', 'option one', 'the first one please', "i'll take number 1", 'go with 1', 'first works'])('"%s" picks the only option', (text) => {
    expect(picks(text)).toBe(true);
  });

  it.each(['3', 'the second one', '1 with dana', '1 on friday', 'no', 'the 4:30 one', 'a color instead'])('"%s" does not', (text) => {
    expect(picks(text)).toBe(false);
  });

  it('a cancel summary is never answered by a pick', () => {
    expect(picks('1', 'cancel')).toBe(false);
  });
});

describe('a change of service said during intake', () => {
  it('"hmm a trim would be better, same time" is a change, not an answer', async () => {
    const { intakeAside } = await import('../../src/conversation/understanding/intake-aside.ts');
    expect(intakeAside('hmm a trim would be better, same time', { intent: 'book', changes: true })).toBe('changes_request');
    expect(intakeAside('i would prefer not to say', { intent: 'unknown', changes: false })).toBeUndefined();
  });
});
