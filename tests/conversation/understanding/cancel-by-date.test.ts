import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// A cancel that names its booking twice, by a weekday or "tomorrow" and by its date: the
// date names it (a regression of the change that stopped a cancel's later clause from
// being read as a new time had it cancel the weekday's booking instead).

describe('a cancel that names its day twice', () => {
  it.each([
    ['drop my friday color, the one on the 18th', '2026-12-18'],
    ['cancel next tuesday please - dec 15 i mean', '2026-12-15'],
    ['scrap my wednesday appt (12/16) thanks', '2026-12-16'],
    ['cancel tmrw, sorry, i mean the 9th', '2026-12-09'],
  ])('%s', (text, day) => {
    const u = understand(text, ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe(day);
  });

  it('keeps the time said beside the date', () => {
    const u = understand('cancel my monday 2pm, the 14th', ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(localNY(u.when?.from)).toBe('2026-12-14 14:00');
  });

  it('a cancel with one day and a later aside still names the first day', () => {
    const u = understand("cancel saturday's trim, i'm away tomorrow anyway", ctxOnDec1());
    expect(u.intent).toBe('cancel');
    expect(localNY(u.when?.from)?.slice(0, 10)).toBe('2026-12-05');
  });
});
