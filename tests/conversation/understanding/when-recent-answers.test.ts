import { describe, expect, it } from 'vitest';
import { resolveWhen } from '../../../src/conversation/understanding/when.ts';
import { at } from './fixtures.ts';

const NY = 'America/New_York';
const now = at('2026-10-28T10:00', NY);

describe('resolveWhen keeps its recent answers', () => {
  it('gives the same answer again, as a copy its caller may change', () => {
    const first = resolveWhen('friday after 4', now, NY)!;
    const kept = { from: first.range.from.getTime(), to: first.range.to.getTime() };
    first.range.dayNamed = false;
    first.range.from.setTime(0);
    first.range.description = 'changed by a caller';
    const again = resolveWhen('friday after 4', now, NY)!;
    expect(again.range.from.getTime()).toBe(kept.from);
    expect(again.range.to.getTime()).toBe(kept.to);
    expect(again.range.dayNamed).toBe(true);
    expect(again.range.description).not.toBe('changed by a caller');
  });

  it('answers by instant and zone: the same words another day or in another zone are another answer', () => {
    const today = resolveWhen('tomorrow at 3', now, NY)!;
    const dayLater = resolveWhen('tomorrow at 3', new Date(now.getTime() + 86_400_000), NY)!;
    const london = resolveWhen('tomorrow at 3', now, 'Europe/London')!;
    expect(dayLater.range.from.getTime() - today.range.from.getTime()).toBe(86_400_000);
    expect(london.range.from.getTime()).not.toBe(today.range.from.getTime());
  });

  it('stays right past the number it keeps', () => {
    const texts = Array.from({ length: 100 }, (_, i) => `dec ${(i % 28) + 1} at ${(i % 8) + 9}`);
    const once = texts.map((t) => resolveWhen(t, now, NY)?.range.from.getTime());
    expect(texts.map((t) => resolveWhen(t, now, NY)?.range.from.getTime())).toEqual(once);
  });

  it('still gives nothing for an instant that is no date', () => {
    expect(resolveWhen('friday', new Date(Number.NaN), NY)).toBeUndefined();
  });
});
