// "ugh never mind the color, just a cut at 1", "forget the consult, i know what i want. just a
// haircut thurs at 11": the service being asked for is taken back and another named in its
// place. Only the second is the request; the first must not make the two "fit equally".
import { serviceSwap } from './cancel-and-book.ts';
import { matchServices } from './services.ts';
import { normalize } from './text.ts';
import type { ServiceCatalogEntry } from './types.ts';

// Words that take back the service after them ("never mind the color", "scratch the consult").
const TAKES_BACK = /\b(?:never ?mind|nvm|forget(?: about)?|scratch|skip|no more|not an?|instead of)(?: the| that| a| an)? ?$/;
// A booking the customer has is canceled, not taken back: "forget my color appt, book a cut" is read as a cancel.
const NAMES_BOOKING = /\b(?:my|our|appointment|appt|booking|booked)\b/;

/** The text with a service taken back said as "never mind, " and only the service asked in its place left; else the text as is. */
export function withServiceTakenBack(text: string, services: ServiceCatalogEntry[]): string {
  if (services.length < 2) return text;
  const said = normalize(text);
  const swap = serviceSwap(said, (part) => matchServices(part, services));
  if (!swap || NAMES_BOOKING.test(swap.head)) return text;
  const before = swap.head.slice(0, servicePosition(swap.head, swap.from));
  if (!TAKES_BACK.test(before)) return text;
  return `never mind, ${swap.tail.trim()}`;
}

/** Where the words naming the service begin in the head: the shortest end of it that still names it. */
function servicePosition(head: string, service: ServiceCatalogEntry): number {
  for (let i = head.length - 1; i >= 0; i--) {
    if (head[i - 1] !== undefined && /[a-z0-9]/.test(head[i - 1]!)) continue;
    if (matchServices(head.slice(i), [service]).length === 1) return i;
  }
  return 0;
}
