import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// At a summary, a refusal with a promise to come back ("sure, wait, i can't make monday,
// i'll call back later") leaves the request for now; a yes with such a promise still books.

describe('a proposal refused for now', () => {
  it.each([
    "sure... wait i can't make monday after all, i'll call back later",
    'nope, my shift changed. nvm, will text you next week',
  ])('"%s" leaves it for now', (text) => {
    expect(understand(text, ctxOnDec1('confirmation'))).toMatchObject({ intent: 'decline', abandons: true });
  });

  it('"yes please, ill text you later if plans change" still confirms', () => {
    expect(understand('yes please, ill text you later if plans change', ctxOnDec1('confirmation')).intent).toBe('confirm');
  });
});
