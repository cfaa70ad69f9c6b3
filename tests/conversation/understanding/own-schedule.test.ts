import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 } from './fixtures.ts';

// Questions about the customer's own schedule (set 10's q-02, q-05).

describe("the customer's own schedule", () => {
  it.each(["what's my calendar look like", 'how does our schedule look this week', 'what time am i coming in friday', 'ok what time tomorrow'])('%s', (text) => {
    expect(understand(text, ctxOnDec1()).intent).toBe('my_appointments');
  });

  it.each(['what times do you have saturday', 'what time do you open monday', 'looking for a cut friday'])('%s is no question about it', (text) => {
    expect(understand(text, ctxOnDec1()).intent).not.toBe('my_appointments');
  });
});
