// A service turned down beside the one wanted: "i don't want it colored, just shorter... a trim",
// "just a trim not color", "no color, a cut fri at 2", "a cut instead of color". The service
// turned down is no request, so it is taken out of the words the service is read from; only
// when another service is still named there (alone, "no color" keeps whatever it said).
import type { ServiceCatalogEntry } from './types.ts';

// The words that turn a service down, then the service itself (one or two words, with its article).
const TURNED_DOWN = /\b(?:no need (?:to|for)|not|no|don'?t want|dont want|do not want|don'?t need|dont need|do not need|instead of|rather than|skip(?: the)?)(?: to| it| any| a| an| the| my)? ([a-z']+)(?: (?:or anything|or whatever|either|this time|today))?\b/g;

/** The text without the services it turns down, when another service is still named; else as it was. */
export function withoutTurnedDown(raw: string, matchServices: (text: string) => ServiceCatalogEntry[]): string {
  let left = raw;
  for (const m of raw.matchAll(TURNED_DOWN)) {
    const named = matchServices(m[1]!);
    if (named.length === 0) continue;
    const rest = left.replace(m[0], ' ');
    const still = matchServices(rest);
    if (still.length > 0 && !still.some((s) => named.includes(s))) left = rest;
  }
  return left;
}
