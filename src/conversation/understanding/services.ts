// Finding the business's services and staff in free text, tolerant of typos ("hiarcut"),
// spacing ("hair cut"), plurals, case and accents ("facial" for "Fácial").
import type { ServiceCatalogEntry, StaffEntry } from './types.ts';
import { OTHER_PARTS, servicesForSalonWords } from './salon-words.ts';
import { allowedEdits, editDistance, simplify, words } from './text.ts';

// Words of booking talk that must never fuzzily count as part of a service name
// ("message" is one edit from "massage", "time" from "trim"...). They still match exactly.
const NOT_FUZZY = new Set([
  'message', 'messages', 'make', 'time', 'times', 'like', 'cancel', 'hours', 'today', 'book', 'booking', 'tomorrow', 'morning',
  'afternoon', 'evening', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'next', 'week', 'please',
  'thanks', 'appointment', 'appointments', 'reschedule', 'change', 'there', 'their', 'where', 'would', 'could', 'should', 'with',
  'have', 'want', 'need', 'what', 'when', 'which', 'about', 'available', 'earliest', 'after', 'before', 'later', 'other', 'another',
  'instead', 'person', 'human', 'agent', 'someone', 'hello', 'thank', 'sorry', 'maybe', 'price', 'prices', 'place', 'here',
  // Everyday words one edit from a salon word ("before my trip" is no "before my trim").
  'trip', 'trips', 'tram', 'grim', 'prim', 'brim', 'colon', 'chair',
]);

const EXACT = 10_000;

interface Candidate {
  service: ServiceCatalogEntry;
  /** the phrase's words, simplified */
  words: string[];
  joined: string;
}

function candidates(services: ServiceCatalogEntry[]): Candidate[] {
  const out: Candidate[] = [];
  for (const service of services) {
    const phrases = [service.name, service.slug.replace(/[-_]+/g, ' '), ...(service.synonyms ?? [])];
    for (const p of phrases) {
      const w = words(simplify(String(p ?? '')));
      if (w.length > 0) out.push({ service, words: w, joined: w.join('') });
    }
  }
  return out;
}

/**
 * The forms customers put a service word in: plural ("nails"), past or -ing ("hair dyed",
 * "get it trimmed", "coloring"), with the doubled consonant or dropped "e" English uses.
 */
function inflections(phrase: string): string[] {
  if (phrase.length < 3) return [];
  const stem = phrase.endsWith('e') ? phrase.slice(0, -1) : phrase;
  const last = phrase[phrase.length - 1]!;
  const doubled = /[^aeiouy][aeiou][bdgmnprt]$/.test(phrase) ? [`${phrase}${last}ed`, `${phrase}${last}ing`] : [];
  return [`${phrase}s`, `${phrase}es`, `${phrase}d`, `${phrase}ed`, `${phrase}ing`, `${stem}ed`, `${stem}ing`, ...doubled];
}

/**
 * "highlites" for "highlights", "colr" aside: English spells one sound several ways ("igh",
 * "ite"; "ph", "f"), so a word written as it sounds can be three edits from the catalog's.
 * Both are compared by a spelling that keeps the sound and drops the silent letters.
 */
function soundsAlike(text: string, phrase: string): boolean {
  if (text.length < 5 || phrase.length < 5) return false;
  const key = (w: string) =>
    w
      .replace(/ght/g, 't')
      .replace(/igh/g, 'i')
      .replace(/ph/g, 'f')
      .replace(/ck/g, 'k')
      .replace(/e(s?)$/, '$1')
      .replace(/([a-z])\1/g, '$1');
  return key(text) === key(phrase);
}

/** A word matches a phrase word exactly, inflected, or within the edits its length allows. */
function wordMatches(text: string, phrase: string): number | undefined {
  if (text === phrase || phrase === text + 's' || inflections(phrase).includes(text)) return 0;
  if (NOT_FUZZY.has(text)) return undefined;
  if (soundsAlike(text, phrase)) return 1;
  // "cutt" (a held-down letter, cut to a double by normalize): one edit even for a short word.
  if (text.length === phrase.length + 1 && /([a-z])\1/.test(text) && text.replace(/([a-z])\1+/g, '$1') === phrase) return 1;
  const limit = Math.min(allowedEdits(phrase.length), allowedEdits(text.length));
  if (limit === 0) return undefined;
  const d = editDistance(text, phrase, limit);
  // Two edits and another first letter is another word ("darker" is no "barber").
  if (d >= 2 && text[0] !== phrase[0]) return undefined;
  return d <= limit ? d : undefined;
}

/**
 * The service the text names, or undefined. Scores prefer exact over fuzzy, then longer
 * phrases over shorter ones, so "men's haircut" beats "haircut" when both are in the
 * catalog, and "a men's cut" is never read as a misspelt "women's cut".
 */
export function matchService(text: string, services: ServiceCatalogEntry[]): ServiceCatalogEntry | undefined {
  const found = matchServices(text, services);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Every service that fits the text best: one when it is clear; several when they fit
 * equally ("cut" with both "Men's cut" and "Women's cut" on the menu), so the caller can
 * ask which one instead of guessing; none when no service is named.
 */
export function matchServices(text: string, services: ServiceCatalogEntry[]): ServiceCatalogEntry[] {
  if (!Array.isArray(services)) return [];
  let byText = matched.get(services);
  if (!byText) matched.set(services, (byText = new Map()));
  let found = byText.get(text);
  if (!found) {
    found = bestOrNone(text, services);
    byText.set(text, found);
  }
  return [...found];
}

// Where a text sets services side by side: "color vs a cut", "cut or color", "cut, color and a consult".
const SIDE_BY_SIDE = /\s*(?:[,/&+?]|\bvs\b\.?|\bversus\b|\bor\b|\band\b|\bcompared (?:to|with)\b|\bthan\b)\s*/;

/** Each service named in a part of its own, in the order said: several for "how much is color vs a cut". */
export function servicesNamedApart(text: string, services: ServiceCatalogEntry[]): ServiceCatalogEntry[] {
  const found: ServiceCatalogEntry[] = [];
  for (const part of String(text ?? '').toLowerCase().split(SIDE_BY_SIDE)) {
    const named = part.trim() ? matchServices(part, services) : [];
    if (named.length === 1 && !found.includes(named[0]!)) found.push(named[0]!);
  }
  return found;
}

// One turn asks this of the same words against the same catalog many times (each reading
// of the message tries it), and the fuzzy scoring was a tenth of a turn's CPU.
const matched = new WeakMap<ServiceCatalogEntry[], Map<string, readonly ServiceCatalogEntry[]>>();

function bestOrNone(text: string, services: ServiceCatalogEntry[]): ServiceCatalogEntry[] {
  try {
    return best(simplify(text), services);
  } catch {
    return [];
  }
}

function best(simplified: string, services: ServiceCatalogEntry[]): ServiceCatalogEntry[] {
  if (!Array.isArray(services) || services.length === 0 || simplified === '') return [];
  const tokens = words(simplified);
  const named = byCatalogWords(tokens, services);
  // "get my roots done": no catalog word, a salon word for one of its services.
  return named.length ? named : servicesForSalonWords(tokens, (word) => byCatalogWords(words(simplify(word)), services));
}

/** The services the catalog's own names and synonyms find in the words. */
function byCatalogWords(tokens: string[], services: ServiceCatalogEntry[]): ServiceCatalogEntry[] {
  let bestScore = 0;
  let bestServices: ServiceCatalogEntry[] = [];
  for (const c of candidates(services)) {
    const score = scoreCandidate(tokens, c);
    if (score > bestScore) {
      bestScore = score;
      bestServices = [c.service];
    } else if (score === bestScore && score > 0 && !bestServices.includes(c.service)) bestServices.push(c.service);
  }
  return bestServices.length ? bestServices : sharedWord(tokens, services);
}

/** A word that ends two or more service names ("cut" of "Men's cut" and "Women's cut"): those services. */
function sharedWord(tokens: string[], services: ServiceCatalogEntry[]): ServiceCatalogEntry[] {
  for (const t of tokens) {
    if (t.length < 3 || NOT_FUZZY.has(t)) continue;
    const fits = services.filter((s) => {
      const w = words(simplify(String(s.name ?? '')));
      return w.length > 1 && (w[w.length - 1] === t || w[w.length - 1] === `${t}s`);
    });
    if (fits.length > 1) return fits;
  }
  return [];
}

function scoreCandidate(tokens: string[], c: Candidate): number {
  const n = c.words.length;
  const length = c.joined.length;
  let bestScore = 0;
  for (let i = 0; i < tokens.length; i++) {
    // "beard trim" is no "trim" unless the service's own words say "beard".
    const otherPart = i > 0 && OTHER_PARTS.has(tokens[i - 1]!) && !c.words.includes(tokens[i - 1]!);
    if (otherPart) continue;
    // Word by word: "mens haircut" against "men's hair-cut".
    if (i + n <= tokens.length) {
      let edits = 0;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const d = wordMatches(tokens[i + k]!, c.words[k]!);
        if (d === undefined) ok = false;
        else edits += d;
      }
      // An exact phrase outranks every fuzzy one, whatever their lengths.
      if (ok) bestScore = Math.max(bestScore, (edits === 0 ? EXACT : 0) + length * 10 - edits * 5 + n);
    }
    // Spacing differences: "hair cut" against "haircut", "haircut" against "hair cut".
    for (let span = Math.max(1, n - 1); span <= n + 1 && i + span <= tokens.length; span++) {
      if (span === n) continue;
      const window = tokens.slice(i, i + span);
      if (window.some((w) => NOT_FUZZY.has(w))) continue;
      const joined = window.join('');
      const limit = allowedEdits(length);
      const d = joined === c.joined ? 0 : limit === 0 ? limit + 1 : editDistance(joined, c.joined, limit);
      if (d > 0 && window.length > 1 && !eachWordWithin(window, c.joined)) continue;
      if (d <= limit) bestScore = Math.max(bestScore, (d === 0 ? EXACT : 0) + length * 10 - d * 5 - 1);
    }
  }
  return bestScore;
}

/**
 * "hiar cut", "hair cit" for "haircut": a name typed in several words with a slip, read only
 * when the name splits into parts each within the edits its own word allows. "grow my hair
 * out" is no haircut: "out" is a word of its own (another first letter than "cut").
 */
function eachWordWithin(window: string[], phrase: string): boolean {
  const [first, ...rest] = window;
  if (first === undefined) return phrase === '';
  if (!rest.length) return partWithin(first, phrase);
  for (let cut = 1; cut < phrase.length; cut++) {
    if (partWithin(first, phrase.slice(0, cut)) && eachWordWithin(rest, phrase.slice(cut))) return true;
  }
  return false;
}

/** One typed word against its part of a name: the edits its length allows, and one for a short word that keeps the part's first letter. */
function partWithin(word: string, part: string): boolean {
  const limit = Math.max(allowedEdits(Math.max(word.length, part.length)), word[0] === part[0] ? 1 : 0);
  return editDistance(word, part, limit) <= limit;
}

// First names that are everyday words; they only count after "with"/"by"/"see", in a staff
// member's place ("can will do my cut", "is may free") or as a full name. "Lee" is no such
// word in what customers text ("can lee do my cut", "lee tomorrow at 9:30?").
const COMMON_WORDS = new Set([
  'will', 'may', 'june', 'april', 'august', 'joy', 'hope', 'faith', 'grace', 'mark', 'bill', 'rose', 'dawn', 'art', 'pat', 'ray', 'sue',
  'amber', 'jack', 'max', 'bob', 'sky', 'summer', 'autumn', 'chase', 'hunter', 'page', 'guy', 'don', 'drew', 'gene', 'holly', 'ivy',
  'jade', 'ruby', 'sunny', 'star', 'sandy', 'frank', 'les', 'earl', 'an', 'al', 'ed', 'jo', 'di', 'nick', 'rob', 'sam', 'any',
]);
// A name asked about as the one who does the work: "can X do", "is X free", "X if she's free".
const ASKED_ABOUT = /^(can|could|would|does|is|has)$/;
const DOES_THE_WORK = /^(do|take|fit|see|squeeze|free|available|around|in|working|work|cut|colou?r)$/;
const IF_FREE = /^if (she|he|they|u|you)?('?s|'?re| is| are)? ?(free|available|around|in|working)/;

// Words that follow a name opening a request: "lea on friday", "dnaa tmrw at 3".
const REQUEST_GOES_ON = /^(on|for|at|this|next|tomorrow|tmrw?|tmw|2moro|today|tonight|mon|tue|tues|wed|thu|thur|thurs|fri|sat|monday|tuesday|wednesday|thursday|friday|saturday|\d)/;

/** The word opens the message and a day or time follows it, where a customer puts whom they want. */
function opensRequest(tokens: string[], i: number): boolean {
  return i === 0 && REQUEST_GOES_ON.test(tokens[1] ?? '');
}

/** "lea" for "lee", "dena" for "dana": one vowel written for another, the name's consonants all kept (so "let" is no "lee"). */
function vowelSlip(t: string, name: string): boolean {
  if (t.length !== name.length || t.length < 3) return false;
  const slips = [...t].filter((c, k) => c !== name[k]);
  const vowel = /[aeiouy]/;
  return slips.length === 1 && [...t].every((c, k) => c === name[k] || (vowel.test(c) && vowel.test(name[k]!)));
}

/**
 * "leigh" for "lee", "danna" or "dayna" for "dana": another spelling of the same sound. Both
 * are read as their consonants and the first letter of each vowel sound, a silent "gh" and
 * doubled letters dropped, so "lie" (another vowel) or "let" (another consonant) stay apart.
 */
function soundsLike(t: string, name: string): boolean {
  return t !== name && t.length >= 3 && soundKey(t) === soundKey(name);
}

function soundKey(word: string): string {
  return word
    .replace(/gh(?=[^aeiouy]|$)/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(/([aeiou])[aeiouy]+/g, '$1');
}

/** "dnaa" for "dana": two letters next to each other typed the other way round. */
function swapped(t: string, name: string): boolean {
  if (t.length !== name.length || t === name) return false;
  const k = [...t].findIndex((c, j) => c !== name[j]);
  return t[k] === name[k + 1] && t[k + 1] === name[k] && t.slice(k + 2) === name.slice(k + 2);
}

/** The staff member the text names ("with Dana", "Dana Scully", "can I see dana"). */
export function matchStaff(text: string, staff: StaffEntry[] | undefined): StaffEntry | undefined {
  try {
    if (!Array.isArray(staff) || staff.length === 0) return undefined;
    const s = simplify(text);
    const tokens = words(s);
    const padded = ` ${s} `;
    for (const member of staff) {
      const full = simplify(String(member.name ?? ''));
      if (full !== '' && full.includes(' ') && padded.includes(` ${full} `)) return member;
    }
    const introduced = (i: number) =>
      /^(with|by|see|w|prefer|from|ask|want|and)$/.test(tokens[i - 1] ?? '') ||
      (ASKED_ABOUT.test(tokens[i - 1] ?? '') && DOES_THE_WORK.test(tokens[i + 1] ?? '')) ||
      IF_FREE.test(tokens.slice(i + 1, i + 5).join(' '));
    for (const member of staff) {
      const first = words(simplify(String(member.name ?? '')))[0];
      if (!first) continue;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        // "lee's openings", "danas schedule": the name in the possessive.
        const named = t === first || t === `${first}s`;
        if (named && (introduced(i) || !COMMON_WORDS.has(first))) return member;
        // A misspelt name only in a staff member's place: "with Dnaa", "with lea". Opening the
        // message, only a slip that keeps its letters ("lea on friday", "dnaa tmrw"): "data on friday" is a word.
        const limit = Math.min(allowedEdits(first.length), 1);
        if (introduced(i) && ((limit > 0 && editDistance(t, first, limit) <= limit) || vowelSlip(t, first) || soundsLike(t, first))) return member;
        if (opensRequest(tokens, i) && (vowelSlip(t, first) || swapped(t, first) || soundsLike(t, first))) return member;
      }
    }
    return undefined;
  } catch {
    return undefined;
  }
}


/**
 * The text without the words that name `member` (and the "with"/"w/" before them), so that
 * "10 with lee then" reads as a pick of 10 o'clock, not as words around a number.
 */
export function withoutStaffName(text: string, member: StaffEntry): string {
  try {
    const names = words(simplify(String(member.name ?? ''))).filter((w) => w.length > 1);
    if (!names.length) return text;
    const name = names.map((w) => w.replace(/[^a-z0-9]/g, '')).join('|');
    return text.replace(new RegExp(`(?:\\b(?:with|w/?|by|see)\\s*)?\\b(?:${name})\\b('s)?`, 'gi'), ' ').replace(/\s+/g, ' ').trim();
  } catch {
    return text;
  }
}

/** "can i speak with dana directly": the member's name said as "the stylist", for the rules that read a person asked for. */
export function staffAsStylist(text: string, member: StaffEntry): string {
  const names = words(simplify(String(member.name ?? ''))).filter((w) => w.length > 1).map((w) => w.replace(/[^a-z0-9]/g, ''));
  if (!names.length) return text;
  return text.replace(new RegExp(`\\b(?:${names.join('|')})(?: (?:${names.join('|')}))*\\b`, 'g'), 'the stylist');
}
