// "cancel my haircut, i want to do a color instead", "cancel my consult. just book me a trim
// at the same time": one service canceled and another booked in its place. A move keeps its
// service, so this is a cancel first; the booking is read from its own words once the cancel
// is done (providers/offline/after-cancel.ts).

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

// "a trim instead of color", "rather do a haircut than the color": the new service said first,
// the booking's after. The booking's own words say it is one the customer has ("my", "the").
const NEW_BEFORE_OLD = /\binstead of\b|\brather than\b|(?<=\brather\b.*)\bthan\b/g;

/**
 * The swap of one booked service for another said new service first ("make my thursday a trim
 * instead of color", "id rather do a haircut than the color"); undefined otherwise. `owned`
 * says whether the words (before, and of the old service) name a booking the customer has ("my thursday", "the color").
 */
export function swapSaidBackwards<S>(raw: string, matchServices: (part: string) => S[], owned: (head: string, old: string) => boolean): ServiceSwap<S> | undefined {
  for (const m of raw.matchAll(NEW_BEFORE_OLD)) {
    const head = raw.slice(0, m.index);
    const tail = raw.slice(m.index + m[0].length);
    // The old service right after the words ("instead of my color appt", "than doing the color"), not in a later request.
    const said = tail.trim().split(/\s+/).slice(0, 3).join(' ').replace(/^(?:doing|getting|having)\s+/, '');
    const from = matchServices(said);
    const to = matchServices(head);
    if (from.length !== 1 || to.length !== 1 || from[0] === to[0]) continue;
    if (!owned(head, said)) continue;
    return { head, tail, from: from[0]!, to: to[0]! };
  }
  return undefined;
}
