import { describe, expect, it } from 'vitest';
import { understand } from '../../../src/conversation/understanding/index.ts';
import { ctxOnDec1, localNY } from './fixtures.ts';

// "could we do the 22nd at 10 instead of the 16th": the day after "instead of" is the booking's, the other its new time.

describe('a new time instead of the booked day', () => {
  it('moves the booking of the day said after "instead of"', () => {
    const u = understand('hey could i do my trim wed the 16th at 1 instead of the 11th?', ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe('2026-12-11 00:00');
    expect(localNY(u.when?.from)).toBe('2026-12-16 13:00');
  });

  it('reads a weekday after "instead of" as the booking\'s', () => {
    const u = understand('can i come monday instead of friday, same time', ctxOnDec1());
    expect(u.intent).toBe('reschedule');
    expect(localNY(u.apptWhen?.from)).toBe('2026-12-04 00:00');
  });

  it('a person after "instead of" names no booking', () => {
    const u = understand('a cut on the 11th at 10 with dana instead of will', ctxOnDec1());
    expect(u.intent).toBe('book');
    expect(u.apptWhen).toBeUndefined();
  });
});
