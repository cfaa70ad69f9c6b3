import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { correctTypos } from '../../../src/conversation/understanding/text.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// Short words typed fast with two neighbouring letters swapped ("cna", "mvoe", "teh"): too
// short for the fuzzy spelling match, read back when the swap gives a word the rules need.

describe('short words with swapped letters', () => {
  it.each([
    ['cna you help', 'can you help'],
    ['plz mvoe it', 'please move it'],
    ['teh 4th wiht dana', 'the 4th with dana'],
    ['waht about next weke', 'what about next week'],
  ])('%s reads as %s', (text, read) => {
    expect(correctTypos(text)).toBe(read);
  });

  it('leaves real words and protected names alone', () => {
    expect(correctTypos('form the tan gum')).toBe('form the tan gum');
    expect(correctTypos('ask teh', new Set(['teh']))).toBe('ask teh');
  });

  it('a move said with swapped letters moves the booking to the hour said', () => {
    const u = understand('hey cna u mvoe my cut on thurs teh 10th to 4', ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe('2026-12-10 00:00');
    expect(u.when?.description).toBe('at 4');
  });
});
