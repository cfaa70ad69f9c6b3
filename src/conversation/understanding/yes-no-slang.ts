// Yes and no as people text them at a yes/no question: slang ("bet", "say less", "naw",
// "hard pass"), stretched words ("yesss", "yeahhh", "nahhh") and everyday words that only
// mean yes when nothing else comes with them ("cool", "sweet thanks"). choice.ts reads the
// plain phrases first; these are its fallback, on the same cleaned text.

/** Leading phrases that answer yes whatever follows ("say less, see you then"). */
export const SLANG_YES = [
  'say less', 'sure thing', 'sounds gd', 'sounds good to me', 'sounds about right', 'yessir', 'yessur', 'yes sir', "yes ma'am", 'yes maam',
  'yeh', 'yas', 'yus', 'yup yup', 'yep yep', 'uh huh', 'mhm', 'mhmm', 'mmhm', 'okey dokey', 'okie dokie', 'alrighty', 'aight', 'ight',
  'lets do this', "let's do this", 'count me in', 'lock it in',
  'fine by me', 'good with me', 'that one works', 'that time works', 'works great', 'works perfectly', 'that works great', 'totally',
];

/** Leading phrases that answer no whatever follows ("naw im good"). */
export const SLANG_NO = [
  'naw', 'nay', 'no thx', 'no ty', 'no sir', 'hard pass', "i'll pass", 'ill pass', 'i will pass', 'no can do', 'absolutely not',
  'definitely not', 'hell no', "doesn't work", 'doesnt work', "that doesn't work", 'that doesnt work', "won't work", 'that wont work',
  "that won't work", 'not gonna work', "can't do that", 'cant do that', "can't make that", 'cant make that', 'not for me', 'negatory',
];

// Words that are yes (or no) only alone or beside pleasantries: "bet", "cool thanks", "pass".
const SOFT: Record<string, 'yes' | 'no'> = {
  // "k ty", "kk thx": the one-letter ok, with pleasantries beside it.
  k: 'yes', kk: 'yes', kay: 'yes',
  bet: 'yes', yh: 'yes', cool: 'yes', sweet: 'yes', dope: 'yes', word: 'yes', solid: 'yes', gucci: 'yes', fosho: 'yes', fs: 'yes', sg: 'yes', lfg: 'yes',
  works: 'yes', ite: 'yes', 'lets go': 'yes', "let's go": 'yes', 'im in': 'yes', "i'm in": 'yes', 'i am in': 'yes', 'book me': 'yes',
  'book it in': 'yes', 'lock it': 'yes', 'cool beans': 'yes', 'sounds like a plan': 'yes', pass: 'no',
};
const PLEASANTRIES = new Set([
  'thanks', 'thank', 'you', 'thx', 'ty', 'tysm', 'please', 'pls', 'man', 'bro', 'dude', 'fam', 'mate', 'lol', 'haha', 'then', 'so', 'much',
  'again', 'fr', 'g', 'boss', 'chief', 'homie', 'friend', 'babe', 'hun', 'love',
]);

/** "thanks", "please thank you": words that only soften an answer ("y thanks" is a yes), none of them asking anything. */
export function onlyPleasantries(s: string): boolean {
  const tokens = s.split(' ').filter((w) => w !== '');
  return tokens.length > 0 && tokens.every((w) => PLEASANTRIES.has(w));
}

// "thanks for understanding", "appreciate it", "ty for being so flexible": thanks said whole, for
// what the salon did. A thanks that goes on to ask or change ("thanks but can i move it", "thanks
// for the 3pm, make it 4") is more than thanks.
const THANKS_SAID = /^(?:thanks|thank (?:you|u)|thx|ty|tysm|many thanks|much appreciated|appreciate (?:it|that|you|u|ya)|(?:i )?really appreciate (?:it|that|you|u))(?: so much| a lot| again| very much)?(?: for (?:[a-z']+ ?){1,6})?$/;
const MORE_THAN_THANKS = /\b(?:but|not|no|can|could|cancel|move|change|switch|instead|wait|actually|except|book(?:ing)?|make|want|need)\b/;

/** "thanks for understanding": a thanks and nothing else, so the one-letter yes before it ("y, thanks for understanding") stays a yes. */
export function onlyThanks(s: string): boolean {
  const t = s.trim();
  return THANKS_SAID.test(t) && !MORE_THAN_THANKS.test(t);
}

// Warm words that open an answer before the yes itself ("lovely, yes", "fine yes", "cheers, yep", "bet, yes"),
// the texted ok among them ("k yes", "kk sure").
const WARM_OPENERS = new Set(['k', 'kk', 'kay', 'okie', 'oki', 'bet', 'dope', 'solid', 'lovely', 'brilliant', 'brill', 'fab', 'fine', 'cheers', 'ta', 'cool', 'great', 'perfect', 'awesome', 'amazing', 'wonderful', 'nice', 'sweet', 'ok', 'okay', 'alright', 'grand', 'super', 'ace']);

/** The words after a run of thanks and warm words ("lovely thanks, yes" leaves "yes"); undefined when none open the text or nothing follows. */
export function afterWarmOpeners(s: string): string | undefined {
  const tokens = s.split(' ').filter((w) => w !== '');
  let i = 0;
  while (i < tokens.length && (PLEASANTRIES.has(tokens[i]!) || WARM_OPENERS.has(tokens[i]!))) i++;
  return i > 0 && i < tokens.length ? tokens.slice(i).join(' ') : undefined;
}

// "that's great", "it's perfect", "sounds lovely": a warm word said of the proposal, read as the
// word alone ("that's great, yes" as "great, yes"). Never "that's not great" or "that's too bad".
const WARM_SAID = /^(?:that'?s|that is|this is|it'?s|its|it is|sounds|looks|seems)(?: (?:so|really|very|just))? (?=(?:great|perfect|good|lovely|awesome|amazing|wonderful|fine|ideal|nice|excellent|brilliant|fab|grand|super|cool|sweet)\b)/;

/** The text with a leading "that's" of a warm word taken off ("that's great yes" gives "great yes"); [] when none. */
export function warmSaid(s: string): string[] {
  const t = s.replace(WARM_SAID, '');
  return t === s ? [] : [t];
}

/** A stretched word at its plain length: "yesss" as "yes", "cooool" as "cool" (both are tried). */
export function unstretched(s: string): string[] {
  if (!/([a-z])\1{2,}|([a-z])\2(?=\b)/.test(s)) return [];
  return [s.replace(/([a-z])\1{2,}/g, '$1$1'), s.replace(/([a-z])\1+/g, '$1')];
}

/** "bet", "cool thanks", "bet bet", "pass": a soft word alone or with pleasantries only; else undefined. */
export function softAnswer(s: string): 'yes' | 'no' | undefined {
  const tokens = s.split(' ').filter((w, i, all) => w !== '' && !PLEASANTRIES.has(w) && w !== all[i - 1]);
  return SOFT[tokens.join(' ')];
}
