// "cancel my haircut, i want to do a color instead", "cancel my consult. just book me a trim
// at the same time": one service canceled and another booked in its place. A move keeps its
// service, so this is a cancel first; the booking is read from its own words once the cancel
// is done (providers/offline-after-cancel.ts).

// Where the part naming what is canceled ends and the part naming what is booked begins.
const SEPARATOR = /[,.;!?]|\b(?:to|and|then|for|into|instead)\b/g;

export interface ServiceSwap<S> {
  /** The words up to the separator: the booking canceled (or moved). */
  head: string;
  /** The words after it: the booking asked for. */
  tail: string;
  from: S;
  to: S;
}

/** The first split of the text into two parts naming one different service each; undefined if there is none. */
export function serviceSwap<S>(raw: string, matchServices: (part: string) => S[]): ServiceSwap<S> | undefined {
  for (const m of raw.matchAll(SEPARATOR)) {
    const head = raw.slice(0, m.index);
    const tail = raw.slice(m.index + m[0].length);
    const from = matchServices(head);
    const to = matchServices(tail);
    if (from.length === 1 && to.length === 1 && from[0] !== to[0]) return { head, tail, from: from[0]!, to: to[0]! };
  }
  return undefined;
}
