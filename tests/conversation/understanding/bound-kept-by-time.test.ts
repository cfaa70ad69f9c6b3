import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../../src/conversation/understanding/index.ts';
import { at, localNY, NY } from './fixtures.ts';

// "at 2 wait is that too late? i need to leave by 4": after a "wait", a bound that the time
// already said keeps is a worry about that time, not another time. A bound the time breaks
// still corrects it.

const now = at('2026-12-01T09:00', NY);

describe('a bound after a "wait"', () => {
  it.each([
    ['color thurs 12/10 at 11, wait will that be done in time? gotta be out before 2', '2026-12-10 11:00'],
    ['trim friday at 10 oh wait i have to leave by 1', '2026-12-04 10:00'],
  ])('%s keeps the time', (text, local) => {
    const w = parseWhen(text, now, NY);
    expect(w?.exactTime).toBe(true);
    expect(localNY(w?.from)).toBe(local);
  });

  it('a bound the time breaks corrects it', () => {
    const w = parseWhen('cut fri at 5 wait no, before 4', now, NY);
    expect(w?.exactTime).toBe(false);
    expect(localNY(w?.to)).toBe('2026-12-04 16:00');
  });
});
