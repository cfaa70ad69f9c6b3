import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { asksPolicy } from '../../../src/conversation/understanding/policy-question.ts';
import { keepsOnlyIf } from '../../../src/conversation/understanding/keep-supposed.ts';
import { ctx } from './fixtures.ts';

describe('a change asked about by how close the booking is, or with "is that too late" after it', () => {
  it.each([
    'is it ok to change my appt if its in 2 days? or is that too late',
    'can i still cancel if its only in a few hours',
    'am i allowed to move it if its within a day',
    'id like to reschedule, or is it too late?',
    'can i cancel or would that be too last minute',
  ])('%j asks for the policy', (text) => {
    expect(asksPolicy(text)).toBe(true);
    expect(understand(text, ctx(null))).toMatchObject({ intent: 'business_info', infoTopic: 'policies' });
  });

  it.each(['can i move it to friday at 3 or is that too late', 'can i move it to 7 or is that too late', 'is it ok to move my appt to friday'])(
    '%j names a new time: a move asked for',
    (text) => {
      expect(understand(text, ctx(null)).intent).toBe('reschedule');
    },
  );

  it('a cancel of the booking in 2 days stays a cancel', () => {
    expect(understand('cancel my appt thats in 2 days', ctx(null)).intent).toBe('cancel');
  });
});

describe('a fee asked back about the change just made', () => {
  it.each(['do i get charged anything for that?', 'is there a fee for that', 'will i be charged for that', 'do we get billed for it'])('%j asks for the policy', (text) => {
    expect(understand(text, ctx(null))).toMatchObject({ intent: 'business_info', infoTopic: 'policies' });
  });

  it('a price asked is no policy question', () => {
    expect(understand('how much do you charge for that', ctx(null)).infoTopic).not.toBe('policies');
  });
});

describe('a keep only supposed is no decision', () => {
  it.each([
    "actually wait how long is the consult? if its quick i'll keep it",
    'hmm how long does a color take? ill keep it if its under 2 hours',
    'wait whats the price of a consult? if its cheap ill just keep it',
  ])('%j asks its question', (text) => {
    const u = understand(text, ctx('confirmation'));
    expect(u.intent).toBe('business_info');
    expect(u.answer).not.toBe('no');
  });

  it.each(["if its quick i'll keep it", 'id keep it if its short'])('%j keeps only if', (text) => {
    expect(keepsOnlyIf(text)).toBe(true);
  });

  it.each(['ok keep it then', 'keep it', 'no keep it, how long is it though'])('%j keeps outright', (text) => {
    expect(keepsOnlyIf(text)).toBe(false);
    expect(understand(text, ctx('confirmation')).intent).toBe('decline');
  });
});
