// "change it to a trim instead, same time", "can i make it a haircut instead", "switch to a cut
// at 3": said while a cancel of one booking awaits its yes, another service in that booking's
// place. The booking on screen goes (the customer asked to cancel it and still wants it gone)
// and the other service is asked for, at the canceled one's time unless the words name another.
// The reading is only of the words; the turn (turn/swap-at-cancel.ts) knows what is on screen.
import { parseShift } from './moves.ts';
import { normalize, simplify } from './text.ts';

// What says the service named takes the booking's place, not that a second one is added.
const IN_PLACE = /\b(?:instead|rather|switch|switched|change|changed|swap|swapped|turn (?:it|that|this)|make (?:it|that|this)|made (?:it|that|this)|do (?:it|that|this) as|go with)\b/;
// The words before a service that name a booking had rather than a service asked for.
const BOOKING_NAMED = /^(?:the|my|our|that|this|his|her|their)$/;
// Words that read as a move or a choice once the service is named, and say nothing of the new time.
const SWAP_WORDS = /\b(?:instead|rather|please|pls|plz|thanks|thx|then|just|ok|okay)\b/g;

export interface ServiceInPlace<S> {
  service: S;
  /** The words for the new service's own time ("at 3", "friday at 2"); none when it takes the canceled one's. */
  time?: string;
}

/**
 * The service asked in place of the booking on screen, with the words for its time; undefined
 * unless the text names exactly one service and says it replaces what is there.
 */
export function serviceInPlace<S extends { name: string }>(text: string, matchServices: (part: string) => S[], timed: (part: string) => boolean): ServiceInPlace<S> | undefined {
  const s = normalize(text);
  if (!IN_PLACE.test(simplify(s))) return undefined;
  const named = matchServices(s);
  if (named.length !== 1) return undefined;
  const service = named[0]!;
  const said = s.split(/\s+/);
  // The words after the service's own: where its time is said ("to a cut at 3", "a trim tmrw instead").
  const end = said.findIndex((_, i) => matchServices(said.slice(0, i + 1).join(' ')).includes(service));
  // "no i meant the color instead", "my color instead": a booking named, the one to cancel, not a service asked.
  let start = end;
  while (start > 0 && !matchServices(said.slice(start, end + 1).join(' ')).includes(service)) start--;
  if (BOOKING_NAMED.test(said[start - 1] ?? '')) return undefined;
  const tail = said.slice(end + 1).join(' ').replace(SWAP_WORDS, ' ').replace(/^[\s,.;!?-]+|[\s,.;!?-]+$/g, '').replace(/\s+/g, ' ');
  const shift = tail ? parseShift(simplify(tail)) : undefined;
  const own = tail && !shift?.sameTime && timed(tail);
  return own ? { service, time: tail } : { service };
}
