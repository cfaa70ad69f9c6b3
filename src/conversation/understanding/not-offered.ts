// Services people ask for by name that a business may not have ("nails", "a massage",
// "brows"): when the message names one and the catalog has nothing for it, the customer
// hears that it is not offered instead of a list that silently ignores it. Each family
// holds the words for one service; a catalog that matches any of them offers it.
import { matchServices } from './services.ts';
import { simplify } from './text.ts';
import type { ServiceCatalogEntry } from './types.ts';

const FAMILIES: string[][] = [
  ['manicure', 'manicures', 'mani', 'nails', 'gel nails', 'acrylics', 'acrylic nails', 'shellac', 'nail art', 'mani pedi', 'nail color', 'nail colour', 'nail polish'],
  ['pedicure', 'pedicures', 'pedi'],
  ['massage', 'massages', 'back rub', 'deep tissue', 'hot stone'],
  ['facial', 'facials'],
  ['waxing', 'wax', 'bikini wax', 'brazilian wax', 'leg wax'],
  ['eyebrows', 'eyebrow', 'brows', 'brow', 'threading', 'microblading'],
  ['lashes', 'lash', 'eyelashes', 'eyelash', 'lash extensions', 'lash lift'],
  ['makeup', 'make up'],
  ['spray tan', 'tanning'],
  ['tattoo', 'tattoos'],
  ['piercing', 'piercings', 'ear piercing'],
  ['botox', 'fillers', 'lip filler'],
  ['beard trim', 'beard trims', 'beard', 'beard shave', 'shave', 'hot shave', 'hot towel shave', 'mustache trim'],
  ['blowout', 'blow out', 'blow dry', 'blowdry'],
  ['perm', 'perms'],
  ['braids', 'braid', 'braiding', 'cornrows', 'box braids'],
  ['hair extensions', 'extensions', 'weave'],
  ['keratin', 'keratin treatment'],
  ['updo'],
];

// Longest first, so "lash extensions" is the lashes' and not the hair extensions'.
const PHRASES = FAMILIES.flatMap((family, i) => family.map((phrase) => ({ phrase, family: i }))).sort((a, b) => b.phrase.length - a.phrase.length);

/**
 * Whether the catalog offers a family, asked only for a family the message names: matching
 * every family against the catalog on every message cost more than the rest of a turn's
 * understanding (the catalog is rebuilt per turn, so a cache per catalog never hit).
 */
function offers(services: ServiceCatalogEntry[], family: number): boolean {
  return FAMILIES[family]!.some((p) => matchServices(p, services).length > 0);
}

/**
 * The words of a service the message names and the catalog lacks ("nails" in "do u do
 * nails? manicure tmrw at 2"), or undefined. Only for a catalog with services: without one
 * nothing can be said to be missing.
 */
export function unofferedService(text: string, services: ServiceCatalogEntry[]): string | undefined {
  if (!Array.isArray(services) || services.length === 0) return undefined;
  const padded = ` ${simplify(text)} `;
  for (const { phrase, family } of PHRASES) {
    if (padded.includes(` ${phrase} `) && !offers(services, family)) return phrase;
  }
  return undefined;
}
