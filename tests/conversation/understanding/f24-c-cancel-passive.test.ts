import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { cancelAsked } from '../../../src/conversation/understanding/cancel-passive.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// f24-c (set 23's zr096): a cancel asked in the passive ("make sure both wed and fri are
// cancelled"), and two bookings joined by a plus ("(wed + fri)").

describe('a cancel asked in the passive', () => {
  it.each([
    ['make sure my friday is canceled', '2026-12-04 00:00'],
    ['pls make sure the 4th is cancelled too', '2026-12-04 00:00'],
    ['i need my friday cut cancelled', '2026-12-04 00:00'],
    ['can you get the 4th canceled', '2026-12-04 00:00'],
    ['pls have my color on the 9th cancelled', '2026-12-09 00:00'],
  ])('%j: a cancel of that day', (text, from) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(localNY(u.when?.from)).toBe(from);
  });

  it('both days named: each a target', () => {
    const u = understand('make sure both wed and fri are cancelled', ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(u.targets?.map((t) => localNY(t.when?.from))).toEqual(['2026-12-02 00:00', '2026-12-04 00:00']);
  });

  it.each(['is my friday cancelled?', 'did the 4th get canceled', 'i want to know if my friday is cancelled', 'why was my appt cancelled'])(
    '%j: a question, left as said',
    (text) => {
      expect(cancelAsked(text)).toBe(text);
    },
  );
});

describe('two bookings joined by a plus', () => {
  it.each(['cancel wed + fri', 'cancel both my cuts this week pls (wed + fri), the color on the 16th stays', 'cancel my cut wed+fri'])('%j: wednesday and friday', (text) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(u.targets?.map((t) => localNY(t.when?.from))).toEqual(['2026-12-02 00:00', '2026-12-04 00:00']);
  });

  it('a phone number\'s "+1" joins nothing', () => {
    expect(understand('cancel my friday cut, call me at +1 555 0100', ctxOnDec1()).targets).toBeUndefined();
  });
});
