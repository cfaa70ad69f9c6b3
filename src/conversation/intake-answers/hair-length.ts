import { plain } from './words.ts';

// A hair length in words, for a question about how long someone's hair is: "chin length",
// "down to my waist", "a buzzcut", "very short". Each word stands for the inches a salon
// chart gives it, measured from the crown; "roughly how long" asks for no more precision.
// Vague words that span a wide range ("long", "medium", "pretty long") name no length, and
// two lengths at once ("between chin and shoulder") name none: the question is asked again.

// Inches for each length word; the body landmarks follow the usual salon hair-length chart.
// "short", "medium" and "long" alone are not here: each spans too much to guess from.
const LANDMARKS: Array<{ words: RegExp; inches: number }> = [
  { words: /\b(?:buzz ?cut|buzzed|buzz|shaved|shaven|bald|crew ?cut)\b/, inches: 0.5 },
  { words: /\b(?:pixie(?: cut)?|(?:very|super|really|extremely) short|short short)\b/, inches: 2 },
  { words: /\bears?\b/, inches: 4 },
  { words: /\b(?:chin|jaw|jawline|bob)\b/, inches: 6 },
  { words: /\b(?:neck|nape)\b/, inches: 8 },
  { words: /\b(?:shoulders?|lob)\b/, inches: 12 },
  { words: /\b(?:collarbones?|collar bones?)\b/, inches: 14 },
  { words: /\b(?:armpits?|underarms?|chest)\b/, inches: 16 },
  { words: /\b(?:bra ?strap|bra line|mid ?back|middle of (?:my )?back)\b/, inches: 20 },
  { words: /\b(?:waist|lower back)\b/, inches: 28 },
  { words: /\b(?:hips?|butt|bum)\b/, inches: 34 },
  { words: /\b(?:tailbone|knees?|thighs?)\b/, inches: 40 },
];
// A question about hair length: "how long is your hair", "hair length".
const ASKS_HAIR_LENGTH = /\bhair\b.*\b(?:long|length)\b|\b(?:long|length)\b.*\bhair\b/;

/** Whether a question asks how long the customer's hair is. */
export function asksHairLength(prompt: string): boolean {
  return ASKS_HAIR_LENGTH.test(plain(prompt));
}

/** The inches a length word in the answer stands for; undefined for none, a vague one, or two. */
export function hairLengthInches(text: string): number | undefined {
  const said = plain(text).replace(/-/g, ' ');
  const found = [...new Set(LANDMARKS.filter((l) => l.words.test(said)).map((l) => l.inches))];
  return found.length === 1 ? found[0] : undefined;
}
