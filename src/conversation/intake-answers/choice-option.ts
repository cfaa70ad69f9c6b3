import { parseChoice } from '../understanding/choice.ts';
import { editDistance, splitCorrection } from '../understanding/text.ts';
import { plain, stem, tokens } from './words.ts';

// Which option of a choice question a worded answer names: "a friend" or "my friend told
// me" for Friend, "saw u on instagram" for Online, "walked past the shop" for Walk-by.
// An answer that fits no option, or more than one equally, names none: the question is
// asked again with its options rather than guessed.

// Words that carry no choice of their own ("by" in "Walk-by", "on" in "on instagram").
const STOPWORDS = new Set([
  'a', 'an', 'the', 'i', 'me', 'my', 'u', 'you', 'your', 'ur', 'we', 'us', 'it', 'its', 'is', 'was', 'on', 'in', 'at', 'of',
  'by', 'to', 'from', 'for', 'via', 'through', 'thru', 'and', 'or', 'with', 'about', 'saw', 'see', 'seen', 'heard', 'hear',
  'found', 'find', 'told', 'tell', 'said', 'just', 'think', 'guess', 'probably', 'maybe', 'like', 'lol', 'haha', 'thanks',
  'thank', 'pls', 'please', 'so', 'um', 'uh', 'oh', 'yeah', 'yes', 'ok', 'okay', 'that', 'this', 'there', 'one', 'guys',
]);

// Kinds of answer customers put in their own words, for options commonly offered. An
// option belongs to a kind when one of its own words is in it ("Online", "Social media").
const KINDS: string[][] = [
  [
    'online', 'internet', 'web', 'website', 'site', 'google', 'googled', 'googling', 'search', 'searched', 'instagram', 'insta',
    'ig', 'facebook', 'fb', 'tiktok', 'tik', 'tok', 'youtube', 'yelp', 'social', 'media', 'twitter', 'pinterest', 'app', 'maps', 'reddit',
    'snapchat', 'review', 'reviews', 'nextdoor', 'email', 'newsletter',
  ],
  [
    'friend', 'friends', 'bestie', 'family', 'mouth', 'referral', 'referred', 'refer', 'recommended', 'recommendation',
    'recommend', 'sister', 'brother', 'mom', 'mum', 'mother', 'dad', 'father', 'cousin', 'aunt', 'uncle', 'coworker',
    'colleague', 'neighbor', 'neighbour', 'roommate', 'boyfriend', 'girlfriend', 'wife', 'husband', 'partner', 'daughter',
    'son', 'client', 'someone', 'somebody', 'everyone', 'people', 'buddy', 'buddies', 'pal', 'mate', 'homie', 'bff', 'bestfriend',
    'classmate', 'teammate', 'acquaintance', 'niece', 'nephew', 'grandma', 'grandmother', 'grandpa', 'fiance', 'fiancee', 'boss',
  ],
  [
    'walk', 'walked', 'walking', 'walkby', 'walkin', 'pass', 'passed', 'passing', 'past', 'drove', 'drive', 'driving',
    'sign', 'storefront', 'window', 'street', 'nearby', 'neighborhood', 'neighbourhood', 'corner', 'outside', 'stopped',
  ],
];
const KIND_STEMS = KINDS.map((kind) => new Set(kind.map(stem)));
// "not online, a friend": the word after a negation is what the answer is not.
const NEGATION = new Set(['not', 'no', 'never', "wasn't", 'wasnt', "didn't", 'didnt', 'nor']);

export type OptionMatch = { index: number } | { ambiguous: true } | undefined;

/**
 * The option an answer names: by its label, its number, its words, or the kind of answer it
 * belongs to. `wordsOnly` leaves numbers out, for a message whose number answered something else.
 */
export function matchOption(text: string, options: string[], opts: { wordsOnly?: boolean } = {}): OptionMatch {
  const said = plain(text).replace(/[.!?]+$/, '');
  // "online - wait no, my friend told me actually": the option put in place of the first is the answer.
  const corrected = splitCorrection(said)?.after;
  const instead = corrected ? matchOption(corrected, options, opts) : undefined;
  if (instead && 'index' in instead) return instead;
  const labels = options.map((o) => plain(o));
  const exact = labels.indexOf(said);
  if (exact >= 0) return { index: exact };
  // "onl", "walk-b": the start of one label (and only one).
  const partial = said.length >= 3 ? labels.flatMap((l, i) => (l.startsWith(said) ? [i] : [])) : [];
  if (partial.length === 1) return { index: partial[0]! };
  // "2", "#2", "the second one", "2 i guess": a number with nothing else that could name an option.
  const picked = parseChoice(said, options.length).index;
  const besides = said.replace(/#|\b\d{1,2}\b|\b(first|second|third|fourth|fifth|last|one|two|three|four|five|number|option|no)\b/g, ' ');
  if (!opts.wordsOnly && picked !== undefined && meaningfulStems(besides).length === 0) return { index: picked };
  const words = meaningfulStems(said);
  if (!words.length) return undefined;
  const optionWords = options.map((o) => [...new Set(tokens(o).filter((w) => !STOPWORDS.has(w)).map(stem))]);
  // Each word names the options it is a word of, else those of its kind ("instagram" → Online).
  const named = words.flatMap((w) => {
    const direct = optionWords.flatMap((ws, i) => (ws.some((o) => sameWord(w, o)) ? [i] : []));
    if (direct.length) return direct;
    const kinds = KIND_STEMS.filter((kind) => [...kind].some((k) => sameWord(w, k)));
    return optionWords.flatMap((ws, i) => (kinds.some((kind) => ws.some((o) => kind.has(o))) ? [i] : []));
  });
  return named.length ? single(named) : undefined;
}

function single(indexes: number[]): OptionMatch {
  const distinct = [...new Set(indexes)];
  return distinct.length === 1 ? { index: distinct[0]! } : { ambiguous: true };
}

/** The answer's words that can name an option: no filler, nothing negated. */
function meaningfulStems(said: string): string[] {
  const out: string[] = [];
  let negated = false;
  for (const w of tokens(said)) {
    if (NEGATION.has(w)) {
      negated = true;
      continue;
    }
    if (STOPWORDS.has(w)) continue;
    if (!negated) out.push(stem(w));
    negated = false;
  }
  return out;
}

/** Equal, or a typo of a longer word ("freind", "instagarm"), never another word ("other" is no "mother"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 6 || b.length < 6 || a[0] !== b[0]) return false;
  return editDistance(a, b, 2) <= (Math.min(a.length, b.length) >= 8 ? 2 : 1);
}
