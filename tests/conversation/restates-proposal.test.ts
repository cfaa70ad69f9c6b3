import { describe, expect, it } from 'vitest';
import { parseState } from '../../src/conversation/state.ts';
import { restatesProposal } from '../../src/conversation/turn/restates-proposal.ts';
import { understand } from '../../src/conversation/understanding/index.ts';
import { SERVICES, STAFF } from './understanding/fixtures.ts';

// A summary answered with its own time again ("2:30", "the 11 is fine") is asked again, not
// dropped; a different time, another person or a no is not a restatement.

const ZONE = 'America/New_York';
const NOW = new Date('2026-12-01T14:00:00Z');

function proposal(startLocal: string, kind: 'book' | 'cancel' = 'book') {
  const start = new Date(`${startLocal}-05:00`).toISOString();
  const state = parseState({
    offers: [],
    proposal: { id: 'P1', kind, awaiting: 'confirmation', serviceId: 'svc-cut', summary: 'Book?', createdAt: NOW.toISOString(), start, resourceIds: ['st-will'] },
    expecting: 'confirmation',
  });
  return state.proposal!;
}

function restates(text: string, startLocal: string, kind: 'book' | 'cancel' = 'book'): boolean {
  const u = understand(text, { now: NOW, timeZone: ZONE, services: SERVICES, staff: STAFF, expecting: 'confirmation' });
  return restatesProposal(u, proposal(startLocal, kind), ZONE);
}

describe('a summary answered with its own time', () => {
  it.each([
    ['2:30', '2026-12-03T14:30'],
    ['2:30pm sounds right', '2026-12-03T14:30'],
    ['the 11 is fine', '2026-12-03T11:00'],
    ['3 with will', '2026-12-03T15:00'],
    ['thursday 11am', '2026-12-03T11:00'],
  ])('"%s" restates %s', (text, start) => {
    expect(restates(text, start)).toBe(true);
  });

  it.each([
    ['2:45', '2026-12-03T14:30', 'another minute'],
    ['friday 11am', '2026-12-03T11:00', 'another day'],
    ['3 with dana', '2026-12-03T15:00', 'another person'],
    ['no not 3', '2026-12-03T15:00', 'a no'],
    ['4', '2026-12-03T15:00', 'another hour'],
    ['7', '2026-12-03T15:30', 'a number while the time is not on the hour'],
    ['3', '2026-12-03T15:00', 'a cancel summary has no time to restate'],
  ])('"%s" at %s does not (%s)', (text, start, why) => {
    expect(restates(text, start, why.startsWith('a cancel') ? 'cancel' : 'book')).toBe(false);
  });
});
