import { describe, expect, it } from 'vitest';
import { parseYesNo, understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Fixer 28t (set 27's zy105): a reply to a summary's yes/no that holds it off ("dont book it
// yet", "ok but not yet", "hold on, let me check") never reads as a yes, whatever yes-like word
// came first; a deferral lets the proposal go, a pause answers nothing.

const atSummary = (text: string) => understand(text, ctxOnDec1('confirmation'));

describe('a deferral at a summary is no yes and lets it go', () => {
  it.each([
    'actually hold off, let me check my work schedule first. dont book it yet',
    'hold off dont book it yet',
    'ok but not yet',
    'please dont book it til i check',
    'ok wait before you book it let me check something',
    'let me double check my schedule before u book',
    'sure, but can u hold off till i ask my husband',
  ])('%s', (text) => {
    const u = atSummary(text);
    expect(u.intent).toBe('decline');
    expect(u.answer).toBe('no');
    expect(u.abandons).toBe(true);
  });
});

describe('a pause after a yes is no answer', () => {
  it.each(['ok hold on', 'yes but wait', 'sure, hold on let me check my calendar', 'ok hold on a sec, need to ask my husband', 'ok wait'])('%s', (text) => {
    expect(parseYesNo(text)).toBeUndefined();
    expect(atSummary(text).intent).not.toBe('confirm');
  });
});

describe('near misses keep their yes', () => {
  it.each([
    'wait ok yes go ahead',
    'not yet... wait ok yes go ahead',
    'yes hold on to that slot',
    'yep sounds good, one sec let me grab my card',
    "sure thing, i'll let you know if anything changes",
    'yes! cant wait',
  ])('%s', (text) => expect(atSummary(text).intent).toBe('confirm'));
  it('a change beside the hold is the change', () => {
    const u = atSummary('not yet, can we do 3 instead');
    expect(u.abandons).toBeUndefined();
    expect(u.when?.exactTime).toBe(true);
  });
  it('a bare no stays a no', () => expect(parseYesNo('no wait')).toBe('no'));
  it.each([
    ['before you book it, how much is it?', 'business_info'],
    ['wait before u confirm, whats the address', 'business_info'],
  ])('a question asked on the way to the yes is answered: %s', (text, intent) => {
    const u = atSummary(text);
    expect(u.intent).toBe(intent);
    expect(u.abandons).toBeUndefined();
  });
});
