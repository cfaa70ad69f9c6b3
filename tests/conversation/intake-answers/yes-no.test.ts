import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../../src/conversation/intake-answers/yes-no.ts';

const FIRST_VISIT = 'Is this your first visit with us?';
const BEEN_BEFORE = 'Have you been to us before?';

describe('readYesNo: a yes/no answered in words', () => {
  it.each([
    ['yes', true], ['y', true], ['yep first time', true], ['first time here', true], ['its my first', true], ['never been', true],
    ["haven't been before", true], ['new client', true], ['yes!! first time', true],
    ['no', false], ['nope been before', false], ["i've been before", false], ['no ive been before', false],
    ['not my first time', false], ['been here a few times', false], ['I have been there before', false], ['returning client', false],
  ])('%j to a first-visit question → %s', (text, want) => {
    expect(readYesNo(text, FIRST_VISIT)).toBe(want);
  });

  it.each([
    'was here back in march', 'came by a couple months ago', 'you did my color last year', 'i visited once', 'popped in last summer',
  ])('%j tells of an earlier visit: not a first one', (text) => {
    expect(readYesNo(text, FIRST_VISIT)).toBe(false);
    expect(readYesNo(text, BEEN_BEFORE)).toBe(true);
  });

  it('a visit told without its time is no answer', () => {
    expect(readYesNo('i came across you online', FIRST_VISIT)).toBeUndefined();
    expect(readYesNo('was told to book this', FIRST_VISIT)).toBeUndefined();
  });

  it('reads the same words the other way round when the question asks about having been before', () => {
    expect(readYesNo('first time here', BEEN_BEFORE)).toBe(false);
    expect(readYesNo("i've been before", BEEN_BEFORE)).toBe(true);
    expect(readYesNo('nope never been', BEEN_BEFORE)).toBe(false);
  });

  it.each(['no first time', 'yes i have been before', "i'm not sure", 'maybe', 'what time was that?'])('%j is no clear answer (asked again)', (text) => {
    expect(readYesNo(text, FIRST_VISIT)).toBeUndefined();
  });

  it('answers that restate the verb', () => {
    expect(readYesNo('i do', 'Do you have any allergies?')).toBe(true);
    expect(readYesNo("i don't", 'Do you have any allergies?')).toBe(false);
    expect(readYesNo('first time', 'Do you have any allergies?')).toBeUndefined();
  });
});
