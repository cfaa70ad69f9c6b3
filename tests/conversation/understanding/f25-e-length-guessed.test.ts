import { describe, expect, it } from 'vitest';
import { readLengthAndSize } from '../../../src/conversation/understanding/length-and-size.ts';

describe('readLengthAndSize: what a service takes, guessed by the customer, asks no length', () => {
  it.each([
    'just need my bangs trimmed fri 11:30, takes like 5 min lol',
    'bang trim thurs 2pm. it only takes 10 mins',
    "trim sat at 3 it'll take 15 min tops",
    'quick cut fri at 1 - takes maybe 20 minutes',
    'neck cleanup mon at 4, it usually takes 10 min',
    'cut fri at 1, 20 min or so',
  ])('%j sets no length', (text) => {
    const read = readLengthAndSize(text);
    expect(read.durationMinutes).toBeUndefined();
    expect(read.text).not.toMatch(/\bmin/);
  });

  it.each([
    ['color fri at 1 for 2 hours', 120],
    ['book 90 min color sat', 90],
    ['cut 30 min lol fri', 30],
    ['a color that takes 2 hours fri', 120],
  ])('%j still asks a length', (text, minutes) => {
    expect(readLengthAndSize(text).durationMinutes).toBe(minutes);
  });
});
