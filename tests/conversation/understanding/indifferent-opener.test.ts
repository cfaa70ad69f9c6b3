import { describe, expect, it } from 'vitest';
import { parseYesNo, understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1 as ctx, localNY } from './fixtures.ts';

// "dont care who does it, ..." opens a request with indifference: the "dont" refuses nothing.

describe('indifference is no "no"', () => {
  it.each(["don't mind who, tues at 3 for a cut", 'do not care which stylist', 'dont care who cuts it'])('%s is no answer', (text) => {
    expect(parseYesNo(text)).toBeUndefined();
  });

  it.each(['dont', "don't book it", 'do not'])('%s is still a no', (text) => {
    expect(parseYesNo(text)).toBe('no');
  });

  it('the request after it is read, with anyone', () => {
    const u = understand("don't mind who does it, wed 2:30 for a haircut", ctx());
    expect(u.intent).toBe('book');
    expect(u.anyStaff).toBe(true);
    expect(localNY(u.when?.from)).toBe('2026-12-02 14:30');
  });
});
