import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Half hours written with digits ("1.5 hrs later", set 10's q-04).

describe('half hours written with digits', () => {
  it.each([
    ['move my trim 2.5 hrs later', 150],
    ['bring it forward 1.5 hours', -90],
    ['can the massage be 3 1/2 hours later', 210],
  ])('%s', (text, minutes) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(u.shift?.minutes).toBe(minutes);
  });
});
