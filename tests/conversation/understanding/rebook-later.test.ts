import { describe, expect, it } from 'vitest';
import { withoutRebookLater } from '../../../src/conversation/understanding/rebook-later.ts';

// "just cancel it, i'll rebook later": the customer will book again themselves; that clause
// asks for nothing now and must not turn the cancel into a move.

describe('a clause saying the customer will book again later', () => {
  it.each([
    ["ugh actually just cancel it, i'll rebook later", 'ugh actually just cancel it'],
    ['cancel please, will reschedule when i know my schedule', 'cancel please'],
    ['scrap it, ill book again another time', 'scrap it'],
    ['just cancel, rebook later', 'just cancel'],
    ["cancel, i'll call to reschedule", 'cancel'],
    ['pls cancel my color, will text you to rebook', 'pls cancel my color'],
    ["cancel friday, i'm gonna make a new appointment next month", 'cancel friday'],
  ])('%s -> %s', (text, left) => {
    expect(withoutRebookLater(text)).toBe(left);
  });

  it.each([
    'cancel it and rebook me next week',
    'can i rebook the haircut for sunday',
    'reschedule to friday at 2',
    "i'll take the 3pm",
    'book again for monday please',
  ])('%s: a request of its own, kept whole', (text) => {
    expect(withoutRebookLater(text)).toBe(text);
  });

  it('a message that is only that clause is left as it is', () => {
    expect(withoutRebookLater("i'll reschedule later")).toBe("i'll reschedule later");
  });
});
