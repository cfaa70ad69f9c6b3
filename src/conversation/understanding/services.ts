// Finding the business's services and staff in free text, tolerant of typos ("hiarcut"),
// spacing ("hair cut"), plurals, case and accents ("facial" for "Fácial").
import type { ServiceCatalogEntry, StaffEntry } from './types.ts';
import { allowedEdits, editDistance, simplify, words } from './text.ts';

// Words of booking talk that must never fuzzily count as part of a service name
// ("message" is one edit from "massage", "time" from "trim"...). They still match exactly.
const NOT_FUZZY = new Set([
  'message', 'messages', 'make', 'time', 'times', 'like', 'cancel', 'hours', 'today', 'book', 'booking', 'tomorrow', 'morning',
  'afternoon', 'evening', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'next', 'week', 'please',
  'thanks', 'appointment', 'appointments', 'reschedule', 'change', 'there', 'their', 'where', 'would', 'could', 'should', 'with',
  'have', 'want', 'need', 'what', 'when', 'which', 'about', 'available', 'earliest', 'after', 'before', 'later', 'other', 'another',
  'instead', 'person', 'human', 'agent', 'someone', 'hello', 'thank', 'sorry', 'maybe', 'price', 'prices', 'place', 'here',
]);

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

/** A word matches a phrase word exactly, as a plural, or within the edits its length allows. */
function wordMatches(text: string, phrase: string): number | undefined {
  if (text === phrase || text === phrase + 's' || text === phrase + 'es' || phrase === text + 's') return 0;
  if (NOT_FUZZY.has(text)) return undefined;
  const limit = Math.min(allowedEdits(phrase.length), allowedEdits(text.length));
  if (limit === 0) return undefined;
  const d = editDistance(text, phrase, limit);
  return d <= limit ? d : undefined;
}

/**
 * The service the text names, or undefined. Scores prefer exact over fuzzy and longer
 * phrases over shorter ones, so "men's haircut" beats "haircut" when both are in the catalog.
 */
export function matchService(text: string, services: ServiceCatalogEntry[]): ServiceCatalogEntry | undefined {
  try {
    return best(simplify(text), services);
  } catch {
    return undefined;
  }
}

function best(simplified: string, services: ServiceCatalogEntry[]): ServiceCatalogEntry | undefined {
  if (!Array.isArray(services) || services.length === 0 || simplified === '') return undefined;
  const tokens = words(simplified);
  let bestScore = 0;
  let bestService: ServiceCatalogEntry | undefined;
  for (const c of candidates(services)) {
    const score = scoreCandidate(tokens, c);
    if (score > bestScore) {
      bestScore = score;
      bestService = c.service;
    }
  }
  return bestService;
}

function scoreCandidate(tokens: string[], c: Candidate): number {
  const n = c.words.length;
  const length = c.joined.length;
  let bestScore = 0;
  for (let i = 0; i < tokens.length; i++) {
    // Word by word: "mens haircut" against "men's hair-cut".
    if (i + n <= tokens.length) {
      let edits = 0;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const d = wordMatches(tokens[i + k]!, c.words[k]!);
        if (d === undefined) ok = false;
        else edits += d;
      }
      if (ok) bestScore = Math.max(bestScore, length * 10 - edits * 5 + n);
    }
    // Spacing differences: "hair cut" against "haircut", "haircut" against "hair cut".
    for (let span = Math.max(1, n - 1); span <= n + 1 && i + span <= tokens.length; span++) {
      if (span === n) continue;
      const window = tokens.slice(i, i + span);
      if (window.some((w) => NOT_FUZZY.has(w))) continue;
      const joined = window.join('');
      const limit = allowedEdits(length);
      const d = joined === c.joined ? 0 : limit === 0 ? limit + 1 : editDistance(joined, c.joined, limit);
      if (d <= limit) bestScore = Math.max(bestScore, length * 10 - d * 5 - 1);
    }
  }
  return bestScore;
}

// First names that are everyday words; they only count after "with"/"by"/"see" or as a full name.
const COMMON_WORDS = new Set([
  'will', 'may', 'june', 'april', 'august', 'joy', 'hope', 'faith', 'grace', 'mark', 'bill', 'rose', 'dawn', 'art', 'pat', 'ray', 'sue',
  'amber', 'jack', 'max', 'bob', 'sky', 'summer', 'autumn', 'chase', 'hunter', 'page', 'guy', 'don', 'drew', 'gene', 'holly', 'ivy',
  'jade', 'ruby', 'sunny', 'star', 'sandy', 'frank', 'les', 'earl', 'an', 'al', 'ed', 'jo', 'di', 'lee', 'nick', 'rob', 'sam', 'any',
]);

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
    const introduced = (i: number) => /^(with|by|see|w|prefer|from|ask|want|and)$/.test(tokens[i - 1] ?? '');
    for (const member of staff) {
      const first = words(simplify(String(member.name ?? '')))[0];
      if (!first) continue;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        if (t === first && (introduced(i) || !COMMON_WORDS.has(first))) return member;
        // A misspelt name only when introduced: "with Dnaa".
        const limit = Math.min(allowedEdits(first.length), 1);
        if (limit > 0 && introduced(i) && editDistance(t, first, limit) <= limit) return member;
      }
    }
    return undefined;
  } catch {
    return undefined;
  }
}

