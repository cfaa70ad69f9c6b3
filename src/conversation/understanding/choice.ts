// Answers to the bot's own questions: yes/no to a summary, and which of the numbered
// offers the customer wants ("2", "the 2nd", "second one", "#3", "the 3pm one", "the 10:30").
import { afterHesitation } from './hesitant-yes.ts';
import { namesLetterAction } from './letter-with-verb.ts';
import { answerAfterRemark } from './remark-before-yes.ts';
import { yesAfterDeferral, yesUnlessHeld } from './holds-off.ts';
import { spellShorthand } from './shorthand.ts';
import { correctTypos, normalize, spellTimes, splitCorrection } from './text.ts';
import { afterWarmOpeners, onlyPleasantries, onlyThanks, SLANG_NO, SLANG_YES, softAnswer, unstretched, warmSaid } from './yes-no-slang.ts';
import { answerToNext } from './yes-to-next.ts';

// Whole-message or leading phrases. Longest first so "no problem" is not read as "no".
const YES_PHRASES = [
  'yes please', 'yes pls', 'yes plz', 'sounds good', 'sounds great', 'sounds perfect', 'that works', 'that is fine', "that's fine",
  'thats fine', 'works for me', 'go ahead', 'go for it', 'do it', 'book it', 'please do', 'lets do it', "let's do it", "let's do that",
  'lets do that', 'that is right', "that's right", 'thats right', "that's correct", 'thats correct', 'no problem', 'no worries',
  'of course', 'for sure', 'all good', 'looks good', 'perfect', 'great', 'absolutely', 'definitely', 'certainly', 'correct', 'confirmed',
  'confirm', 'yes', 'yeah', 'yea', 'yah', 'ya', 'yep', 'yup', 'ye', 'y', 'ok', 'okay', 'okey', 'okie', 'k', 'kk', 'sure', 'alright', 'all right',
  'right', 'fine', 'affirmative', 'si', 'oui', 'aye', 'agreed', 'deal', 'good', 'yes yes',
];
const NO_PHRASES = [
  'no thanks', 'no thank you', 'not really', 'not that one', 'not that', 'not now', 'not yet', 'never mind', 'nevermind', 'nvm',
  "don't", 'dont', 'do not', "that's wrong", 'thats wrong', 'wrong', 'incorrect', 'negative', 'nope', 'nah', 'na', 'no', 'n',
  'none of those', 'none of these', 'none', 'neither', 'no way', 'not', 'not interested',
];

// Exclamations that open an answer without being one ("omg yes", "ahh ok", "wow perfect").
const EXCLAMATIONS = /^(?:(?:omg|oh+|ah+|aw+|o+h+|wow|lol|haha|yay|gosh|oh my god|oh my gosh|ooh+|phew|whew|hey|hi)\b ?)+/;

// "dont care who does it", "don't mind which": indifference opens the request, it refuses nothing.
const INDIFFERENT = /^(?:don'?t|do not) (?:care|mind|matter)\b/;

function stripPunctuation(s: string): string {
  return s.replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function startsWithPhrase(s: string, phrase: string): boolean {
  return s === phrase || s.startsWith(phrase + ' ');
}

// Compare against the longest phrases first so "no problem" wins over "no".
const ALL_PHRASES: Array<[string, 'yes' | 'no']> = [
  ...[...YES_PHRASES, ...SLANG_YES].map((p): [string, 'yes' | 'no'] => [p, 'yes']),
  ...[...NO_PHRASES, ...SLANG_NO].map((p): [string, 'yes' | 'no'] => [p, 'no']),
].sort((a, b) => b[0].length - a[0].length);

/**
 * 'yes' or 'no' when the message is, or opens with, a yes/no answer; undefined otherwise. A yes
 * the customer holds off after saying it ("ok hold on", "sure but not yet") is none, and one said
 * after a deferral ("not yet.. ok yes go ahead") is the answer (holds-off.ts).
 */
export function parseYesNo(text: string): 'yes' | 'no' | undefined {
  const answer = readYesNo(text);
  const s = stripPunctuation(correctTypos(normalize(text)));
  if (answer === 'no' && yesAfterDeferral(s, parseYesNo)) return 'yes';
  return answer === 'yes' ? yesUnlessHeld(s, parseYesNo) : answer;
}

function readYesNo(text: string): 'yes' | 'no' | undefined {
  const s = stripPunctuation(correctTypos(normalize(text)));
  if (s === '') return undefined;
  // "yesss", "nahhh": a stretched word is read at its plain length when it is not an answer as typed.
  // "and yes to the other", "the last one yes": the answer to the second proposal of a text.
  for (const form of [s, ...unstretched(s), ...answerToNext(s)]) {
    const answer = phraseAnswer(form) ?? softAnswer(form);
    if (answer) return answer;
  }
  // "omg yes thank you", "ahh ok": an exclamation before a yes. Not before a no: "oh no, my
  // plans changed" is dismay, not an answer.
  const exclaimed = s.replace(EXCLAMATIONS, '');
  // "that's great, yes", "it's perfect thanks": the warm word said of the proposal, then as above.
  const warmWord = warmSaid(exclaimed)[0];
  if (warmWord !== undefined) return parseYesNo(warmWord) === 'yes' ? 'yes' : undefined;
  const afterExclamation = exclaimed !== s && exclaimed !== '' ? (phraseAnswer(exclaimed) ?? softAnswer(exclaimed)) : undefined;
  if (afterExclamation === 'yes') return 'yes';
  // "lovely, yes", "thx yes", "yay thank you!! yes": thanks and warm words before the yes. Only a
  // yes: "fine, no wait" and "ok no" are not plainly a no.
  const warm = afterWarmOpeners(exclaimed);
  if (warm !== undefined && phraseAnswer(warm) === 'yes') return 'yes';
  // "wait actually... ugh ok yeah cancel it": doubt said first, then the yes. Only a yes, as above.
  const decided = afterHesitation(s);
  if (decided !== undefined && parseYesNo(decided) === 'yes') return 'yes';
  // "omw basically, yes": a remark that changes nothing, then the yes. Only a yes, as above.
  const remarked = answerAfterRemark(normalize(text));
  return remarked !== undefined && phraseAnswer(stripPunctuation(remarked)) === 'yes' ? 'yes' : undefined;
}

function phraseAnswer(s: string): 'yes' | 'no' | undefined {
  for (const [phrase, answer] of ALL_PHRASES) {
    // A single letter only counts as the whole message ("y", "k", "n"), with pleasantries or a
    // whole thanks after it ("y thanks", "k pls", "y, thanks for understanding") or with the verb
    // of what it answers ("y cancel it", letter-with-verb.ts), otherwise "n 3rd street" or "k so what time" would be answers.
    if (phrase.length === 1 ? s === phrase || (startsWithPhrase(s, phrase) && letterAnswers(s.slice(2), answer)) : startsWithPhrase(s, phrase)) {
      // "not" and "good"/"right"/"fine" open many sentences that are not answers.
      if ((phrase === 'not' || phrase === 'good' || phrase === 'right' || phrase === 'fine') && s !== phrase) continue;
      if (answer === 'no' && INDIFFERENT.test(s)) continue;
      return answer;
    }
  }
  // "actually dont book it": the booking words refused are no "book it".
  if (/\b(don'?t|do not|please don'?t) (book|confirm|do)\b|\bnever ?mind\b/.test(s)) return 'no';
  if (/\b(sounds good|that works|works for me|go ahead|book it|please do|yes please)\b/.test(s)) return 'yes';
  return undefined;
}

/** The words after a one-letter answer leave it an answer: pleasantries, a whole thanks, or the verb of what it answers. */
function letterAnswers(rest: string, answer: 'yes' | 'no'): boolean {
  return onlyPleasantries(rest) || onlyThanks(rest) || namesLetterAction(rest, answer);
}

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6, '7th': 7, '8th': 8, '9th': 9, '10th': 10,
};
const CARDINALS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};
const MONTHS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/;

// Words that can surround a choice without changing it ("I'll take number 2 please").
const FILLER = new Set([
  'i', "i'll", 'ill', "i'd", 'id', 'will', 'take', 'like', 'want', 'choose', 'pick', 'go', 'with', 'for', 'lets', "let's", 'do', 'the',
  // "opt 1 pls", "optn 2", "nmbr 3": the option's word shortened as texts do.
  'one', 'option', 'opt', 'optn', 'op', 'number', 'no', 'num', 'nr', 'nmbr', 'numba', 'slot', 'choice', 'please', 'ok', 'okay', 'yes', 'yeah', 'sure', 'that', 'is', 'works',
  'fine', 'good', 'sounds', 'great', 'perfect', 'thanks', 'thank', 'you', 'how', 'about', 'what', 'a', 'an', 'it', 'be', 'would', 'book',
  'me', 'can', 'get', 'have', 'time', 'in', 'of', 'list', 'from', 'please', 'prefer', "i'm", 'im', 'going', 'to', 'select', 'give',
  'then', 'so', 'just', 'guess', 'maybe', 'work', 'k', 'cool', 'alright', 'pls', 'plz', 'lovely', 'awesome', 'ideal', 'nice',
  'excellent', 'amazing',
  // "put me down for 9", "pencil me in for the 10:30", "sign me up for 2", "go ahead, 4 is fine",
  // "actually ya the 3": the ways of asking to be booked into a pick, which change nothing of it.
  'put', 'down', 'pencil', 'sign', 'up', 'squeeze', 'grab', 'snag', 'ahead', 'actually', 'ya', 'yea', 'yep', 'yup',
]);

// Sighs and hesitations said around a pick without changing it ("ugh ok, 9 then", "hmm 2",
// "umm the second"), however stretched.
const INTERJECTION = /^(?:u+g+h+|u+m+|u+h+|h+m+|m+e+h+|welp|sigh|whatever)$/;

type ClockTime = { hour: number; minute: number };
/**
 * The offer picked by number (`index`) or clock time; `bare` when the number stood alone, so it
 * may be an hour too; `byTime` when it was picked as the latest or earliest time, not by place.
 */
type Choice = { index?: number; time?: ClockTime; bare?: boolean; byTime?: 'latest' | 'earliest' };

// "top one", "the top slot", "the one on top", "bottom one", "the one at the bottom of the list": a place in the list as shown.
// Only with a word for the option or "the ... at the top": "a trim on top" or "top notch" pick nothing.
const LIST_PLACE = /\b(?:(?<top>top)|bottom) (?:one|option|slot|choice|time|pick)\b|\bthe (?:one|option|slot|time) (?:at|on) (?:the )?(?:(?<topAt>top)|bottom)(?: of (?:the|that|ur|your) list)?$/;

// "the latest", "the earliest": a time, whatever its place in the list. "The last one" is a
// place, and "the earlier one" of two times asked ("1 or 2, whichever") the first said.
const LATER_TIME = /\blatest\b/;
const EARLIER_TIME = /\b(earliest|soonest)\b/;

const DAY_CUE = /(?:^|\b)(?:on|for|by|until|till|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?|tuesday|wednesday|thursday|saturday)(?: the)?$/;

/** An ordinal said as a date: after "on the", "for the", a weekday, or before a time ("the 4th at 2"). */
function isDayOfMonth(before: string, after: string): boolean {
  return DAY_CUE.test(before) || /^(?:at|@|around) |^\d/.test(after);
}

/** Hours 1–7 without am/pm are afternoon hours (business-hours rule shared with parseWhen). */
export function businessClock(hour: number, minute: number, meridiem: string | undefined): ClockTime | undefined {
  if (hour > 23 || minute > 59) return undefined;
  let h = hour;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = meridiem.startsWith('p');
    h = pm ? (hour % 12) + 12 : hour % 12;
  } else if (hour >= 1 && hour <= 7) {
    h = hour + 12;
  }
  return { hour: h, minute };
}

/** A clock time in the message: "3pm", "3:30", "10:30am", "at 3", "3 o'clock", "noon". */
export function findClockTime(s: string, allowBareHour: boolean): ClockTime | undefined {
  if (/\b(noon|midday)\b/.test(s)) return { hour: 12, minute: 0 };
  const m =
    /\b(\d{1,2}):(\d{2}) ?(a\.?m\.?|p\.?m\.?|a|p)?(?![\w/])/.exec(s) ??
    /\b(\d{1,2})()(?: ?)(a\.?m\.?|p\.?m\.?|a|p)(?![a-z])/.exec(s) ??
    /\b(\d{1,2})() ?o'? ?clock\b()/.exec(s) ??
    /\b(?:at|@|around|about) ?(\d{1,2})()()(?![\d:/])(?! ?(?:st|nd|rd|th)\b)/.exec(s) ??
    (allowBareHour ? /\bthe (\d{1,2})()()(?: one| slot| option)?$/.exec(s) : null);
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  return businessClock(hour, minute, m[3] ? m[3].replace(/\./g, '') : undefined);
}

/**
 * Which offer the customer picked among `optionCount` numbered ones (1-based on screen,
 * 0-based here), and/or the clock time they picked it by. Both may be absent.
 */
export function parseChoice(text: string, optionCount: number): { index?: number; time?: ClockTime } {
  const { bare: _bare, byTime: _byTime, ...pick } = readChoice(text, optionCount);
  return pick;
}

/** parseChoice, and whether the number picked stood alone (so it may be an hour as well). */
export function readChoice(text: string, optionCount: number): Choice {
  try {
    const s = spellTimes(spellShorthand(correctTypos(normalize(text))));
    const count = Math.max(0, Math.floor(Number(optionCount) || 0));
    // "at 3, actually 3:30", "2 no wait 3": the pick after the correction is the one meant.
    const corrected = splitCorrection(s);
    const last: Choice = corrected ? choose(corrected.after, count) : {};
    return last.index !== undefined || last.time !== undefined ? last : (pickBeforeReason(s, count) ?? choose(s, count));
  } catch {
    return {};
  }
}

/**
 * "ok 9 then, cant do later", "the 10:30 pls. i have work at noon": a pick said first, then
 * only why. The first clause is the pick when it is one and the rest names no other number.
 */
function pickBeforeReason(s: string, count: number): Choice | undefined {
  const m = /^(.+?)(?:[,;!?]|\.(?!\d))+\s*(.+)$/.exec(s);
  if (!m || /\d|\b(?:noon|midday)\b/.test(m[2]!)) return undefined;
  const head = choose(m[1]!, count);
  return head.index !== undefined || head.time !== undefined ? head : undefined;
}

// "3, tmrw at 2pm", "#2 on friday at 10", "option 1 - the 9th at 11": a number set off at the
// start of a message, the rest of it saying when.
const LEADING_PICK = /^(?:(?:ok|okay|um+|so|yes|yeah)[ ,]+)?(?:(?:#|(?:option|opt|optn|number|nmbr) |no\. ?)(\d{1,2})\b[ ,.;:)-]*|(\d{1,2})(?:[,.;:)-]+| -) *)(?=\S)/;

/** The numbered option a message opens with before saying more; undefined without one set off so. */
export function leadingPick(text: string, optionCount: number): number | undefined {
  const m = LEADING_PICK.exec(normalize(text));
  const n = m ? Number(m[1] ?? m[2]) : NaN;
  return n >= 1 && n <= optionCount ? n - 1 : undefined;
}

function choose(s: string, optionCount: number): Choice {
  const out: Choice = {};
  const valid = (n: number) => n >= 1 && n <= optionCount;
  const clean = s.replace(/[!?,;]+/g, ' ').replace(/\s+/g, ' ').trim();

  let picked: number | undefined;
  const explicit = /(?:#|\b(?:option|opt|optn|number|nmbr|numba|no\.|num|nr|slot|choice)\s*#?\s*)(\d{1,2})\b/.exec(clean);
  if (explicit) picked = Number(explicit[1]);

  const tokens = clean.split(' ').filter((w) => w !== '');
  // The words left once the filler around a pick is gone: "I'll take 2 please" leaves "2".
  const rest = tokens.map((w) => w.replace(/^[(#]+|[.)]+$/g, '')).filter((w) => w !== '' && !FILLER.has(w) && !INTERJECTION.test(w));
  if (picked === undefined) {
    // An ordinal word, unless it is a date ("the 2nd of Dec", "Dec 2nd").
    for (let i = 0; i < tokens.length; i++) {
      const w = tokens[i]!.replace(/[.)]+$/, '');
      const n = ORDINALS[w];
      if (n === undefined) continue;
      const before = tokens[i - 1] ?? '';
      const after = (tokens[i + 1] ?? '') + ' ' + (tokens[i + 2] ?? '');
      if (MONTHS.test(before) || /^of /.test(after) || (w === 'second' && /^(please|pls|wait|sec)\b/.test(after))) continue;
      // "saturday 1pm like i first said", "what i first asked for", "at first": when something was
      // said, not the first option.
      if (/^(?:i|we|u|you|at)$/.test(before) || /^(?:said|asked|wanted|thought|mentioned|texted|picked|chose|told|messaged|wrote)\b/.test(after)) continue;
      // "3pm on the 3rd", "friday the 4th at 2": a day of the month, not the third option.
      if (isDayOfMonth(tokens.slice(Math.max(0, i - 2), i).join(' '), after)) continue;
      picked = n;
      break;
    }
  }
  // "top one", "the one at the top", "bottom option": the list's first or last place, as it is shown.
  if (picked === undefined && optionCount > 0) {
    const place = LIST_PLACE.exec(clean)?.groups;
    if (place) picked = (place.top ?? place.topAt) ? 1 : optionCount;
  }
  if (picked === undefined) {
    if (/\b(last|latest|latter|last one)\b|\bthe later one\b/.test(clean) && optionCount > 0 && !/\b(at|after) \d/.test(clean)) {
      picked = optionCount;
      if (LATER_TIME.test(clean)) out.byTime = 'latest';
    } else if (/\b(earliest|soonest|former)\b|\bthe earlier one\b/.test(clean) && optionCount > 0) {
      picked = 1;
      if (EARLIER_TIME.test(clean)) out.byTime = 'earliest';
    }
    else if (/\b(any|either|whichever|any of them|doesn'?t matter|dont care|don'?t mind)\b/.test(clean) && optionCount > 0) picked = 1;
  }
  if (picked === undefined) {
    // A lone number among filler words: "2", "2.", "2)", "I'll take 2 please", "two".
    if (rest.length === 1) {
      const w = rest[0]!;
      const n = /^\d{1,2}$/.test(w) ? Number(w) : CARDINALS[w];
      if (n !== undefined && valid(n)) {
        picked = n;
        out.bare = n <= 12;
      }
      // "9 then", "ok 11 works" with four offers: no option has that number, so it is the hour.
      else if (n !== undefined && /^\d{1,2}$/.test(w) && n >= 1 && n <= 12) out.time = businessClock(n, 0, undefined);
    }
    // "one", "option one", "one please": the word is a filler in "the 3pm one", a number here.
    if (rest.length === 0 && valid(1) && /(?:^|\b(?:option|number|no|num|nr|slot|choice|take|want|pick|do|with|go|ok|okay|yes|yeah|um|uh)) one\b(?! (?:of|with|at|on|for))|^one\b/.test(clean)) picked = 1;
  }
  if (picked !== undefined && valid(picked)) out.index = picked - 1;

  // A clock time; a bare "the 10" only counts as a time when it cannot be an option number.
  const time = findClockTime(clean, true);
  if (time) {
    const bare = /\bthe (\d{1,2})(?: one| slot| option)?$/.exec(clean);
    if (!(bare && valid(Number(bare[1])) && !/[:apm]|o'?clock|at /.test(clean.slice(bare.index)))) out.time = time;
  }
  if (out.index === undefined && out.time === undefined) {
    // "10" when only three options exist is the 10 o'clock one.
    const lone = /^(?:the )?(\d{1,2})(?: one| slot| option| please)?$/.exec(clean);
    if (lone && !valid(Number(lone[1])) && Number(lone[1]) >= 1 && Number(lone[1]) <= 12) out.time = businessClock(Number(lone[1]), 0, undefined);
    // "1030", "530 pls": a time typed without its colon, alone among filler words.
    const digits = rest.length === 1 ? /^(\d{1,2})([0-5]\d)$/.exec(rest[0]!) : null;
    if (digits) out.time = businessClock(Number(digits[1]), Number(digits[2]), undefined);
  }
  return out;
}
