// Everyday hair-salon words for a kind of service ("get my roots done", "going blonde",
// "a quick tidy up") that a catalog rarely lists among its names and synonyms. A kind
// never names a service by itself: it names the catalog's service that one of its plain
// words ("color", "haircut") finds, and only when exactly one service fits. A business
// without such a service is no worse off: the words then name nothing.
//
// And the body parts that make a hair word another service ("beard trim", "brow tint",
// "nail color"): the word then names a catalog service only if that service says so.

interface Kind {
  /** plain words for the kind, looked up in the catalog */
  catalogWords: string[];
  /** what customers say for it */
  said: RegExp;
}

const KINDS: Kind[] = [
  {
    catalogWords: ['color', 'colour', 'coloring', 'hair color', 'dye', 'tint', 'highlights'],
    said: /\b(?:roots|root (?:touch ?up|colou?r|job|retouch)|regrowth|touch ?ups?|highlights?|lowlights?|balayage|ombre|bleach(?:ed|ing)?|dye(?:d|ing)?|tint(?:ed)?|colou?r(?:ed|ing|s)?|go(?:ing)? (?:blonde?|brunette|red|darker|lighter|gr[ae]y|silver|platinum)|(?:cover(?:ing)?|hide|hiding) (?:my |the |some )?gr[ae]ys?|gr[ae]ys? (?:covered|coverage))\b/,
  },
  {
    catalogWords: ['haircut', 'hair cut', 'cut', 'trim'],
    // "my ends cleaned up", "dust my ends", "tidy up my hair": a trim in other words.
    // "my fade cleaned up", "a taper", "line me up", "a buzz cut": the barber's words for one.
    // "just shorter", "take an inch off", "a few inches off": length taken off is a cut.
    said: /\b(?:(?:just|bit|little|lil|go|going|make it|get it|hair|it) shorter|shorter (?:hair|cut|length|style)|(?:take|taking|get|chop|cut) (?:some|a bit|a little|an inch|a few inches|(?:\d+|one|two|three) inch(?:es)?|the length|length) off|(?:an inch|inches|length) off|trim(?:med)?|cut|chop(?:ped)?|bangs|fringe|layers|tidy up|split ends|shape ?ups?|shape me up|fades?|taper(?:ed)?|line ?ups?|line me up|edge ?ups?|edge me up|buzz ?cuts?|crew ?cut|undercut|flat ?top|(?:my |the )?ends (?:cleaned|trimmed|tidied|neatened|dusted|evened)(?: up| out)?|(?:clean|tidy|neaten|even)(?:ed|ing)? (?:up|out) (?:my |the )?(?:ends|hair)|dust(?:ed|ing)? (?:my |the )?ends|(?:hair|ends) (?:cleaned|tidied|neatened) up)\b/,
  },
];

// Words before a hair word that make it something else: "beard trim", "lash tint".
export const OTHER_PARTS = new Set([
  'beard', 'beards', 'mustache', 'moustache', 'brow', 'brows', 'eyebrow', 'eyebrows', 'lash', 'lashes', 'eyelash', 'eyelashes',
  'nail', 'nails', 'toenail', 'toenails', 'toe', 'toes', 'leg', 'legs', 'bikini', 'lip', 'skin', 'face', 'dog', 'dogs', 'pet',
]);

/** The text with each word that follows another body part taken out ("beard trims" → "beard"). */
function withoutOtherParts(tokens: string[]): string[] {
  return tokens.map((t, i) => (i > 0 && OTHER_PARTS.has(tokens[i - 1]!) && !OTHER_PARTS.has(t) ? '' : t));
}

/**
 * The catalog services the salon words in the text stand for: one kind's, found through
 * its plain words by `find` (the catalog's own matching); none when two kinds are named
 * ("cut and color" is for the caller's two-request reading) or none fits.
 */
export function servicesForSalonWords<S>(simplifiedTokens: string[], find: (word: string) => S[]): S[] {
  const text = withoutOtherParts(simplifiedTokens).filter((t) => t !== '').join(' ');
  const named = KINDS.filter((k) => k.said.test(text));
  if (named.length !== 1) return [];
  const found = [...new Set(named[0]!.catalogWords.flatMap(find))];
  return found.length === 1 ? found : [];
}
