import { normalize } from '../understanding/text.ts';

// The plain-word form every intake-answer reader works on: lower case, ASCII, letters,
// digits and the few marks that carry meaning in answers (@ . ' " - /), and the _ and + an
// e-mail's own part may hold ("mike_r@", "jo+salon@"): taken out, they would cut the address.

export function plain(text: string): string {
  return normalize(text)
    .replace(/[^a-z0-9@.'"/ _+-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words without punctuation, for matching words rather than characters. */
export function tokens(text: string): string[] {
  return plain(text)
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(' ')
    .filter((w) => w !== '');
}

/** A crude stem, the same on both sides of a comparison: "walked", "walking", "walks" → "walk". */
export function stem(word: string): string {
  let w = word.replace(/'s$|'/g, '');
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}
