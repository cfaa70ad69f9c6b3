import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// At a cancel's summary, "wrong one, i meant X. keep Y" names X, not the Y kept; and
// short words with two letters swapped ("teh", "tiem", "smae") read as meant.

describe('a correction of which booking that says which stays', () => {
  it.each([
    ['oops wrong appt, i meant the 18th, leave the 11th alone', '2026-12-18'],
    ['no i meant friday. keep thursday pls', '2026-12-04'],
  ])('%s', (text, day) => {
    const u = understand(text, ctxOnDec1('confirmation'));
    expect(u.meantOther).toBe(true);
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe(day);
  });

  it('a keep alone still keeps', () => {
    expect(understand('no keep it', ctxOnDec1('confirmation')).intent).toBe('decline');
  });

  it('"just checking my appt ... still on" is no correction', () => {
    expect(understand('just checking my appt on the 9th is still on?', ctxOnDec1()).when).toBeDefined();
  });
});

describe('short words with letters swapped', () => {
  it.each([
    ['smae tiem on thursday', '2026-12-03'],
    ['wednesday teh 9th same tmie', '2026-12-09'],
  ])('%s', (text, day) => {
    const u = understand(text, ctxOnDec1('time'));
    expect(u.shift?.sameTime).toBe(true);
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe(day);
  });
});
