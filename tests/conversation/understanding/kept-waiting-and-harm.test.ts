import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { needsStaff } from '../../../src/conversation/understanding/needs-staff.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Complaints and waits only a person can answer (set 10's q-06): harm done, a result gone
// wrong without "came out", a refund asked, a customer kept waiting at the salon.

describe('complaints and waits only a person can answer', () => {
  it.each([
    'my blonde turned yellow within a week',
    'the stylist scalded my ears with the dryer',
    'honestly this is ridiculous, last time i waited an hour',
    "i'd like a full refund for the highlights",
    'we have been waiting outside for 25 minutes',
    'no one has greeted us at reception',
  ])('%s', (text) => {
    expect(needsStaff(text)).toBe(true);
    expect(understand(text, ctxOnDec1()).intent).toBe('human');
  });

  it.each([
    'can lee cut my fringe shorter on friday',
    "what's the refund policy on deposits",
    "i'll be waiting for your confirmation",
    'i want my hair to go a bit more orange, copper maybe',
  ])('%s asks for no person', (text) => {
    expect(needsStaff(text)).toBe(false);
  });
});
