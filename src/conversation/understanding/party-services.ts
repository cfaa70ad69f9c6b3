// "book me and my bf for fri the 11th at 1 — color for me, cut for him", "me a color and my son a
// cut": a party whose people each get a service of their own. The first booking is the
// customer's, each next one the service said for that person, in the order said.

// Where one person's part of the text ends: a comma, a dash, "and", "then".
const PARTS = /\s*(?:[,;&+]|\s[—–-]\s|—|\band\b|\bthen\b)\s*/;
const SELF = /\b(?:me|myself|i)\b/;
const OTHER = /\b(?:him|her|them|he|she|(?:my|our) [\w']+)\b/;

export interface PartyServices {
  /** The customer's own service. */
  own: string;
  /** The service of each other person, in the order said. */
  others: string[];
}

/**
 * Each person's service when the text gives one per person (`size` people, the customer among
 * them when `withSelf`) and they are not all the same; undefined otherwise.
 */
export function servicesPerPerson(s: string, size: number, withSelf: boolean, match: (part: string) => string[]): PartyServices | undefined {
  const own: string[] = [];
  const others: string[] = [];
  for (const part of s.split(PARTS)) {
    const found = match(part);
    if (found.length !== 1) continue;
    if (SELF.test(part) && !OTHER.test(part)) own.push(found[0]!);
    else if (OTHER.test(part)) others.push(found[0]!);
  }
  const all = withSelf ? [...own, ...others] : others;
  if ((withSelf && own.length !== 1) || all.length !== size || new Set(all).size < 2) return undefined;
  return { own: all[0]!, others: all.slice(1) };
}
