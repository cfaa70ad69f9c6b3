import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { cancelAsked } from '../../../src/conversation/understanding/cancel-passive.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// f29-b (set 28's yb111): a passive cancel with the booking said first, as the subject
// ("my daughter's cut on wed at 4 needs to be canceled"): a cancel of it, never a new booking.

describe('a cancel asked with the booking first', () => {
  it.each([
    ['my daughter\'s cut on wed at 4 needs to be canceled, she has a school concert', '2026-12-02 16:00'],
    ['sorry but the 12th has to be cancelled', '2026-12-12 00:00'],
    ['ok my friday color should be canceled pls', '2026-12-04 00:00'],
    ['fri needs cancelling, sorry', '2026-12-04 00:00'],
    ['hi, my son\'s trim on the 9th must be cancelled', '2026-12-09 00:00'],
    ['unfortunately my thursday appt will have to be canceled', '2026-12-03 00:00'],
  ])('%j: a cancel of that booking', (text, from) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(localNY(u.when?.from)).toBe(from);
  });

  it.each([
    'if my cut needs to be canceled let me know',
    "i don't think the 4th has to be cancelled",
    'my cut on wed was cancelled?',
    'does my cut need to be canceled',
    'why was my friday appt cancelled',
  ])('%j: no cancel asked, left as said', (text) => {
    expect(cancelAsked(text)).toBe(text);
  });
});
