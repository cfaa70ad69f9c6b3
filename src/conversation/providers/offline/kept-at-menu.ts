import { keptClauses, withoutKept } from '../../understanding/which-booking.ts';

/**
 * "the colour, keep the trim", "keep the haircut" to a numbered menu of bookings ("which one would
 * you like to cancel?"): the keep names the bookings that stay, so it is no "no" to the question.
 * Read against the menu itself: the one entry the other words name, else the only entry not
 * kept, is the one picked. Undefined when a keep names no entry ("keep it", "leave it as is":
 * then the no it says stands), when the other words name none, or when nothing is left to pick.
 */
export function pickedBesideKept(text: string, entries: number, entryNamed: (words: string) => number | undefined): number | undefined {
  const keptWords = keptClauses(text);
  if (!keptWords.length) return undefined;
  const keptEntries = keptWords.map(entryNamed);
  if (keptEntries.some((i) => i === undefined)) return undefined;
  const rest = withoutKept(text);
  if (rest !== text) {
    const named = entryNamed(rest);
    return named === undefined || keptEntries.includes(named) ? undefined : named;
  }
  const left = [...Array(entries).keys()].filter((i) => !keptEntries.includes(i));
  return left.length === 1 ? left[0] : undefined;
}
