import { describe, expect, it } from 'vitest';
import { spellNewHours } from '../../../src/conversation/understanding/new-hour.ts';

// A bare hour said as the new time of a change of mind is written "at H"; a number that
// is an option, a count or a refusal stays as it is.

const atSummary = { expecting: 'confirmation' as const, optionCount: 4 };
const atList = { expecting: 'choice' as const, optionCount: 4 };

describe('spellNewHours', () => {
  it.each([
    ['actually can we do 3 instead', 'actually can we do at 3 instead'],
    ['no sorry 12 is better', 'no sorry at 12 is better'],
    ['nah 11 works better', 'nah at 11 works better'],
    ['book it for 11 instead', 'book it for at 11 instead'],
    ['can you book me for 4', 'can you book me for at 4'],
    ['i meant 10', 'i meant at 10'],
    ['is 3 possible instead', 'is at 3 possible instead'],
    ['wait no, 11', 'wait no, at 11'],
    ['10 with lee if shes free', 'at 10 with lee if shes free'],
  ])('at the summary %j → %j', (text, spelled) => {
    expect(spellNewHours(text, atSummary)).toBe(spelled);
  });

  it.each([
    'i cant do 3',
    "can't really do 4",
    'no, 2',
    'table for 3',
    '3 people instead',
    'for 30 mins instead',
    'make it 3pm instead',
    'at 3 instead',
    'the 3rd instead',
    '$40 is better',
  ])('leaves %j as it is', (text) => {
    expect(spellNewHours(text, atSummary)).toBe(text);
  });

  it('with options on screen, a bare number is an option unless said to be better', () => {
    expect(spellNewHours('can we do 3', atList)).toBe('can we do 3');
    expect(spellNewHours('actually 2', atList)).toBe('actually 2');
    expect(spellNewHours('can we do 3 instead', atList)).toBe('can we do at 3 instead');
  });

  it('after an opener, an hour no option has is a time', () => {
    expect(spellNewHours('sorry 12', atSummary)).toBe('sorry at 12');
    expect(spellNewHours('sorry 3', atSummary)).toBe('sorry 3');
  });
});

describe('a second thought offered as a question', () => {
  it.each([
    ['hmm or maybe 3?', 'hmm or maybe at 3?'],
    ['or 11?', 'or at 11?'],
    ['maybe 12 then', 'maybe at 12 then'],
  ])('at the summary %j → %j', (text, spelled) => {
    expect(spellNewHours(text, { expecting: 'confirmation', optionCount: 0 })).toBe(spelled);
  });

  it('an option number stays one when options are on screen', () => {
    expect(spellNewHours('or maybe 2?', atSummary)).toBe('or maybe 2?');
    expect(spellNewHours('maybe 2', atList)).toBe('maybe 2');
  });
});

describe('a bare hour asked about', () => {
  it.each([
    ['tues next week, would 11 be alright?', 'tues next week, would at 11 be alright?'],
    ['does 3 work for a trim', 'does at 3 work for a trim'],
    ['is 10 free on the 9th', 'is at 10 free on the 9th'],
  ])('%j → %j', (text, spelled) => {
    expect(spellNewHours(text, { expecting: null, optionCount: 0 })).toBe(spelled);
  });

  it('a count or an option asked about stays', () => {
    expect(spellNewHours('is 2 ok', atList)).toBe('is 2 ok');
    expect(spellNewHours('is 3 people ok', { expecting: null, optionCount: 0 })).toBe('is 3 people ok');
  });
});
