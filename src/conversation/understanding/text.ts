// Text normalisation shared by every parser in this folder. Customers type on phones:
// curly quotes, accents, emoji, shorthand and typos are the norm, so every parser works
// on the same cleaned, lower-case, ASCII form and never on the raw message.

/**
 * Messages longer than this are cut before parsing. Real booking messages are short;
 * the cap keeps the fuzzy matching (quadratic in the worst case) bounded on hostile input.
 */
export const MAX_INPUT_CHARS = 1000;

const EMOJI_YES = /[\u{1F44D}\u{1F44C}\u{2705}\u{2714}\u{1F197}]/gu; // 👍 👌 ✅ ✔ 🆗
const EMOJI_NO = /[\u{1F44E}\u{274C}\u{274E}\u{1F6AB}]/gu; // 👎 ❌ ❎ 🚫

/** Lower-case, ASCII-fold, straighten quotes, map yes/no emoji to words, collapse whitespace. */
export function normalize(input: unknown): string {
  let s = typeof input === 'string' ? input : input == null ? '' : String(input);
  s = s.slice(0, MAX_INPUT_CHARS);
  s = s.replace(EMOJI_YES, ' yes ').replace(EMOJI_NO, ' no ');
  s = s.normalize('NFKD').replace(/\p{M}/gu, '');
  s = s
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00DF/g, 'ss');
  s = s.toLowerCase();
  // Anything else outside printable ASCII (other emoji, other scripts, control characters)
  // carries nothing the English parsers can use; a space keeps word boundaries intact.
  s = s.replace(/[^\x20-\x7e]/g, ' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** Letters and digits only, for comparing names ("Men's cut" and "mens-cut" become "mens cut"). */
export function simplify(s: string): string {
  return normalize(s)
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function words(s: string): string[] {
  return s.length === 0 ? [] : s.split(' ');
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition), so that
 * "cancle" is one edit from "cancel". `max` lets the caller stop early.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** Edits tolerated for a word of this length: none for short words, where one edit makes another word. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}

// Shorthand and frequent misspellings, replaced word for word before any parsing.
const SHORTHAND: Record<string, string> = {
  tmrw: 'tomorrow', tmrrw: 'tomorrow', tmr: 'tomorrow', tmrow: 'tomorrow', tmw: 'tomorrow', tom: 'tomorrow',
  '2morrow': 'tomorrow', '2moro': 'tomorrow', '2mrw': 'tomorrow', '2day': 'today', tdy: 'today', tonite: 'tonight', '2nite': 'tonight',
  resched: 'reschedule', reschedual: 'reschedule', reskedule: 'reschedule', rescheduel: 'reschedule', rsvp: 'book',
  cancle: 'cancel', cancell: 'cancel', cncl: 'cancel', canx: 'cancel', cxl: 'cancel',
  appt: 'appointment', appts: 'appointments', apt: 'appointment', apts: 'appointments', appnt: 'appointment', apmt: 'appointment',
  pls: 'please', plz: 'please', plez: 'please', thx: 'thanks', ty: 'thanks', thnx: 'thanks', u: 'you', ur: 'your', r: 'are',
  wk: 'week', nxt: 'next', aftn: 'afternoon', arvo: 'afternoon', eve: 'evening', mornin: 'morning', morn: 'morning',
  avail: 'available', asap: 'asap', addr: 'address', hrs: 'hours', im: "i'm", dont: "don't", cant: "can't", wont: "won't",
  // Weekday shorthand the date parser does not know ("weds", "thrs") and misspellings two edits off.
  weds: 'wednesday', wedns: 'wednesday', wednes: 'wednesday', wensday: 'wednesday', wendsday: 'wednesday', wenesday: 'wednesday',
  wedsday: 'wednesday', thrs: 'thursday', thrus: 'thursday', thursd: 'thursday', thurday: 'thursday', tuseday: 'tuesday',
  tusday: 'tuesday', teusday: 'tuesday', tues: 'tuesday', frid: 'friday', fryday: 'friday', satur: 'saturday', satuday: 'saturday',
  mond: 'monday',
  rep: 'representative', ppl: 'people', yess: 'yes', yesss: 'yes', ye: 'yes', yah: 'yeah', noo: 'no', nooo: 'no',
};

// Words worth correcting fuzzily: the vocabulary the intent and date rules depend on.
const VOCABULARY = [
  'tomorrow', 'today', 'tonight', 'morning', 'afternoon', 'evening', 'weekend', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'august', 'september',
  'october', 'november', 'december', 'reschedule', 'cancel', 'appointment', 'appointments', 'available',
  'availability', 'earliest', 'schedule', 'booking', 'address', 'located', 'location', 'representative',
  'someone', 'somebody', 'person', 'human', 'agent', 'hours', 'policy', 'policies', 'cancellation', 'confirm',
  'please', 'thanks', 'operator', 'directions', 'possible', 'reservation', 'postpone', 'another',
];

// Ordinary words that sit one edit from a vocabulary word and must not be "corrected".
const KEEP = new Set([
  'cancer', 'house', 'humor', 'honours', 'police', 'person', 'persons', 'agents', 'hour', 'our', 'other', 'others',
  'mother', 'brother', 'today', 'todays', 'monday', 'mondays', 'sundays', 'fridays', 'another', 'anything', 'march',
  'marching', 'august', 'morning', 'mornings', 'evenings', 'afternoons', 'weekends', 'booking', 'bookings', 'locate',
  'locates', 'please', 'pleased', 'thank', 'thanks', 'agency', 'mourning', 'policy', 'possibly', 'possible', 'address',
  'reschedule', 'rescheduled', 'rescheduling', 'cancel', 'canceled', 'cancelled', 'canceling', 'cancelling',
  'scheduled', 'schedules', 'confirmed', 'confirms', 'someone', 'somebody', 'humans', 'human', 'earlier', 'easiest',
]);

/**
 * Replaces shorthand and near-miss spellings of the vocabulary word by word, keeping
 * punctuation and numbers as they are. `protect` holds words that must survive unchanged
 * (the business's own service and staff names).
 */
export function correctTypos(normalized: string, protect: ReadonlySet<string> = new Set()): string {
  return words(normalized)
    .map((token) => {
      const m = /^([^a-z0-9]*)([a-z0-9']+?)([^a-z0-9]*)$/.exec(token);
      if (!m) return token;
      const [, lead, core, trail] = m as unknown as [string, string, string, string];
      const short = SHORTHAND[core];
      if (short !== undefined && !protect.has(core)) return lead + short + trail;
      if (!/^[a-z]+$/.test(core) || core.length < 5 || KEEP.has(core) || protect.has(core)) return token;
      if (VOCABULARY.includes(core)) return token;
      const limit = core.length <= 7 ? 1 : 2;
      let best: string | undefined;
      let bestDistance = limit + 1;
      for (const v of VOCABULARY) {
        const d = editDistance(core, v, limit);
        if (d < bestDistance) {
          best = v;
          bestDistance = d;
        }
      }
      return best !== undefined && bestDistance <= limit ? lead + best + trail : token;
    })
    .join(' ');
}
