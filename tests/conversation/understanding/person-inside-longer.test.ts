import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// A person asked for inside a longer message: beside a booking kept as it is, or a stylist
// asked for by name ("speak with dana directly"). Either way it is a hand-off.

describe('a person asked for beside a kept booking, or by name', () => {
  it.each([
    "i'll keep my thursday appt as is but can i talk to a person about the price",
    'leave my booking where it is, i just need to speak with someone about a refund',
    'could i talk to dana herself before my color tomorrow',
    'is it possible to speak with will directly about my hair',
    'the girl at the desk was rude to me last visit',
  ])('"%s" is for a person', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('human');
  });

  it.each([
    ['keep it as is', 'decline'],
    ['a trim with dana on friday at 2', 'book'],
  ])('"%s" stays %s', (text, intent) => {
    expect(understand(text, ctxOnDec1()).intent).toBe(intent);
  });
});
