import { describe, expect, it } from 'vitest';
import { parseYesNo } from '../../../src/conversation/understanding/choice.ts';

// Fixer 31d (set 30's ye095): "omw basically, yes" at a booking summary read as nothing. A remark
// that asks and changes nothing, then the yes: the yes is the answer. A first clause with a time,
// a day, a person, a service, a no or a request is no mere remark, and is read as before.

describe('a remark, then the yes', () => {
  it.each(['omw basically, yes', 'already in the car lol, yes', 'haha perfect timing, ok', 'my hair is a disaster, yep book it', 'finally!! yes', 'been dying for this - yes'])('%s', (text) => expect(parseYesNo(text)).toBe('yes'));
});

describe('near misses: a first clause that changes something', () => {
  it.each(['not today, yes', 'my son too, yes', 'can we do 6, yes', 'with lee, yes', 'the color, yes', 'tomorrow instead, ok'])('%s', (text) => expect(parseYesNo(text)).not.toBe('yes'));
  it('a no after a remark stays no answer', () => expect(parseYesNo('omw basically, no')).not.toBe('yes'));
});
