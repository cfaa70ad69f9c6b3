// "ugh never mind the color, just a cut at 1", "forget the consult, i know what i want. just a
// haircut thurs at 11": the service being asked for is taken back and another named in its
// place. Only the second is the request; the first must not make the two "fit equally".
import { CALLED_OFF } from './called-off.ts';
import { serviceSwap } from './cancel-and-book.ts';
import { matchServices } from './services.ts';
import { normalize, words } from './text.ts';
import type { ServiceCatalogEntry } from './types.ts';

// Words that take back the service after them ("never mind the color", "scratch the consult",
// "i dont need a consult").
const TAKES_BACK = /\b(?:never ?mind|nvm|forget(?: about)?|scratch|skip|no more|not an?|instead of|(?:do ?n'?t|do not) (?:need|want))(?: the| that| a| an)? ?$/;
// "i just want a trim, not a consult": the service after these words is the one ruled out, the one before them asked.
const RULED_OUT_AFTER = /^[\s,.!-]*(?:(?:but |and )?not|rather than|instead of)(?: the| that| a| an)? /;
// "dont need the manicure anymore, keep my facial", "don't need the color, the cut is still good": one booking
// dropped and the other kept is a cancel (called-off.ts), no request.
const KEEPS_OTHER = /\bkeep(?:ing)?\b|\b(?:is|are) still (?:good|fine|on|ok|okay|happening)\b|\bstays?\b/;
// A booking the customer has is canceled, not taken back: "forget my color appt, book a cut" is read as a cancel.
const NAMES_BOOKING = /\b(?:my|our|appointment|appt|booking|booked)\b/;
// So is one said not needed any more ("dont want the color anymore, a trim instead", called-off.ts);
// "i dont need a consult anymore, just a trim" names none and takes the consult back.

// A slip corrected on the spot: "highlights, no sorry a cut", "a color oops i meant a trim".
// What may stand with the new service alone after the slip: "just a trim", "a cut instead pls".
const ONLY_A_SERVICE = /^(?:just |only |then |a |an |the )*[a-z' -]+?(?: instead| then| pls| please| thanks| lol)*[\s,.!]*$/;
const CORRECTION = /[\s,.!-]+(?:(?:no|nah|nope|wait|sorry|oops|actually|i mean|i meant|or rather|make it|make that)\b[\s,.!-]*)+/g;

/** The text with a service taken back said as "never mind, " and only the service asked in its place left; else the text as is. */
export function withServiceTakenBack(text: string, services: ServiceCatalogEntry[]): string {
  if (services.length < 2) return text;
  const said = normalize(text);
  const swap = serviceSwap(said, (part) => matchServices(part, services));
  if (!swap || NAMES_BOOKING.test(swap.head) || KEEPS_OTHER.test(swap.tail) || CALLED_OFF.test(said)) return correctedOnTheSpot(said, services) ?? text;
  const ruledOut = withRuledOutAfter(swap);
  if (ruledOut) return ruledOut;
  const at = servicePosition(swap.head, swap.from);
  const before = swap.head.slice(0, at);
  if (!TAKES_BACK.test(before) && !saidAgainst(swap.head.slice(at), swap.from, swap.tail)) return correctedOnTheSpot(said, services) ?? text;
  return `never mind, ${swap.tail.trim()}`;
}

// "color is too much rn", "the color's way too pricey", "highlights sound like overkill": why the service is not wanted.
const REASON_AGAINST = /^[\s']*(?:is|s|are|seems?|sounds?|feels?|looks?|would be|might be|will be|gonna be)?(?: like)? ?(?:(?:way|just|a bit|a little|kinda|kind of|probably|prob|honestly|def|definitely) )*(?:too (?:much|expensive|pricey|long|spendy|big|drastic|many hours)|a lot|a bit much|overkill|not for me|over (?:my |the )?budget|out of (?:my |the )?budget)\b/;
// The service asked in its place says so: "a trim instead", "can i just do a cut".
const IN_ITS_PLACE = /\b(?:instead|just|only|rather)\b/;

/** "color is too much rn, can i just do a trim at 3 instead": the first service said with why it is not wanted, the second asked in its place. */
function saidAgainst(fromOn: string, from: ServiceCatalogEntry, tail: string): boolean {
  const end = serviceEnd(fromOn, from);
  return end !== undefined && REASON_AGAINST.test(fromOn.slice(end)) && IN_ITS_PLACE.test(tail);
}

/**
 * "can i book highlights, no sorry a cut, for sat at 11": the service said last, right after
 * the slip, replaces it; the words before the slip (the "can i book") stay.
 */
function correctedOnTheSpot(said: string, services: ServiceCatalogEntry[]): string | undefined {
  for (const m of said.matchAll(CORRECTION)) {
    const head = said.slice(0, m.index);
    const tail = said.slice(m.index + m[0].length);
    const [from, ...more] = matchServices(head, services);
    // The new service right after the slip: "i mean just a cut not color" restates the cut, it corrects nothing.
    const to = matchServices(words(tail).slice(0, 3).join(' '), services);
    if (!from || more.length || to.length !== 1 || to[0] === from || NAMES_BOOKING.test(head)) continue;
    // Only a service said last before the slip is the one corrected ("a cut sat at 11, no wait..." corrects the time).
    const at = servicePosition(head, from);
    if (words(head.slice(at)).length > 3) {
      // "color on the 9th at 10, no wait just a trim": only a service after the slip, so the service
      // (not the day or time said since) is what it corrects; the day and time stay.
      const end = serviceEnd(head.slice(at), from);
      if (end === undefined || !ONLY_A_SERVICE.test(tail) || words(tail).length > 4) continue;
      return `${head.slice(0, at)}${tail.replace(/(?:[\s,.!]+|\b(?:instead|then|pls|please|thanks|lol)\b)+$/, '')} ${head.slice(at + end)}`.replace(/\s+/g, ' ').trim();
    }
    return `${head.slice(0, at)}${tail}`;
  }
  return undefined;
}

/** "a trim, not a consult. same time": the text without the service ruled out after the one asked. */
function withRuledOutAfter(swap: { head: string; tail: string; to: ServiceCatalogEntry }): string | undefined {
  const m = RULED_OUT_AFTER.exec(swap.tail);
  if (!m) return undefined;
  const rest = swap.tail.slice(m[0].length);
  const end = serviceEnd(rest, swap.to);
  return end === undefined ? undefined : `${swap.head} ${rest.slice(end)}`.replace(/\s+/g, ' ').trim();
}

/** Where the words naming the service end at the start of the text (the shortest start that names it), if they open it. */
function serviceEnd(text: string, service: ServiceCatalogEntry): number | undefined {
  for (let i = 1; i <= text.length; i++) {
    if (text[i] !== undefined && /[a-z0-9]/.test(text[i]!)) continue;
    // Only the service's own words: "not sure about color" rules nothing out.
    if (matchServices(text.slice(0, i), [service]).length === 1) return /^[a-z' -]+$/.test(text.slice(0, i)) && words(text.slice(0, i)).length <= 2 ? i : undefined;
  }
  return undefined;
}

/** Where the words naming the service begin in the head: the shortest end of it that still names it. */
function servicePosition(head: string, service: ServiceCatalogEntry): number {
  for (let i = head.length - 1; i >= 0; i--) {
    if (head[i - 1] !== undefined && /[a-z0-9]/.test(head[i - 1]!)) continue;
    if (matchServices(head.slice(i), [service]).length === 1) return i;
  }
  return 0;
}
