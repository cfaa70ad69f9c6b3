// Half-open [start, end) time ranges in epoch ms, as pairs: the arithmetic utilization
// needs (clip to the report window, merge overlaps, take time off away, add up).

export type Range = readonly [number, number];

/** Sorted, with overlapping and touching ranges joined. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** The parts of `ranges` inside [from, to). */
export function clipRanges(ranges: readonly Range[], from: number, to: number): Range[] {
  return ranges.map(([s, e]): Range => [Math.max(s, from), Math.min(e, to)]).filter(([s, e]) => e > s);
}

/** `ranges` with every moment covered by `cuts` removed. */
export function subtractRanges(ranges: readonly Range[], cuts: readonly Range[]): Range[] {
  const holes = mergeRanges(cuts);
  const out: Range[] = [];
  for (const [start, end] of mergeRanges(ranges)) {
    let s = start;
    for (const [hs, he] of holes) {
      if (he <= s || hs >= end) continue;
      if (hs > s) out.push([s, hs]);
      s = Math.max(s, he);
    }
    if (s < end) out.push([s, end]);
  }
  return out;
}

/** Total length in ms, overlaps counted once. */
export const totalMs = (ranges: readonly Range[]): number => mergeRanges(ranges).reduce((sum, [s, e]) => sum + (e - s), 0);
