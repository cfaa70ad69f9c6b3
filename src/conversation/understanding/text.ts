// Text normalisation shared by every parser in this folder. Customers type on phones:
// curly quotes, accents, emoji, shorthand and typos are the norm, so every parser works
// on the same cleaned, lower-case, ASCII form and never on the raw message.

/**
 * Messages longer than this are cut before parsing. Real booking messages are short;
 * the cap keeps the fuzzy matching (quadratic in the worst case) bounded on hostile input.
 */
export const MAX_INPUT_CHARS = 1000;

const EMOJI_YES = /[\u{1F44D}\u{1F44C}\u{2705}\u{2714}\u{1F197}]/gu; // 👍 👌 ✅ ✔ 🆗
const EMOJI_NO = /[\u{1F44E}\u{274C}\u{274E}\u{1F6AB}\u{1F645}]/gu; // 👎 ❌ ❎ 🚫 🙅
// Emoji that stand for a word: a yes (💯 🤝 ☑), or the service they picture (✂️ 💇 💈 💅 💆), which the catalog then matches or not.
const EMOJI_WORDS: Array<[RegExp, string]> = [
  [/[\u{1F4AF}\u{1F91D}\u{2611}]/gu, ' yes '],
  [/[\u{2702}\u{1F487}\u{1F488}]/gu, ' haircut '],
  [/\u{1F485}/gu, ' manicure '],
  [/\u{1F486}/gu, ' massage '],
];

// "💇‍♀️ consult pls", "✂️ color tues?": a service spelled out beside the emoji is the one meant; the emoji only decorates.
const SERVICE_SPELLED = /\b(?:consult(?:ation)?s?|colou?r(?:ing)?|cut|trim|haircut|massage|mani(?:cure)?|pedi(?:cure)?|facial|nails|wax(?:ing)?|blow ?(?:out|dry)|highlights|balayage|perm|updo|brows?|lash(?:es)?|beard|shave)\b/i;

const ARROW = /\s*(?:[\u2192\u21D2\u27A1\u2794\u279C\u27F6\u27F9]\uFE0F?|-+>|=+>)\s*/gu;

/** Lower-case, ASCII-fold, straighten quotes, map yes/no emoji to words, collapse whitespace. */
export function normalize(input: unknown): string {
  let s = typeof input === 'string' ? input : input == null ? '' : String(input);
  s = s.slice(0, MAX_INPUT_CHARS);
  s = s.replace(EMOJI_YES, ' yes ').replace(EMOJI_NO, ' no ');
  const spelled = SERVICE_SPELLED.test(s);
  for (const [emoji, word] of EMOJI_WORDS) s = s.replace(emoji, spelled && word !== ' yes ' ? ' ' : word);
  s = s.normalize('NFKD').replace(/\p{M}/gu, '');
  // "3pm ➡️ 4pm": an arrow says one thing becomes another (read by arrowAsMove); kept as ASCII.
  s = s.replace(ARROW, ' -> ');
  s = s
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00DF/g, 'ss');
  s = s.toLowerCase();
  // "11;30": the key beside the colon, hit between the hour and its minutes.
  s = s.replace(/\b(\d{1,2});(\d{2})(?!\d)/g, '$1:$2');
  // "cuttt", "friiiday": a letter held down is read as at most a double (correctTypos reads it further).
  s = s.replace(/([a-z])\1{2,}/g, '$1$1');
  // "a trim b4 my color": "before" typed as texts do, read before any rule looks for "before".
  s = s.replace(/(?<![\w@.])b4(?= (?:my|the|your|ur|our|his|her|it|that|then|noon|\d))/g, 'before');
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

// Move verbs typed fast, a letter dropped or two swapped further than the fuzzy match or unswapping
// reads; put back before the rules that read whole phrases too ("mve my fri appt to 2").
const MOVE_VERBS_TYPED: Record<string, string> = {
  mve: 'move', moove: 'move', mv: 'move', chnage: 'change', chagne: 'change', cahnge: 'change', chnge: 'change', swtich: 'switch', swicth: 'switch',
  reshedule: 'reschedule', rescedule: 'reschedule', reschedle: 'reschedule', reschdule: 'reschedule',
};

// Shorthand and frequent misspellings, replaced word for word before any parsing.
const SHORTHAND: Record<string, string> = {
  tmw: 'tomorrow', tom: 'tomorrow', tomoz: 'tomorrow', tmoz: 'tomorrow',
  '2day': 'today', tdy: 'today', tday: 'today', '2dy': 'today', tonite: 'tonight', '2nite': 'tonight',
  resched: 'reschedule', reschedual: 'reschedule', reskedule: 'reschedule', rescheduel: 'reschedule', rsvp: 'book',
  ...MOVE_VERBS_TYPED,
  cancle: 'cancel', cancell: 'cancel', cncl: 'cancel', canx: 'cancel', cxl: 'cancel',
  appt: 'appointment', appts: 'appointments', apt: 'appointment', apts: 'appointments', appnt: 'appointment', apmt: 'appointment',
  pls: 'please', plz: 'please', plez: 'please', thx: 'thanks', ty: 'thanks', thnx: 'thanks', u: 'you', ur: 'your', r: 'are',
  wk: 'week', wks: 'weeks', nxt: 'next', aft: 'afternoon', aftn: 'afternoon', arvo: 'afternoon', eve: 'evening', mornin: 'morning', morn: 'morning',
  avail: 'available', asap: 'asap', addr: 'address', hrs: 'hours', im: "i'm", dont: "don't", cant: "can't", wont: "won't",
  // Weekday shorthand the date parser does not know ("weds", "thrs") and misspellings two edits off.
  weds: 'wednesday', wedns: 'wednesday', wednes: 'wednesday', wensday: 'wednesday', wendsday: 'wednesday', wenesday: 'wednesday',
  wedsday: 'wednesday', thrs: 'thursday', thrus: 'thursday', thursd: 'thursday', thurday: 'thursday', tuseday: 'tuesday',
  tusday: 'tuesday', teusday: 'tuesday', tues: 'tuesday', frid: 'friday', fryday: 'friday', satur: 'saturday', satuday: 'saturday',
  mond: 'monday',
  wat: 'what', wut: 'what', wht: 'what',
  // Two letters apart, which unswapped (below) does not put back.
  wkee: 'week',
  bfore: 'before', befor: 'before',
  // "mv my appt frm wed 2 thu": a preposition typed without its vowels.
  frm: 'from',
  rep: 'representative', ppl: 'people', yse: 'yes', yess: 'yes', yesss: 'yes', ye: 'yes', yah: 'yeah', noo: 'no', nooo: 'no',
};

// "tmorow", "tommorow", "2morrow", "tomorw": tomorrow typed fast, letters dropped or doubled
// further from the word than the fuzzy match reaches. No English word has this shape.
// "tmrws", "tmrw's": the day's one, said as its possessive.
const TOMORROW_TYPED = /^(?:t|2)o?m{1,2}o?r{1,2}o?w{0,2}(?<owner>'?s)?$/;

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
  'scheduled', 'schedules', 'confirmed', 'confirms', 'someone', 'somebody', 'humans', 'human', 'earlier', 'easiest', 'looking',
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
      const [, lead, held, trail] = m as unknown as [string, string, string, string];
      const core = unstretch(held, protect);
      const short = SHORTHAND[core];
      if (short !== undefined && !protect.has(core)) return lead + short + trail;
      const typed = TOMORROW_TYPED.exec(core);
      if (typed && !protect.has(core)) return lead + (typed.groups?.owner ? "tomorrow's" : 'tomorrow') + trail;
      const swapped = protect.has(core) ? undefined : unswapped(core);
      if (swapped) return lead + swapped + trail;
      if (!/^[a-z]+$/.test(core) || core.length < 5 || KEEP.has(core) || protect.has(core)) return lead + core + trail;
      if (VOCABULARY.includes(core)) return lead + core + trail;
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
      return lead + (best !== undefined && bestDistance <= limit ? best : core) + trail;
    })
    .join(' ')
    .replace(SAME_TIME_TYPED, 'same time')
    .replace(FOUR_AS_FOR, 'for')
    .replace(FOUR_BEFORE_SERVICE, 'for');
}

/**
 * "r u able 2 push my appt 2 the 17th": "2" typed for "to" between words, put back before any
 * number or date is read (else it is a choice, or the year of "2 the 17th").
 */
export function spellTwoAsTo(normalized: string): string {
  return normalized.replace(TWO_AS_TO_VERB, 'to').replace(TWO_AS_TO_DAY, 'to').replace(TWO_BETWEEN_DAYS, 'to');
}

// "frm wed the 9th 2 thu the 10th", "from the 9th 2 the 12th": after a day that follows "from", a "2"
// before another day is where the move goes ("from wed at 2 thu" keeps its clock cue, so stays 2 o'clock).
const DAY_NAMED = String.raw`(?:(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?|tuesday|wednesday|thursday|saturday|tomorrow|today)`;
const TWO_BETWEEN_DAYS = new RegExp(
  String.raw`(?<=\b(?:from|frm) (?:${DAY_NAMED} )?(?:the )?(?:${DAY_NAMED}|\d{1,2}(?:st|nd|rd|th)) )2(?= (?:the|next|${DAY_NAMED}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b)`,
  'g',
);

// "r u able 2 push it", "i need 2 change my appt": "2" between a word that wants a verb and the verb is "to".
const TWO_AS_TO_VERB =
  /(?<=\b(?:able|want|wanted|need|needed|like|love|have|going|trying|hoping|hope|possible|way|try|ok|okay)\s)2(?=\s(?:push|move|bump|shift|slide|change|switch|reschedule|cancel|book|come|get|see|make|do|go|talk|ask|know|check)\b)/g;
// "push my appt 2 the 17th", "move my cut 2 friday", "can i change it 2 next week": "2" between what moves and
// its new day is "to". Never after a clock cue or a service ("at 2 the 17th", "cut 2 tmrw" are 2 o'clock).
const TWO_AS_TO_DAY = new RegExp(
  `(?<=\\b(?:(?:it|this|that|appt|appts|apt|appointment|appointments|booking|bookings)|(?:move|moved|push|pushed|bump|bumped|shift|switch|change|changed|reschedule|rescheduled|slide)(?: (?:my|the|our) [a-z]+)?)\\s)2(?=\\s(?:the|my|next|another|a different|tomorrow|(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?|tuesday|wednesday|thursday|saturday|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\\b)`,
  'g',
);

// "same tim", "same tym", "same tme": "time" typed short after "same", where it can be no name
// ("tim" alone may be a person, so only the phrase is read).
const SAME_TIME_TYPED = /\bsame (?:tim|tym|tme|tiem|tyme)\b/g;

// "any chance 4 a cut", "room 4 my color": "4" before a service is what it is for, whatever word
// asked for it; an hour keeps its cue or day ("at 4 a cut is fine", "tmrw 4 a trim" are left to the clock).
const FOUR_BEFORE_SERVICE = new RegExp(
  `(?<!\\b(?:at|@|by|around|about|till|until|before|after|from|is|or|and|to|today|tomorrow|tonight|(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?|tuesday|wednesday|thursday|saturday)\\s)\\b4(?=\\s(?:a|an|my|the|some|quick)\\s(?:quick\\s)?${SERVICE_SPELLED.source.replace(/^\\b|\\b$/g, '')}\\b)`,
  'g',
);

// "fit me in 4 a trim", "any time 4 my daughter": "4" texted for "for", after a word that asks
// for something and before the one it is for. Never after a time word ("at 4 a.m.", "is 4 a
// good time"): there it is the hour.
const FOUR_AS_FOR =
  /(?<=\b(?:in|me|us|you|book|booked|booking|appointment|time|slot|room|space|something|anything|available|free|open|looking|need|want|fit|squeeze|thanks)\s)4(?=\s(?:a|an|the|my|me|us|him|her|them|our|his)\s(?!m\b)[a-z])/g;

// Short words typed fast, with two neighbouring letters swapped ("cna i mvoe teh appt"): too
// short for the fuzzy match, where one edit makes another word, so only a swap back to one of
// these is read. None of their swaps is an English word a customer would mean.
const SWAPPED_WORDS = new Set([
  'can', 'the', 'you', 'and', 'move', 'what', 'with', 'have', 'that', 'this', 'time', 'book', 'next', 'week', 'day', 'cut',
  'same',
]);

/** "cna" (can), "mvoe" (move), "teh" (the): a short word read with its swapped neighbours put back. */
function unswapped(core: string): string | undefined {
  if (core.length < 3 || core.length > 4 || SWAPPED_WORDS.has(core) || SHORTHAND[core] !== undefined) return undefined;
  for (let i = 0; i + 1 < core.length; i++) {
    const back = core.slice(0, i) + core[i + 1] + core[i] + core.slice(i + 2);
    if (SWAPPED_WORDS.has(back)) return back;
  }
  return undefined;
}

/** The text with its swapped short words put back, before the rules that read whole phrases ("mvoe it to 3"). */
export function unswapWords(normalized: string, protect: ReadonlySet<string>): string {
  return normalized.replace(/\b[a-z]{3,10}\b/g, (w) => (protect.has(w) ? w : (MOVE_VERBS_TYPED[w] ?? unswapped(w) ?? w)));
}

/**
 * "cutt", "friiday" (held-down letters, cut to a double by normalize): read with a single
 * letter when that is a word known here and the word as typed is not.
 */
function unstretch(core: string, protect: ReadonlySet<string>): string {
  const known = (w: string) => VOCABULARY.includes(w) || KEEP.has(w) || protect.has(w) || SHORTHAND[w] !== undefined;
  if (!/([a-z])\1/.test(core) || known(core)) return core;
  const single = core.replace(/([a-z])\1+/g, '$1');
  return known(single) ? single : core;
}

// Clock times written in words or without their colon ("at two thirty", "quarter to 4",
// "at 1030"): the date and choice parsers only read digits with a colon.
const HOUR_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const MINUTE_WORDS: Record<string, number> = {
  'oh five': 5, 'o five': 5, ten: 10, fifteen: 15, twenty: 20, 'twenty five': 25, thirty: 30, 'thirty five': 35,
  forty: 40, 'forty five': 45, fifty: 50, 'fifty five': 55,
};
const HOUR_WORD = `(${Object.keys(HOUR_WORDS).join('|')})`;
const HOUR = `(\\d{1,2}|${Object.keys(HOUR_WORDS).join('|')})`;
const MINUTE_WORD = `(${Object.keys(MINUTE_WORDS).sort((a, b) => b.length - a.length).map((w) => w.replace(' ', '[ -]')).join('|')})`;
// Words after which a number is a clock time ("at two", "around 1030").
const CLOCK_CUE = '(at|@|around|about|by|before|after|from|until|till|til|between)';
// A number followed by these counts something else ("two people", "at one of your salons").
const NOT_A_TIME = '(?! ?(?:people|persons|of|adults|kids|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|st|nd|rd|th)\\b)';

// Voice dictation writes an hour as a word that sounds like it: "at for p.m.", "around to pm".
// Only between a clock cue and am/pm or o'clock, where the word can be nothing but the hour.
const SOUNDALIKE_HOURS: Record<string, number> = { won: 1, to: 2, too: 2, for: 4, fore: 4, ate: 8 };
const SOUNDALIKE_HOUR = new RegExp(`\\b${CLOCK_CUE} (${Object.keys(SOUNDALIKE_HOURS).join('|')})(?= ?(?:o'? ?clock\\b|a\\.?m\\b|p\\.?m\\b))`, 'g');

const hourOf = (said: string): number => HOUR_WORDS[said] ?? Number(said);
const clock = (hour: number, minute: number): string => `${hour}:${String(minute).padStart(2, '0')}`;

/**
 * "at two thirty" → "at 2:30", "quarter to four" → "3:45", "half past 2" → "2:30",
 * "at 1030" → "at 10:30", "930am" → "9:30am", "after four" → "after 4", "at for pm" → "at 4 pm". A number word
 * counts as an hour only beside a clock cue or a minute word, so "two people" stays.
 */
export function spellTimes(s: string): string {
  let t = s.replace(SOUNDALIKE_HOUR, (_, cue: string, h: string) => `${cue} ${SOUNDALIKE_HOURS[h]}`);
  t = t.replace(new RegExp(`\\bhalf (?:past|after) ${HOUR}\\b`, 'g'), (_, h: string) => clock(hourOf(h), 30));
  t = t.replace(new RegExp(`\\b(?:a )?quarter (?:past|after) ${HOUR}\\b`, 'g'), (_, h: string) => clock(hourOf(h), 15));
  t = t.replace(new RegExp(`\\b(?:a )?quarter (?:to|til|till|of|before) ${HOUR}\\b`, 'g'), (_, h: string) => clock(((hourOf(h) + 10) % 12) + 1, 45));
  t = t.replace(new RegExp(`\\b${HOUR_WORD}[ -]${MINUTE_WORD}\\b${NOT_A_TIME}`, 'g'), (_, h: string, m: string) => clock(hourOf(h), MINUTE_WORDS[m.replace('-', ' ')]!));
  t = t.replace(new RegExp(`\\b${HOUR_WORD}(?= ?(?:o'? ?clock|a\\.?m\\b|p\\.?m\\b|-?ish\\b))`, 'g'), (h: string) => String(hourOf(h)));
  t = t.replace(new RegExp(`\\b${CLOCK_CUE} ${HOUR_WORD}\\b${NOT_A_TIME}`, 'g'), (_, cue: string, h: string) => `${cue} ${hourOf(h)}`);
  // The far end of a span whose near end is already a time: "between 2 and four", "3 or four".
  t = t.replace(new RegExp(`(\\d(?::\\d{2})?(?: ?[ap]\\.?m\\.?)?) (and|to|till|until|or|-) ${HOUR_WORD}\\b${NOT_A_TIME}`, 'g'), (_, near: string, joint: string, h: string) => `${near} ${joint} ${hourOf(h)}`);
  t = withDayPartMeridiem(t);
  // Digits without their colon: only after a cue or before am/pm, and only as a valid time.
  const colon = (whole: string, h: string, m: string, rest = '') => (Number(h) <= 23 && Number(m) < 60 && Number(m) % 5 === 0 ? `${clock(Number(h), Number(m))}${rest}` : whole);
  t = t.replace(/\b(at|@|around|about|by|before|after|from|until|till|between) ?(\d{1,2})(\d{2})\b(?![:.\d])/g, (whole, cue: string, h: string, m: string) => {
    const spelled = colon(whole, h, m);
    return spelled === whole ? whole : `${cue} ${spelled}`;
  });
  return t.replace(/\b(\d{1,2})(\d{2}) ?(a\.?m\.?|p\.?m\.?)(?![a-z])/g, (whole, h: string, m: string, mer: string) => colon(whole, h, m, mer));
}

// "3 in the afternoon", "10 in the morning", "7 at night", "half past 4 this evening": the part of
// day said after the hour is its am or pm, which the date reader only takes from a clock cue.
// A number after a month or in a numeric date is its day ("december 11 in the morning").
const HOUR_THEN_PART = new RegExp(`(?<!\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? |[/-])\\b${HOUR}(:\\d{2})?(?: ?o'? ?clock)?(?= (?:in the|this|at|tomorrow|tmrw|that|that same|the same|same) (morning|afternoon|evening|night)\\b)`, 'g');

function withDayPartMeridiem(t: string): string {
  return t.replace(HOUR_THEN_PART, (whole, h: string, minutes: string | undefined, part: string) => {
    const hour = hourOf(h);
    return hour >= 1 && hour <= 12 ? `${hour}${minutes ?? ''}${part === 'morning' ? 'am' : 'pm'}` : whole;
  });
}

/**
 * "r pls. friday after 3", "C. sorry, family emergency": the reminder's one-letter replies
 * (R, C) with more words after them, spelled as the words they stand for. Only before a stop
 * and a space, or a polite word: "r u open" and "c u tmrw" are "are you" and "see you", and
 * "r.lee@example.org" an e-mail.
 */
export function spellCommandLetter(s: string): string {
  return s.replace(/^([rc])(?=[ ]?[.!,:;-]+ [a-z0-9]| (?:pls|plz|please|thanks|thx|ty|thank you|sorry)\b| for (?:the|my|that)\b)/, (_, letter: string) => (letter === 'r' ? 'reschedule' : 'cancel'));
}

// Where a message takes back what it just said: "wed at 10 no wait thursday", "at 3, actually 3:30".
// A bare "no" corrects only right before the number or day it puts instead: "tmrw at 2 no 3",
// "10? no more like 12",
// "at 10 - no, 11", or right between two days: "wed.. no thurs sorry, at 11am" (not "fri at 3, no thursdays").
const DAY_SAID = String.raw`\b(?:(?:mon|tues?|wed|weds|thu|thur|thurs|fri|sat)(?:day|nesday|rsday|urday|sday)?|tomorrow|tmrw|today)\b`;
const CORRECTION = new RegExp(String.raw`(?:^|[\s,.;!-])(?:(?:(?:no,? )?(?:wait|actually|i mean|i meant|sorry|oops|my bad|scratch that|or rather|on second thought|make (?:that|it)|change (?:that|it) to)(?:,? (?:no|nope|nah))?|no(?=[\s,.!-]+(?:more |closer |prob(?:ably)? |maybe )?(?:like |around |about |to )?(?:at |@ ?|on |the |on the )?\d)|(?<=${DAY_SAID}[\s,.!-]*)no(?=[\s,.!-]+(?:on )?${DAY_SAID}))\b[\s,.!-]*)+`, 'g');
// "at 2 no wait 3 sorry", "3 i mean 4, thanks": an apology or thanks closing the message corrects nothing after it.
const ONLY_COURTESY = /^(?:(?:sorry|thanks|thank you|thx|ty|lol|haha|my bad|oops|pls|please|plz)\b[\s,.!?-]*)*$/;

/** What follows the last mid-message correction, with what precedes it; undefined when there is none. */
export function splitCorrection(s: string): { before: string; after: string } | undefined {
  let found: RegExpExecArray | undefined;
  for (const m of s.matchAll(CORRECTION)) {
    if (m.index > 0 && s.slice(0, m.index).trim() !== '' && !ONLY_COURTESY.test(s.slice(m.index + m[0].length).trim())) found = m;
  }
  if (!found) return undefined;
  return { before: s.slice(0, found.index), after: s.slice(found.index + found[0].length).trim() };
}
