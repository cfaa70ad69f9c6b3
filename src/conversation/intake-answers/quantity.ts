import { asksHairLength, hairLengthInches } from './hair-length.ts';
import { plain } from './words.ts';
import { splitCorrection } from '../understanding/text.ts';

// A number answer in words or with a unit: "six", "like 10in", "about a foot" (12 when
// the question asks in inches), "2 ft", "a foot and a half", "30cm". A unit the question
// does not use is converted to the one it names; an answer with two different amounts
// ("5 or 6", "10-12") or none ("really long") gives no number, so it is asked again.
// A hair length in words ("chin length") counts only when no number is given: the number
// said is the customer's own measure.

type Dimension = 'length' | 'time';
// Each unit's size in its dimension's base unit (inches, minutes).
const UNITS: Array<{ names: string[]; dim: Dimension; size: number }> = [
  { names: ['inches', 'inch', 'inchs', 'in', '"'], dim: 'length', size: 1 },
  { names: ['feet', 'foot', 'ft', "'"], dim: 'length', size: 12 },
  { names: ['centimeters', 'centimetres', 'centimeter', 'centimetre', 'cms', 'cm'], dim: 'length', size: 1 / 2.54 },
  { names: ['millimeters', 'millimetres', 'mm'], dim: 'length', size: 1 / 25.4 },
  { names: ['meters', 'metres', 'meter', 'metre', 'm'], dim: 'length', size: 100 / 2.54 },
  { names: ['minutes', 'minute', 'mins', 'min'], dim: 'time', size: 1 },
  { names: ['hours', 'hour', 'hrs', 'hr', 'h'], dim: 'time', size: 60 },
];
// A unit a question names in words ("in inches", "how many minutes"); "in" and "m" alone are not.
const PROMPT_UNIT_NAMES = new Set(['inches', 'inch', 'feet', 'foot', 'ft', 'cm', 'centimeters', 'centimetres', 'mm', 'meters', 'metres', 'minutes', 'mins', 'hours']);

const ONES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const UNIT_NAMES = UNITS.flatMap((u) => u.names).sort((a, b) => b.length - a.length);
const UNIT = `(${UNIT_NAMES.map((n) => n.replace(/["']/g, (c) => `\\${c}`)).join('|')})`;
const NUM = '(\\d+(?:\\.\\d+)?)';
const WORD_UNIT = UNIT_NAMES.filter((n) => /^[a-z]{2,}$/.test(n) && n !== 'in').join('|');

/**
 * The one amount the answer gives, in the question's unit when it names one. `measuredOnly`
 * counts only amounts with a unit or in words ("10 inches", "chin length"), for a message
 * whose bare number may have answered another question.
 */
export function readQuantity(text: string, prompt: string, opts: { measuredOnly?: boolean } = {}): number | undefined {
  // "10? no wait more like 12", "6 inches, actually 8": the amount put in place of the first is the answer.
  const corrected = splitCorrection(plain(text))?.after;
  return (corrected ? amountIn(corrected, prompt, opts) : undefined) ?? amountIn(text, prompt, opts);
}

function amountIn(text: string, prompt: string, opts: { measuredOnly?: boolean }): number | undefined {
  // "10ish", "~10": about that many.
  const s = withoutDisowned(spelledOut(plain(text).replace(/\S+@\S+/g, ' ').replace(/(\d)ish\b/g, '$1')));
  const wanted = promptUnit(prompt);
  const values: number[] = [];
  // "5'6", "5 ft 6 in": feet and inches together are one amount.
  const rest = s.replace(new RegExp(`${NUM} ?(?:ft|feet|foot|') ?(?:and )?${NUM} ?(?:inches|inch|in|")?(?![a-z0-9])`, 'g'), (_, ft: string, inches: string) => {
    values.push(convert(Number(ft) * 12 + Number(inches), unitOf('in')!, wanted) ?? NaN);
    return ' ';
  });
  // A clock time or a date ("at 3pm", "10:30", "the 8th") is not an amount.
  const amounts = new RegExp(`(?<![\\d.:/])${NUM} ?${UNIT}?(?![a-z0-9:/])`, 'g');
  for (const m of rest.replace(/\b\d{1,2}(:\d{2})? ?(am|pm|a\.m\.|p\.m\.)/g, ' ').matchAll(amounts)) {
    const said = m[2] ? unitOf(m[2]) : undefined;
    if (opts.measuredOnly && !said) continue;
    values.push(said ? (convert(Number(m[1]), said, wanted) ?? NaN) : Number(m[1]));
  }
  if (!values.length) values.push(...lengthInWords(text, prompt, wanted));
  const distinct = [...new Set(values.map((v) => Math.round(v * 10) / 10))];
  return distinct.length === 1 && Number.isFinite(distinct[0]) ? distinct[0] : undefined;
}

// "16, i almost sent 6", "12 not 10", "the 6 was a typo", "ignore the 4": an amount the customer disowns is
// named only to be set aside; the amount left is the answer.
const TYPED = '(?:sent|typed|put|said|wrote|entered|hit)';
const DISOWNED = [
  new RegExp(`\\b(?:not|instead of|rather than|almost ${TYPED}|(?:accidentally|mistakenly) ${TYPED}|${TYPED} by (?:mistake|accident)) ${NUM} ?${UNIT}?(?![a-z0-9])`, 'g'),
  new RegExp(`(?<![\\d.])${NUM} ?${UNIT}? (?:was|is|were) (?:a |my )?(?:typo|mistake|wrong)\\b`, 'g'),
  new RegExp(`\\bignore (?:the |that |my )?${NUM} ?${UNIT}?(?![a-z0-9])`, 'g'),
  new RegExp(`(?<![\\d.])${NUM} ?${UNIT}? (?:that )?i (?:(?:almost|accidentally|mistakenly) ${TYPED}|${TYPED} by (?:mistake|accident))\\b`, 'g'),
];

function withoutDisowned(s: string): string {
  return DISOWNED.reduce((t, re) => t.replace(re, ' '), s);
}

/** "chin length" to "how long is your hair, in inches?": the length the words stand for, in the question's unit. */
function lengthInWords(text: string, prompt: string, wanted: ReturnType<typeof unitOf>): number[] {
  if (wanted?.dim !== 'length' || !asksHairLength(prompt)) return [];
  const inches = hairLengthInches(text);
  return inches === undefined ? [] : [convert(inches, unitOf('in')!, wanted) ?? NaN];
}

/** Number words as digits: "twenty two" → 22, "a foot and a half" → "1.5 foot", "half an inch" → "0.5 inch". */
function spelledOut(s: string): string {
  let out = s.replace(/\b(a )?dozen\b/g, '12');
  out = out.replace(new RegExp(`\\b(${Object.keys(TENS).join('|')})(?:[ -](${Object.keys(ONES).slice(1, 10).join('|')}))?\\b`, 'g'), (_, t: string, o?: string) => String(TENS[t]! + (o ? ONES[o]! : 0)));
  out = out.replace(new RegExp(`\\b(${Object.keys(ONES).join('|')})\\b`, 'g'), (w: string) => String(ONES[w]));
  out = out.replace(new RegExp(`\\bhalf (?:a|an) (${WORD_UNIT})\\b`, 'g'), '0.5 $1');
  out = out.replace(new RegExp(`\\b(?:a|an) (${WORD_UNIT})\\b`, 'g'), '1 $1');
  out = out.replace(new RegExp(`${NUM} ?(${WORD_UNIT}) and (?:a )?half\\b`, 'g'), (_, n: string, u: string) => `${Number(n) + 0.5} ${u}`);
  return out.replace(new RegExp(`${NUM} and (?:a )?half\\b`, 'g'), (_, n: string) => String(Number(n) + 0.5));
}

function unitOf(name: string) {
  return UNITS.find((u) => u.names.includes(name));
}

function promptUnit(prompt: string) {
  const name = plain(prompt)
    .split(/[^a-z]+/)
    .find((w) => PROMPT_UNIT_NAMES.has(w));
  return name ? unitOf(name) : undefined;
}

/** The amount in the question's unit; undefined when the two cannot be compared (hours for inches). */
function convert(value: number, said: NonNullable<ReturnType<typeof unitOf>>, wanted: ReturnType<typeof unitOf>): number | undefined {
  if (!wanted) return value;
  if (said.dim !== wanted.dim) return undefined;
  return (value * said.size) / wanted.size;
}
