import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 28v: at the summary of a move (or a new booking), a person named alone changes who does
// it, at the time already asked: "i'd rather have dana do it this time, if dana's free then". The
// reading names the person and no time of its own, so the provider keeps the time asked (its
// dialogs: dialogs-tuning/f28-v-staff-at-summary.yaml).

const atSummary = (text: string) => understand(text, ctxOnDec1('confirmation'));

describe('a person named at a summary: that person, no new time', () => {
  it.each([
    ["oh and i'd rather have dana do it this time, if dana's free then", 'st-dana'],
    ['actually can will do it instead', 'st-will'],
    ["i'd prefer will if he's free", 'st-will'],
    ['could dana do it this time', 'st-dana'],
    ['rather have jose do it', 'st-jose'],
  ])('%s', (text, staffId) => {
    const u = atSummary(text);
    expect(u.staffId).toBe(staffId);
    expect(u.when).toBeUndefined();
    expect(u.answer).toBeUndefined();
  });
});

describe('near-misses: a question about a person is no switch', () => {
  it('"is dana in that day?" asks about the staff', () => {
    expect(atSummary('is dana in that day?').intent).toBe('business_info');
  });

  it('"who is doing it?" names no one', () => {
    expect(atSummary('who is doing it?').staffId).toBeUndefined();
  });
});
