import { describe, expect, it } from 'vitest';
import { matchOption } from '../../../src/conversation/intake-answers/choice-option.ts';

// "a buddy of mine" (set 8): a person the customer knows, in any of the words people use for
// one, answers "How did you hear about us?" with the Friend option.
const REFERRAL = ['Friend', 'Online', 'Walk-by'];

describe('a person the customer knows names the Friend option', () => {
  it.each(['my pal sent me', 'a mate from work', 'my bff', 'a classmate of mine', 'my niece goes there', 'my boss', 'homie told me'])('%j → Friend', (text) => {
    expect(matchOption(text, REFERRAL)).toEqual({ index: 0 });
  });

  it('a person and a website together is no one option', () => {
    expect(matchOption('my pal showed me your instagram', REFERRAL)).toEqual({ ambiguous: true });
  });
});
