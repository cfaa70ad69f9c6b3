import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../../src/conversation/understanding/index.ts';
import { withoutHoursRemark } from '../../../src/conversation/understanding/hours-remark.ts';
import { at, localNY, NY } from './fixtures.ts';

// Two ways a run-on text names times it does not ask for: the business's hours said back
// ("ur open till 7 right"), and a day told as the reason ("my party is the 19th") before
// the day and time asked.

const now = at('2026-12-01T09:00', NY);

describe("the business's hours said back", () => {
  it.each([
    ['wed at 5 wait you guys close at 5 right? so 4:30', '2026-12-02 16:30'],
    ['monday at 9, no sorry ur open at 9 right, make it 9:30', '2026-12-07 09:30'],
  ])('%s', (text, local) => {
    const w = parseWhen(text, now, NY);
    expect(w?.exactTime).toBe(true);
    expect(localNY(w?.from)).toBe(local);
  });

  it('a remark that names its own day stays a time', () => {
    expect(withoutHoursRemark('do you close at 6 on friday')).toBe('do you close at 6 on friday');
  });
});

describe('a day told as the reason, then the day and time asked', () => {
  it.each([
    ['my party is on the 19th so i want a cut before, maybe wednesday the 16th at 11', '2026-12-16 11:00'],
    ['flying out saturday, can u fit me in friday at 3', '2026-12-04 15:00'],
  ])('%s', (text, local) => {
    expect(localNY(parseWhen(text, now, NY)?.from)).toBe(local);
  });

  it('a day set against the later one stays the day asked', () => {
    const w = parseWhen('friday, or else monday at 2', now, NY);
    expect(localNY(w?.from)).toBe('2026-12-04 00:00');
  });
});
