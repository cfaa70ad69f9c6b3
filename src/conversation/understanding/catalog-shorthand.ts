// The catalog's own words as people thumb-type them: glued to the day beside them
// ("haircutwed", "tmrwcolor") or without their vowels ("clr" for color, "hrct" for haircut).
// Only words of this business's catalog (services, their synonyms, staff names) are
// restored, so ordinary words that happen to end in "wed" or lack vowels stay as they are.
import { simplify, words } from './text.ts';
import type { ServiceCatalogEntry, StaffEntry } from './types.ts';

// Day words that customers run into the word before or after them.
const DAY_WORDS = new Set([
  'monday', 'mon', 'tuesday', 'tues', 'tue', 'wednesday', 'weds', 'wed', 'thursday', 'thurs', 'thur', 'thu', 'friday', 'fri',
  'saturday', 'sat', 'sunday', 'sun', 'today', 'tomorrow', 'tmrw', 'tonight',
]);
const VOWELS = /[aeiou]/;

/** The single words of the catalog's names and synonyms and of its staff's names (four letters and more), each with whose it is. */
function catalogWords(services: ServiceCatalogEntry[], staff: StaffEntry[]): Map<string, string> {
  const owned = [
    ...services.map((s) => ({ owner: String(s?.id), names: [s?.name, s?.slug, ...(s?.synonyms ?? [])] })),
    ...staff.map((m) => ({ owner: String(m?.id), names: [m?.name] })),
  ];
  const known = new Map<string, string>();
  for (const { owner, names } of owned) for (const n of names) for (const w of words(simplify(String(n ?? '')))) if (w.length >= 4) known.set(w, owner);
  return known;
}

/** "clr" → "color": each catalog word by its consonants alone, unless two services or people share them. */
function byConsonants(known: Map<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  const owners = new Map<string, string>();
  const shared = new Set<string>();
  for (const [w, owner] of known) {
    const skeleton = w.replace(/[aeiou]/g, '');
    if (skeleton.length < 3 || skeleton === w) continue;
    if (owners.has(skeleton) && owners.get(skeleton) !== owner) shared.add(skeleton);
    // "colour" and "color" are the same service's: the shorter, plainer word is kept.
    if (!map.has(skeleton) || w.length < map.get(skeleton)!.length) map.set(skeleton, w);
    owners.set(skeleton, owner);
  }
  for (const s of shared) map.delete(s);
  return map;
}

/** "haircutwed" → "haircut wed", "tmrwcolor" → "tomorrow color": a catalog word and a day word run together. */
function apart(token: string, known: Map<string, string>): string | undefined {
  for (let i = 3; i <= token.length - 3; i++) {
    const [head, tail] = [token.slice(0, i), token.slice(i)];
    if ((known.has(head) && DAY_WORDS.has(tail)) || (DAY_WORDS.has(head) && known.has(tail))) return `${head} ${tail}`;
  }
  return undefined;
}

/** The text with the catalog's words restored where they were glued to a day or typed without vowels. */
export function spellCatalogShorthand(text: string, services: ServiceCatalogEntry[], staff: StaffEntry[]): string {
  const known = catalogWords(services, staff);
  if (known.size === 0) return text;
  const consonants = byConsonants(known);
  return text.replace(/[A-Za-z]{3,}/g, (token) => {
    const lower = token.toLowerCase();
    if (known.has(lower)) return token;
    const said = !VOWELS.test(lower) ? consonants.get(lower) : undefined;
    return said ?? apart(lower, known) ?? token;
  });
}
