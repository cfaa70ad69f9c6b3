import { describe, expect, it } from 'vitest';
import { matchService, understand } from '../../../src/conversation/understanding/index.ts';
import { SERVICES, ctxOnDec1 } from './fixtures.ts';

// Set 8's service and staff words (issue 14), in other wordings: a service word spelt as it
// sounds ("highlites"), and two people named as alternatives ("lee or dana doesn't matter").

describe('a service word spelt as it sounds', () => {
  it.each([
    ['hilights on friday', 'svc-color'],
    ['can i get highlites', 'svc-color'],
    ['a manicur tomorrow', 'svc-mani'],
  ])('%j → %s', (text, id) => expect(matchService(text, SERVICES)?.id).toBe(id));

  it.each(['lights out at 9', 'tonite works', 'a photo of my hair'])('%j names no service', (text) => {
    expect(matchService(text, SERVICES)).toBeUndefined();
  });
});

describe('two people named as alternatives', () => {
  it.each(['dana or will, whoever is free, trim friday', 'will or dana is fine for a cut', 'cut thursday 3pm with dana or with will'])('%j asks for anyone', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.anyStaff).toBe(true);
    expect(u.staffId).toBeUndefined();
  });

  it('one person named is that person', () => {
    expect(understand('trim friday with will', ctxOnDec1()).staffId).toBe('st-will');
  });
});
